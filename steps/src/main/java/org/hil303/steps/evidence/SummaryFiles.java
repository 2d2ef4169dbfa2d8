package org.hil303.steps.evidence;

import static org.hil303.steps.evidence.Escape.html;
import static org.hil303.steps.evidence.Escape.json;
import static org.hil303.steps.evidence.Escape.markdown;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.hil303.steps.evidence.ConformanceSummary.Case;
import org.hil303.steps.evidence.ConformanceSummary.Coverage;
import org.hil303.steps.evidence.ConformanceSummary.Kind;
import org.hil303.steps.evidence.ConformanceSummary.Row;
import org.hil303.steps.evidence.Missing.Who;
import org.hil303.steps.report.TestCaseResult;
import org.hil303.steps.report.Verdict;

/** The conformance summary of a run in three forms: summary.json (machines), summary.md (reviews), summary.html (people). */
public final class SummaryFiles {
    public static final List<String> NAMES = List.of("summary.json", "summary.md", "summary.html");

    private SummaryFiles() {}

    public static void write(Path runDir, List<TestCaseResult> results, ConformanceSummary summary, Map<String, String> environment)
            throws IOException {
        List<SchemeView> schemes = Scheme.builtIn().stream().map(s -> SchemeView.of(s, summary)).toList();
        Files.writeString(runDir.resolve("summary.json"), jsonText(results, summary, schemes, environment), StandardCharsets.UTF_8);
        Files.writeString(runDir.resolve("summary.md"), markdownText(summary, schemes, environment), StandardCharsets.UTF_8);
        Files.writeString(runDir.resolve("summary.html"), htmlText(summary, schemes, environment), StandardCharsets.UTF_8);
    }

    static String jsonText(List<TestCaseResult> results, ConformanceSummary summary, List<SchemeView> schemes, Map<String, String> environment) {
        StringBuilder b = new StringBuilder("{\n  \"environment\": {");
        String sep = "\n";
        for (Map.Entry<String, String> e : environment.entrySet()) {
            b.append(sep).append("    ").append(json(e.getKey())).append(": ").append(json(e.getValue()));
            sep = ",\n";
        }
        // the automated test cases, flat, as issue #2 defined them: the exit status is computed over these
        b.append("\n  },\n  \"testCases\": [");
        sep = "\n";
        for (TestCaseResult r : results) {
            b.append(sep).append(String.format(Locale.ROOT,
                    "    {\"provision\": %s, \"testCase\": %s, \"name\": %s, \"verdict\": %s, \"durationMs\": %d, \"message\": %s, "
                            + "\"rig\": %s, \"unit\": %s}",
                    json(r.provision()), json(r.testCase()), json(r.name()), json(r.verdict().name()), r.duration().toMillis(), json(r.message()),
                    json(r.rig()), json(r.unit())));
            sep = ",\n";
        }
        b.append("\n  ],\n  \"coverage\": {");
        sep = "";
        for (Map.Entry<Coverage, Integer> e : summary.coverageCounts().entrySet()) {
            b.append(sep).append(json(e.getKey().name().toLowerCase(Locale.ROOT))).append(": ").append(e.getValue());
            sep = ", ";
        }
        // the open provisions, and how many wait on each party (one waiting on two counts for both)
        b.append("},\n  \"open\": {\"provisions\": ").append(summary.openCount());
        for (Map.Entry<Who, Integer> e : summary.waitingOn().entrySet()) {
            b.append(", ").append(json(e.getKey().label())).append(": ").append(e.getValue());
        }
        b.append("},\n  \"provisions\": [");
        sep = "\n";
        for (Row r : summary.rows()) {
            b.append(sep).append("    {\"id\": ").append(json(r.provision().id()))
                    .append(", \"v3Ids\": [").append(r.provision().v3Ids().stream().map(Escape::json).collect(Collectors.joining(", "))).append(']')
                    .append(", \"section\": ").append(json(r.provision().section()))
                    .append(", \"title\": ").append(json(r.provision().title()))
                    .append(", \"status\": ").append(json(r.provision().status()))
                    .append(", \"condition\": ").append(json(r.provision().condition()))
                    .append(", \"support\": ").append(json(r.support()))
                    .append(", \"supportDetail\": ").append(json(r.supportDetail()))
                    .append(", \"verdict\": ").append(json(r.verdict().name()))
                    .append(", \"coverage\": ").append(json(r.coverage().name().toLowerCase(Locale.ROOT)))
                    .append(", \"testCases\": [");
            String csep = "";
            for (Case c : r.testCases()) {
                // "kind" sits between id and name on purpose: readers of the flat list above match id, name, verdict in a row
                b.append(csep).append("{\"testCase\": ").append(json(c.testCase()))
                        .append(", \"kind\": ").append(json(c.kind().name().toLowerCase(Locale.ROOT)))
                        .append(", \"part\": ").append(json(c.part()))
                        .append(", \"verdict\": ").append(json(c.verdict().name()))
                        .append(", \"name\": ").append(json(c.name()))
                        .append(", \"message\": ").append(json(c.message()))
                        .append(", \"evidence\": ").append(json(c.evidence()))
                        .append(", \"rig\": ").append(json(c.rig())).append(", \"unit\": ").append(json(c.unit())).append('}');
                csep = ", ";
            }
            b.append("], \"missing\": [");
            csep = "";
            for (Missing m : r.missing()) {
                b.append(csep).append("{\"testCase\": ").append(json(m.testCase())).append(", \"what\": ").append(json(m.what()))
                        .append(", \"who\": ").append(json(m.who().label())).append('}');
                csep = ", ";
            }
            b.append("]}");
            sep = ",\n";
        }
        b.append("\n  ],\n  \"schemes\": [");
        sep = "\n";
        for (SchemeView v : schemes) {
            Scheme scheme = v.scheme();
            b.append(sep).append("    {\"scheme\": ").append(json(scheme.name())).append(", \"title\": ").append(json(scheme.title()))
                    .append(", \"informative\": ").append(scheme.informative()).append(", \"source\": ").append(json(scheme.source()))
                    .append(", \"requirements\": [");
            String rsep = "\n";
            for (SchemeView.Line line : v.lines()) {
                Scheme.Requirement q = line.requirement();
                b.append(rsep).append("      {\"id\": ").append(json(q.id())).append(", \"title\": ").append(json(q.title()));
                if (q.part() != 0) {
                    b.append(", \"part\": ").append(q.part());
                }
                b.append(", \"verdict\": ").append(line.verdict().map(x -> json(x.name())).orElse("null"))
                        .append(", \"note\": ").append(json(q.note()))
                        .append(", \"seen\": [").append(q.seen().stream().map(Escape::json).collect(Collectors.joining(", "))).append(']')
                        .append(", \"evidence\": [");
                String esep = "";
                for (SchemeView.Evidence e : line.evidence()) {
                    b.append(esep).append("{\"id\": ").append(json(e.id())).append(", \"verdict\": ").append(json(e.verdict().name())).append('}');
                    esep = ", ";
                }
                b.append("]}");
                rsep = ",\n";
            }
            b.append("\n    ]}");
            sep = ",\n";
        }
        return b.append("\n  ]\n}\n").toString();
    }

    static String markdownText(ConformanceSummary summary, List<SchemeView> schemes, Map<String, String> env) {
        StringBuilder b = new StringBuilder("# EN 303 645 conformance summary\n\n");
        for (String k : List.of("dut", "dut.model", "dut.firmware", "rig", "rigs", "units", "harness.version", "harness.commit", "run.started")) {
            if (env.containsKey(k)) {
                b.append("- ").append(k).append(": ").append(markdown(env.get(k))).append('\n');
            }
        }
        b.append("- ").append(totals(summary)).append("\n\n");
        b.append("| provision | V3.1.3 | title | status | ICS | verdict | coverage | missing | test cases |\n|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : summary.rows()) {
            b.append("| ").append(markdown(r.provision().id()))
                    .append(" | ").append(markdown(String.join(", ", r.provision().v3Ids())))
                    .append(" | ").append(markdown(r.provision().title()))
                    .append(" | ").append(markdown(r.provision().status()))
                    .append(" | ").append(markdown(r.support()))
                    .append(" | **").append(r.verdict().name()).append("**")
                    .append(" | ").append(r.coverage().label())
                    .append(" | ");
            String sep = "";
            for (Missing m : r.missing()) {
                b.append(sep).append(m.who().label()).append(": ").append(markdown(m.what()));
                sep = "<br>";
            }
            b.append(" | ");
            sep = "";
            for (Case c : conceptualFirst(r.testCases())) {
                b.append(sep).append(c.part()).append(' ')
                        .append(c.evidence().isEmpty() ? markdown(c.testCase()) : "[" + markdown(c.testCase()) + "](" + c.evidence() + ")")
                        .append(' ').append(c.verdict().name());
                if (!c.unit().isEmpty()) {
                    b.append(" (").append(markdown(c.rig())).append(", unit ").append(markdown(c.unit())).append(')');
                }
                if (c.kind() != Kind.AUTOMATED && !c.message().isEmpty()) {
                    b.append(": ").append(markdown(c.message()));
                }
                sep = "<br>";
            }
            b.append(" |\n");
        }
        // lists, not tables: the provision table stays the only one, and readers count its rows
        for (SchemeView v : schemes) {
            b.append("\n## ").append(markdown(v.scheme().title())).append("\n\n");
            if (v.scheme().informative()) {
                b.append("Informative: the evidence from this run beside each requirement, not a verdict of this scheme.\n\n");
            }
            b.append("Source: ").append(markdown(v.scheme().source())).append("\n\n");
            for (SchemeView.Line line : v.lines()) {
                Scheme.Requirement q = line.requirement();
                b.append("- **").append(markdown(q.id())).append("** ").append(markdown(q.title()));
                line.verdict().ifPresent(x -> b.append(": **").append(x.name()).append("**"));
                b.append(" (").append(line.evidence().stream().map(e -> markdown(e.id()) + " " + e.verdict().name())
                        .collect(Collectors.joining(", "))).append(')');
                if (!q.note().isEmpty()) {
                    b.append("; ").append(markdown(q.note()));
                }
                b.append('\n');
            }
        }
        return b.toString();
    }

    static String htmlText(ConformanceSummary summary, List<SchemeView> schemes, Map<String, String> env) {
        StringBuilder b = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
                <title>EN 303 645 conformance summary</title>
                <style>
                body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse;width:100%}
                th,td{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top;font-size:90%}
                th{background:#eee}.PASS{background:#d8f5d8}.FAIL{background:#f8d0d0}.INCONCLUSIVE{background:#fbe9c0}
                .NOT_APPLICABLE{background:#e4e4e4}.msg{color:#444}
                dl{display:grid;grid-template-columns:max-content auto;gap:.1em 1em}dt{font-weight:bold}dd{margin:0}
                </style></head><body>
                <h1>EN 303 645 conformance summary</h1>
                <dl>
                """);
        for (String k : List.of("dut", "dut.model", "dut.firmware", "rig", "rigs", "units", "harness.version", "harness.commit", "run.started")) {
            if (env.containsKey(k)) {
                b.append("<dt>").append(html(k)).append("</dt><dd>").append(html(env.get(k))).append("</dd>\n");
            }
        }
        b.append("</dl>\n<p id=\"counts\">").append(html(totals(summary))).append("</p>\n");
        b.append("<table id=\"provisions\"><thead><tr><th>provision</th><th>V3.1.3</th><th>title</th><th>status</th><th>ICS</th>"
                + "<th>verdict</th><th>coverage</th><th>missing</th><th>test cases</th></tr></thead><tbody>\n");
        for (Row r : summary.rows()) {
            String v = r.verdict().name();
            b.append("<tr id=\"p-").append(html(r.provision().id())).append("\" data-verdict=\"").append(v).append("\">")
                    .append("<td>").append(html(r.provision().id())).append("</td>")
                    .append("<td>").append(html(String.join(", ", r.provision().v3Ids()))).append("</td>")
                    .append("<td>").append(html(r.provision().title())).append("</td>")
                    .append("<td title=\"").append(html(r.provision().condition())).append("\">").append(html(r.provision().status())).append("</td>")
                    .append("<td title=\"").append(html(r.supportDetail())).append("\">").append(html(r.support())).append("</td>")
                    .append("<td class=\"").append(v).append("\">").append(v).append("</td>")
                    .append("<td>").append(r.coverage().label()).append("</td><td>");
            for (Missing m : r.missing()) {
                b.append("<div class=\"missing ").append(m.who().label()).append("\"><b>").append(m.who().label()).append("</b>: ")
                        .append(html(m.what())).append("</div>");
            }
            b.append("</td><td>");
            for (Case c : conceptualFirst(r.testCases())) {
                String id = html(c.testCase());
                b.append("<div class=\"case ").append(c.verdict().name()).append("\">").append(c.part()).append(' ')
                        .append(c.evidence().isEmpty() ? id : "<a href=\"" + html(c.evidence()) + "\">" + id + "</a>")
                        .append(' ').append(c.verdict().name());
                if (!c.unit().isEmpty()) {
                    b.append(" <span class=\"unit\">(").append(html(c.rig())).append(", unit ").append(html(c.unit())).append(")</span>");
                }
                if (!c.message().isEmpty()) {
                    b.append(" <span class=\"msg\">").append(html(abbreviate(c.message()))).append("</span>");
                }
                b.append("</div>");
            }
            b.append("</td></tr>\n");
        }
        b.append("</tbody></table>\n<section id=\"schemes\">\n");
        for (SchemeView v : schemes) {
            Scheme scheme = v.scheme();
            b.append("<h2 id=\"scheme-").append(html(scheme.name().replace(' ', '-'))).append("\">").append(html(scheme.title())).append("</h2>\n");
            if (scheme.informative()) {
                b.append("<p class=\"informative\">Informative: the evidence from this run beside each requirement, not a verdict of this scheme.</p>\n");
            }
            b.append("<p class=\"msg\">Source: ").append(html(scheme.source())).append("</p>\n<table><thead><tr><th>requirement</th><th>title</th>")
                    .append(scheme.informative() ? "" : "<th>verdict</th>").append("<th>evidence</th><th>note</th></tr></thead><tbody>\n");
            for (SchemeView.Line line : v.lines()) {
                Scheme.Requirement q = line.requirement();
                b.append("<tr><td>").append(html(q.id()));
                if (!q.seen().isEmpty()) {
                    b.append("<div class=\"msg\">named in sources: ").append(html(String.join(", ", q.seen()))).append("</div>");
                }
                b.append("</td><td>").append(html(q.title())).append("</td>");
                line.verdict().ifPresent(x -> b.append("<td class=\"").append(x.name()).append("\">").append(x.name()).append("</td>"));
                b.append("<td>");
                for (SchemeView.Evidence e : line.evidence()) {
                    b.append("<div class=\"case ").append(e.verdict().name()).append("\"><a href=\"#p-")
                            .append(html(TestCaseId.provision(e.id()).orElse(e.id()))).append("\">").append(html(e.id())).append("</a> ")
                            .append(e.verdict().name()).append("</div>");
                }
                b.append("</td><td class=\"msg\">").append(html(q.note())).append("</td></tr>\n");
            }
            b.append("</tbody></table>\n");
        }
        return b.append("</section>\n</body></html>\n").toString();
    }

    /** TS 103 701's order within a test group: the conceptual test case, then the functional ones as the run gave them. */
    private static List<Case> conceptualFirst(List<Case> cases) {
        List<Case> out = new java.util.ArrayList<>(cases.stream().filter(Case::conceptual).toList());
        cases.stream().filter(c -> !c.conceptual()).forEach(out::add);
        return out;
    }

    /** The line of totals: verdicts, what evidence there is, and who the open provisions wait on. */
    public static String totals(ConformanceSummary summary) {
        Map<Verdict, Integer> v = summary.verdictCounts();
        Map<Coverage, Integer> c = summary.coverageCounts();
        Map<Who, Integer> w = summary.waitingOn();
        return String.format(Locale.ROOT,
                "%d provisions: %d PASS, %d FAIL, %d INCONCLUSIVE, %d NOT_APPLICABLE; evidence: automated %d, automated and assessor %d, "
                        + "assessor statement only %d, not applicable by the ICS %d, none yet %d; open %d, waiting on the assessor %d, "
                        + "the supplier %d, the rig %d, the harness %d",
                summary.rows().size(), v.get(Verdict.PASS), v.get(Verdict.FAIL), v.get(Verdict.INCONCLUSIVE), v.get(Verdict.NOT_APPLICABLE),
                c.get(Coverage.AUTOMATED), c.get(Coverage.AUTOMATED_AND_ASSESSOR), c.get(Coverage.ASSESSOR), c.get(Coverage.NOT_APPLICABLE),
                c.get(Coverage.OPEN), summary.openCount(), w.get(Who.ASSESSOR), w.get(Who.SUPPLIER), w.get(Who.RIG), w.get(Who.HARNESS));
    }

    private static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }
}

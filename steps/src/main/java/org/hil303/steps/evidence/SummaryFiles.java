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
import org.hil303.steps.report.TestCaseResult;
import org.hil303.steps.report.Verdict;

/** The conformance summary of a run in three forms: summary.json (machines), summary.md (reviews), summary.html (people). */
public final class SummaryFiles {
    public static final List<String> NAMES = List.of("summary.json", "summary.md", "summary.html");

    private SummaryFiles() {}

    public static void write(Path runDir, List<TestCaseResult> results, ConformanceSummary summary, Map<String, String> environment)
            throws IOException {
        Files.writeString(runDir.resolve("summary.json"), jsonText(results, summary, environment), StandardCharsets.UTF_8);
        Files.writeString(runDir.resolve("summary.md"), markdownText(summary, environment), StandardCharsets.UTF_8);
        Files.writeString(runDir.resolve("summary.html"), htmlText(summary, environment), StandardCharsets.UTF_8);
    }

    static String jsonText(List<TestCaseResult> results, ConformanceSummary summary, Map<String, String> environment) {
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
                        .append(", \"verdict\": ").append(json(c.verdict().name()))
                        .append(", \"name\": ").append(json(c.name()))
                        .append(", \"message\": ").append(json(c.message()))
                        .append(", \"evidence\": ").append(json(c.evidence()))
                        .append(", \"rig\": ").append(json(c.rig())).append(", \"unit\": ").append(json(c.unit())).append('}');
                csep = ", ";
            }
            b.append("]}");
            sep = ",\n";
        }
        return b.append("\n  ]\n}\n").toString();
    }

    static String markdownText(ConformanceSummary summary, Map<String, String> env) {
        StringBuilder b = new StringBuilder("# EN 303 645 conformance summary\n\n");
        for (String k : List.of("dut", "dut.model", "dut.firmware", "rig", "rigs", "units", "harness.version", "harness.commit", "run.started")) {
            if (env.containsKey(k)) {
                b.append("- ").append(k).append(": ").append(markdown(env.get(k))).append('\n');
            }
        }
        b.append("- provisions: ").append(counts(summary)).append("\n\n");
        b.append("| provision | V3.1.3 | title | status | ICS | verdict | coverage | test cases |\n|---|---|---|---|---|---|---|---|\n");
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
            for (Case c : r.testCases()) {
                b.append(sep).append(c.evidence().isEmpty() ? markdown(c.testCase()) : "[" + markdown(c.testCase()) + "](" + c.evidence() + ")")
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
        return b.toString();
    }

    static String htmlText(ConformanceSummary summary, Map<String, String> env) {
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
        b.append("</dl>\n<p id=\"counts\">").append(html(counts(summary))).append("</p>\n");
        b.append("<table id=\"provisions\"><thead><tr><th>provision</th><th>V3.1.3</th><th>title</th><th>status</th><th>ICS</th>"
                + "<th>verdict</th><th>coverage</th><th>test cases</th></tr></thead><tbody>\n");
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
            for (Case c : r.testCases()) {
                String id = html(c.testCase());
                b.append("<div class=\"case ").append(c.verdict().name()).append("\">")
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
        return b.append("</tbody></table>\n</body></html>\n").toString();
    }

    private static String counts(ConformanceSummary summary) {
        Map<Verdict, Integer> v = summary.verdictCounts();
        Map<Coverage, Integer> c = summary.coverageCounts();
        return String.format(Locale.ROOT,
                "%d provisions: %d PASS, %d FAIL, %d INCONCLUSIVE, %d NOT_APPLICABLE; automated %d, automated and assessor %d, "
                        + "assessor statement only %d, not applicable by the ICS %d, still open %d",
                summary.rows().size(), v.get(Verdict.PASS), v.get(Verdict.FAIL), v.get(Verdict.INCONCLUSIVE), v.get(Verdict.NOT_APPLICABLE),
                c.get(Coverage.AUTOMATED), c.get(Coverage.AUTOMATED_AND_ASSESSOR), c.get(Coverage.ASSESSOR), c.get(Coverage.NOT_APPLICABLE),
                c.get(Coverage.OPEN));
    }

    private static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }
}

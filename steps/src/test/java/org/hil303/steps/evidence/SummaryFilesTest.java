package org.hil303.steps.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hil303.fixtures.dut.IcsEntry;
import org.hil303.fixtures.dut.Support;
import org.hil303.steps.evidence.ConformanceSummary.Coverage;
import org.hil303.steps.report.TestCaseResult;
import org.hil303.steps.report.Verdict;
import org.hil303.steps.run.Provisions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryFilesTest {
    private static final String HOSTILE = "banner \"</script><script>alert(1)</script>\u001b[2J| **x** \\";

    private static ConformanceSummary summary() {
        TestCaseResult automated = new TestCaseResult("5.1-1", "5.1-1-2", "sweep", Verdict.FAIL, Duration.ofMillis(5), HOSTILE);
        TestCaseResult passed = new TestCaseResult("5.6-4", "5.6-4-2", "uart", Verdict.PASS, Duration.ofMillis(5), "");
        AssessorStatement statement = new AssessorStatement("5.3-16-1", Verdict.PASS, "label " + HOSTILE, "A. Assessor",
                LocalDate.of(2026, 11, 20), List.of());
        // the conceptual half of 5.6-4: with it and its passed functional test case the provision passes
        AssessorStatement uart = new AssessorStatement("5.6-4-1", Verdict.PASS, "the IXIT declares uart0, login required", "A. Assessor",
                LocalDate.of(2026, 11, 20), List.of());
        Map<String, IcsEntry> ics = Map.of("5.10-1", new IcsEntry("5.10-1", Support.N_A, "no telemetry <b>at all</b>"),
                "5.1-1", new IcsEntry("5.1-1", Support.Y, "unique"));
        return ConformanceSummary.of(List.of(automated, passed), java.util.Set.of("5.1-1", "5.6-4", "5.5-1"), ics,
                Map.of("5.3-16-1", statement, "5.6-4-1", uart), Map.of("5.1-1-2", "allure-report/index.html#testresult/abc"));
    }

    @Test
    void the_catalogue_is_the_whole_standard() {
        assertThat(Provisions.all()).hasSize(68);
        assertThat(Provisions.find("4-1")).isPresent();
        assertThat(Provisions.find("6-5")).isPresent();
        assertThat(Provisions.find("5.13-1").orElseThrow().v3Ids()).containsExactly("5.13-1A", "5.13-1B");
        assertThat(Provisions.find("5.1-1").orElseThrow().status()).isEqualTo("M C(1)");
    }

    @Test
    void every_provision_has_a_row_and_none_without_evidence_passes() {
        ConformanceSummary s = summary();
        assertThat(s.rows()).hasSize(Provisions.all().size());
        var byId = new java.util.HashMap<String, ConformanceSummary.Row>();
        s.rows().forEach(r -> byId.put(r.provision().id(), r));
        assertThat(byId.get("5.1-1").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(byId.get("5.1-1").coverage()).isEqualTo(Coverage.AUTOMATED);
        assertThat(byId.get("5.6-4").verdict()).isEqualTo(Verdict.PASS);
        assertThat(byId.get("5.3-16").verdict()).isEqualTo(Verdict.PASS);
        assertThat(byId.get("5.3-16").coverage()).isEqualTo(Coverage.ASSESSOR);
        assertThat(byId.get("5.10-1").verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(byId.get("5.4-1").verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(byId.get("5.4-1").testCases()).singleElement().satisfies(c -> {
            assertThat(c.testCase()).isEqualTo("5.4-1-1");
            assertThat(c.message()).contains("no assessor statement");
        });
        assertThat(s.rows().stream().filter(r -> r.verdict() == Verdict.PASS)).hasSize(2);
        assertThat(byId.get("5.5-1").testCases().get(0).message()).contains("not selected in this run");
    }

    @Test
    void device_text_cannot_break_out_of_any_summary(@TempDir Path dir) throws Exception {
        ConformanceSummary s = summary();
        SummaryFiles.write(dir, List.of(new TestCaseResult("5.1-1", "5.1-1-2", "sweep", Verdict.FAIL, Duration.ofMillis(5), HOSTILE)),
                s, Map.of("dut", "<img src=x onerror=alert(1)>"));
        String json = Files.readString(dir.resolve("summary.json"));
        String md = Files.readString(dir.resolve("summary.md"));
        String html = Files.readString(dir.resolve("summary.html"));
        for (String text : List.of(json, md, html)) {
            assertThat(text).doesNotContain("<script>").doesNotContain("\u001b").doesNotContain("<img").doesNotContain("<b>at all");
        }
        assertThat(json).contains("\\u003c/script\\u003e").contains("\"testCase\": \"5.1-1-2\", \"name\": \"sweep\", \"verdict\": \"FAIL\"")
                .contains("\"id\": \"4-1\"").contains("\"id\": \"6-5\"");
        assertThat(RunVerdicts.of(json)).containsExactly(Map.entry("5.1-1-2", "FAIL"));
        assertThat(md).contains("\\| \\*\\*x\\*\\*").contains("[5.1-1-2](allure-report/index.html#testresult/abc) FAIL");
        assertThat(md.lines().filter(l -> l.startsWith("| "))).hasSize(Provisions.all().size() + 1);
        assertThat(html).contains("&lt;/script&gt;").contains("<tr id=\"p-5.1-1\" data-verdict=\"FAIL\">")
                .contains("href=\"allure-report/index.html#testresult/abc\"");
    }

    private static Map<String, ConformanceSummary.Row> byId(ConformanceSummary s) {
        Map<String, ConformanceSummary.Row> out = new java.util.HashMap<>();
        s.rows().forEach(r -> out.put(r.provision().id(), r));
        return out;
    }

    private static TestCaseResult result(String testCase, Verdict verdict, String message) {
        return new TestCaseResult(testCase.substring(0, testCase.lastIndexOf('-')), testCase, "scenario", verdict, Duration.ofMillis(5), message);
    }

    @Test
    void an_automated_pass_without_the_assessors_statement_leaves_the_provision_open() {
        var rows = byId(summary());
        assertThat(rows.get("5.6-4").verdict()).isEqualTo(Verdict.PASS);
        Map<String, IcsEntry> ics = Map.of("5.6-4", new IcsEntry("5.6-4", Support.Y, "uart0, login required"));
        ConformanceSummary s = ConformanceSummary.of(List.of(result("5.6-4-2", Verdict.PASS, "")), java.util.Set.of("5.6-4"), ics, Map.of(), Map.of());
        ConformanceSummary.Row row = byId(s).get("5.6-4");
        assertThat(row.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(row.coverage()).isEqualTo(Coverage.AUTOMATED);
        assertThat(row.testCases()).extracting(ConformanceSummary.Case::testCase, ConformanceSummary.Case::part)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("5.6-4-2", "functional"), org.assertj.core.groups.Tuple.tuple("5.6-4-1", "conceptual"));
        assertThat(row.testCases().get(1).message()).contains("the assessor's statement for 5.6-4-1 is missing");
        assertThat(row.missing()).singleElement().satisfies(m -> {
            assertThat(m.who()).isEqualTo(Missing.Who.ASSESSOR);
            assertThat(m.testCase()).isEqualTo("5.6-4-1");
        });
        // a FAIL is a FAIL whatever the assessor says, and nothing is asked of anyone
        ConformanceSummary failed = ConformanceSummary.of(List.of(result("5.6-4-2", Verdict.FAIL, "a shell")), java.util.Set.of("5.6-4"), Map.of(),
                Map.of(), Map.of());
        assertThat(byId(failed).get("5.6-4").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(byId(failed).get("5.6-4").missing()).isEmpty();
    }

    @Test
    void a_functional_test_case_the_run_left_out_keeps_its_provision_open() {
        AssessorStatement design = new AssessorStatement("5.3-2-1", Verdict.PASS, "A/B slots, signed images", "A. Assessor",
                LocalDate.of(2026, 11, 20), List.of());
        ConformanceSummary s = ConformanceSummary.of(List.of(result("5.3-2-2", Verdict.PASS, "")),
                java.util.Set.of("5.3-2", "5.3-2-2", "5.3-2-2b", "5.3-2-2c"), Map.of("5.3-2", new IcsEntry("5.3-2", Support.Y, "A/B")),
                Map.of("5.3-2-1", design), Map.of());
        ConformanceSummary.Row row = byId(s).get("5.3-2");
        assertThat(row.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(row.missing()).extracting(Missing::testCase, Missing::who).containsExactly(
                org.assertj.core.groups.Tuple.tuple("5.3-2-2b", Missing.Who.RIG), org.assertj.core.groups.Tuple.tuple("5.3-2-2c", Missing.Who.RIG));
    }

    @Test
    void the_ics_or_an_all_not_applicable_group_makes_a_provision_not_applicable() {
        AssessorStatement na = new AssessorStatement("5.3-4-1", Verdict.NOT_APPLICABLE, "no automatic updates", "A. Assessor",
                LocalDate.of(2026, 11, 20), List.of());
        ConformanceSummary s = ConformanceSummary.of(List.of(result("5.3-4-2", Verdict.NOT_APPLICABLE, "not automatic"),
                        result("5.7-1-2", Verdict.INCONCLUSIVE, "rig: the emulator exited")),
                java.util.Set.of("5.3-4", "5.7-1"), Map.of("5.7-1", new IcsEntry("5.7-1", Support.N_A, "no secure boot: a recommendation")),
                Map.of("5.3-4-1", na), Map.of());
        assertThat(byId(s).get("5.3-4").verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(byId(s).get("5.7-1").verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(byId(s).get("5.7-1").testCases()).anySatisfy(c -> assertThat(c.message()).isEqualTo("the ICS says N/A: no secure boot: a recommendation"));
        assertThat(byId(s).get("5.7-1").missing()).isEmpty();
    }

    @Test
    void each_open_provision_says_what_is_missing_and_who_supplies_it() {
        ConformanceSummary s = ConformanceSummary.of(List.of(
                        result("5.1-1-2", Verdict.INCONCLUSIVE, "IXIT incomplete: auth-mechanisms names no credential for telnet"),
                        result("5.6-1-2", Verdict.INCONCLUSIVE, "rig: the tap went down"),
                        result("5.6-2-2", Verdict.INCONCLUSIVE, "DUT not ready: no ready line within 90 s"),
                        result("5.13-1-2", Verdict.INCONCLUSIVE, "harness error: java.lang.NullPointerException"),
                        result("5.7-2-2", Verdict.INCONCLUSIVE, "not implemented: a step has no definition")),
                java.util.Set.of("5.1-1", "5.6-1", "5.6-2", "5.13-1", "5.7-2", "5.5-1"), Map.of(), Map.of(), Map.of());
        var rows = byId(s);
        assertThat(rows.get("5.1-1").missing()).extracting(Missing::who)
                .containsExactly(Missing.Who.SUPPLIER, Missing.Who.SUPPLIER, Missing.Who.ASSESSOR);
        assertThat(rows.get("5.1-1").missing().get(0).what()).contains("the ICS entry for 5.1-1").contains("passwords are used");
        assertThat(rows.get("5.1-1").missing().get(1).what()).startsWith("IXIT incomplete:");
        assertThat(rows.get("5.6-1").missing()).extracting(Missing::who).containsExactly(Missing.Who.RIG, Missing.Who.ASSESSOR);
        assertThat(rows.get("5.6-2").missing()).extracting(Missing::who).containsExactly(Missing.Who.RIG, Missing.Who.ASSESSOR);
        assertThat(rows.get("5.13-1").missing()).extracting(Missing::who).containsExactly(Missing.Who.HARNESS, Missing.Who.ASSESSOR);
        assertThat(rows.get("5.7-2").missing()).extracting(Missing::who).containsExactly(Missing.Who.HARNESS, Missing.Who.ASSESSOR);
        // left out by --tags: the lab runs it on its rig
        assertThat(rows.get("5.5-1").missing()).extracting(Missing::testCase, Missing::who).containsExactly(
                org.assertj.core.groups.Tuple.tuple("5.5-1-2", Missing.Who.RIG), org.assertj.core.groups.Tuple.tuple("5.5-1-1", Missing.Who.ASSESSOR));
        assertThat(rows.get("5.4-1").missing()).extracting(Missing::who).containsExactly(Missing.Who.ASSESSOR);
        assertThat(s.openCount()).isEqualTo(68);
        assertThat(s.waitingOn()).containsEntry(Missing.Who.ASSESSOR, 68).containsEntry(Missing.Who.RIG, 3)
                .containsEntry(Missing.Who.HARNESS, 2);
        // every conditional provision without an ICS entry waits on the supplier too
        long conditional = Provisions.all().stream().filter(Provisions.Provision::conditional).count();
        assertThat(s.waitingOn().get(Missing.Who.SUPPLIER)).isEqualTo((int) conditional);
    }

    @Test
    void the_summaries_show_what_is_missing_by_whom_and_count_it(@TempDir Path dir) throws Exception {
        ConformanceSummary s = ConformanceSummary.of(List.of(result("5.1-1-2", Verdict.INCONCLUSIVE, "IXIT incomplete: <no> credential")),
                java.util.Set.of("5.1-1"), Map.of("5.1-1", new IcsEntry("5.1-1", Support.Y, "unique")), Map.of(), Map.of());
        SummaryFiles.write(dir, List.of(result("5.1-1-2", Verdict.INCONCLUSIVE, "IXIT incomplete: <no> credential")), s, Map.of());
        String json = Files.readString(dir.resolve("summary.json"));
        String md = Files.readString(dir.resolve("summary.md"));
        String html = Files.readString(dir.resolve("summary.html"));
        assertThat(json).contains("\"missing\": [{\"testCase\": \"5.1-1-2\", \"what\": \"IXIT incomplete: \\u003cno\\u003e credential\", \"who\": \"supplier\"}, "
                + "{\"testCase\": \"5.1-1-1\", \"what\": \"the assessor's statement for 5.1-1-1 (hil303 assess adds an entry to fill)\", \"who\": \"assessor\"}]")
                .contains("\"open\": {\"provisions\": 68, \"assessor\": 68, \"supplier\": ")
                .contains("{\"testCase\": \"5.1-1-1\", \"kind\": \"open\", \"part\": \"conceptual\", \"verdict\": \"INCONCLUSIVE\"");
        // the flat list keeps its shape, and the exit status's reader still sees only the automated test case
        assertThat(json).contains("{\"provision\": \"5.1-1\", \"testCase\": \"5.1-1-2\", \"name\": \"scenario\", \"verdict\": \"INCONCLUSIVE\", \"durationMs\": 5, ");
        assertThat(RunVerdicts.of(json)).containsExactly(Map.entry("5.1-1-2", "INCONCLUSIVE"));
        assertThat(md).contains("| provision | V3.1.3 | title | status | ICS | verdict | coverage | missing | test cases |")
                .contains("| supplier: IXIT incomplete: &lt;no&gt; credential<br>assessor: the assessor&#39;s statement for 5.1-1-1")
                .contains("conceptual 5.1-1-1 INCONCLUSIVE").contains("<br>functional [5.1-1-2](allure-report/index.html) INCONCLUSIVE")
                .contains("open 68, waiting on the assessor 68, the supplier ");
        assertThat(html).contains("<th>missing</th>").contains("<div class=\"missing supplier\"><b>supplier</b>: IXIT incomplete: &lt;no&gt; credential</div>")
                .doesNotContain("<no>");
    }

    @Test
    void the_scheme_views_judge_psti_and_list_en_18031_evidence_as_informative(@TempDir Path dir) throws Exception {
        AssessorStatement pw = new AssessorStatement("5.1-1-1", Verdict.PASS, "unique per unit", "A. Assessor", LocalDate.of(2026, 11, 20), List.of());
        AssessorStatement vdp = new AssessorStatement("5.2-1-1", Verdict.PASS, "policy published", "A. Assessor", LocalDate.of(2026, 11, 20), List.of());
        ConformanceSummary s = ConformanceSummary.of(List.of(result("5.1-1-2", Verdict.PASS, ""), result("5.2-1-2", Verdict.PASS, ""),
                        result("5.3-13-2", Verdict.FAIL, "no end of support on the page")),
                java.util.Set.of("5.1-1", "5.2-1", "5.3-13"), Map.of("5.1-2", new IcsEntry("5.1-2", Support.N_A, "no pre-installed password")),
                Map.of("5.1-1-1", pw, "5.2-1-1", vdp), Map.of());
        Scheme psti = Scheme.builtIn().get(0);
        SchemeView view = SchemeView.of(psti, s);
        assertThat(psti.informative()).isFalse();
        assertThat(view.lines()).extracting(l -> l.verdict().orElseThrow())
                .containsExactly(Verdict.PASS, Verdict.PASS, Verdict.FAIL);
        assertThat(view.lines().get(0).evidence()).containsExactly(new SchemeView.Evidence("5.1-1", Verdict.PASS),
                new SchemeView.Evidence("5.1-2", Verdict.NOT_APPLICABLE));
        SchemeView en18031 = SchemeView.of(Scheme.builtIn().get(1), s);
        assertThat(en18031.scheme().informative()).isTrue();
        assertThat(en18031.lines()).allSatisfy(l -> assertThat(l.verdict()).isEmpty());
        assertThat(en18031.lines().stream().filter(l -> l.requirement().id().equals("AUM")).findFirst().orElseThrow().evidence())
                .contains(new SchemeView.Evidence("5.1-1-2", Verdict.PASS), new SchemeView.Evidence("5.1-2-2", Verdict.NOT_APPLICABLE),
                        new SchemeView.Evidence("5.1-4-2", Verdict.INCONCLUSIVE));

        SummaryFiles.write(dir, List.of(), s, Map.of());
        String json = Files.readString(dir.resolve("summary.json"));
        String md = Files.readString(dir.resolve("summary.md"));
        String html = Files.readString(dir.resolve("summary.html"));
        assertThat(json).contains("\"schemes\": [").contains("{\"scheme\": \"UK PSTI\"").contains("\"informative\": true")
                .contains("{\"id\": \"Schedule 1 para 3\", \"title\": \"Information on minimum security update periods\", \"verdict\": \"FAIL\"")
                .contains("{\"id\": \"ACM\", \"title\": \"Access control mechanism\", \"part\": 1, \"verdict\": null");
        assertThat(md).contains("- **Schedule 1 para 1** Passwords: **PASS** (5.1-1 PASS, 5.1-2 NOT_APPLICABLE)")
                .contains("Informative: the evidence from this run beside each requirement, not a verdict of this scheme.");
        assertThat(md.lines().filter(l -> l.startsWith("| "))).hasSize(Provisions.all().size() + 1);
        assertThat(html).contains("<section id=\"schemes\">").contains("<h2 id=\"scheme-EN-18031-1\">").contains("class=\"informative\"")
                .contains("<a href=\"#p-5.3-13\">5.3-13</a> FAIL");
    }

    @Test
    void text_in_a_scheme_file_cannot_break_out_either() {
        Scheme hostile = Scheme.parse(Path.of("lab.yaml"), """
                scheme: "x</h2><script>alert(1)</script>"
                title: "t | **bold** <img src=x>"
                informative: false
                source: "s \\x1b[2J"
                requirements:
                  - id: "<b>r</b>"
                    title: "| cell |"
                    provisions: [5.1-1]
                    note: "</td><script>"
                """);
        ConformanceSummary s = summary();
        List<SchemeView> views = List.of(SchemeView.of(hostile, s));
        for (String text : List.of(SummaryFiles.jsonText(List.of(), s, views, Map.of()), SummaryFiles.markdownText(s, views, Map.of()),
                SummaryFiles.htmlText(s, views, Map.of()))) {
            assertThat(text).doesNotContain("<script>").doesNotContain("<img").doesNotContain("<b>r</b>").doesNotContain("\u001b");
        }
        assertThat(SummaryFiles.markdownText(s, views, Map.of())).contains("t \\| \\*\\*bold\\*\\*");
    }
}

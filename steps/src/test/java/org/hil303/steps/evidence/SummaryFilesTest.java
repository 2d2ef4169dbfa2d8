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
        Map<String, IcsEntry> ics = Map.of("5.10-1", new IcsEntry("5.10-1", Support.N_A, "no telemetry <b>at all</b>"),
                "5.1-1", new IcsEntry("5.1-1", Support.Y, "unique"));
        return ConformanceSummary.of(List.of(automated, passed), java.util.Set.of("5.1-1", "5.6-4", "5.5-1"), ics, Map.of("5.3-16-1", statement),
                Map.of("5.1-1-2", "allure-report/index.html#testresult/abc"));
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
}

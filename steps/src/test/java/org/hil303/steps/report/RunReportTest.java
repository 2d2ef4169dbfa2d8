package org.hil303.steps.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {
    @Test
    void device_text_cannot_break_out_of_the_summary(@TempDir Path dir) throws Exception {
        TestCaseResult r = new TestCaseResult("5.1-1", "5.1-1-2", "x", Verdict.FAIL, Duration.ofMillis(5),
                "banner \"</script><script>alert(1)</script>\u001b[2J\\");
        Path f = dir.resolve("summary.json");
        RunReport.writeSummary(f, List.of(r), Map.of("rig", "virtual"));
        String json = Files.readString(f);
        assertThat(json).doesNotContain("<script>").doesNotContain("\u001b").contains("\\u003c/script\\u003e").contains("\\\"");
        assertThat(json).contains("\"testCase\": \"5.1-1-2\"").contains("\"verdict\": \"FAIL\"");
    }

    @Test
    void counts_every_verdict() {
        var c = RunReport.counts(List.of(new TestCaseResult("a", "a-2", "", Verdict.PASS, Duration.ZERO, ""),
                new TestCaseResult("b", "b-2", "", Verdict.INCONCLUSIVE, Duration.ZERO, "")));
        assertThat(c).containsEntry(Verdict.PASS, 1).containsEntry(Verdict.INCONCLUSIVE, 1).containsEntry(Verdict.FAIL, 0);
    }
}

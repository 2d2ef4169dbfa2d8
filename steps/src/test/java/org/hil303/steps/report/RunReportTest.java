package org.hil303.steps.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunReportTest {
    @Test
    void counts_every_verdict() {
        var c = RunReport.counts(List.of(new TestCaseResult("a", "a-2", "", Verdict.PASS, Duration.ZERO, ""),
                new TestCaseResult("b", "b-2", "", Verdict.INCONCLUSIVE, Duration.ZERO, "")));
        assertThat(c).containsEntry(Verdict.PASS, 1).containsEntry(Verdict.INCONCLUSIVE, 1).containsEntry(Verdict.FAIL, 0);
    }
}

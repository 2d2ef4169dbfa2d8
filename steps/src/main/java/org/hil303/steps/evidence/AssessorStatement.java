package org.hil303.steps.evidence;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.hil303.steps.report.Verdict;

/** An assessor's recorded verdict on one test case a rig cannot decide (TS 103 701 conceptual test cases). */
public record AssessorStatement(String testCase, Verdict verdict, String reasoning, String assessor, LocalDate date,
        List<Path> attachments) {

    public String provision() {
        return testCase.substring(0, testCase.lastIndexOf('-'));
    }
}

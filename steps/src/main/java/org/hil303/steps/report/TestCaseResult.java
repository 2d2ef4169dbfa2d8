package org.hil303.steps.report;

import java.time.Duration;

/**
 * One finished test case, as the summary and the exit status see it, with the rig and unit (serial
 * number) it was measured on; both are empty where no unit was involved (cross-unit judgements).
 */
public record TestCaseResult(String provision, String testCase, String name, Verdict verdict, Duration duration, String message,
        String rig, String unit) {

    public TestCaseResult(String provision, String testCase, String name, Verdict verdict, Duration duration, String message) {
        this(provision, testCase, name, verdict, duration, message, "", "");
    }

    /** The same result, marked with where it was measured. */
    public TestCaseResult on(String rigId, String unitSerial) {
        return new TestCaseResult(provision, testCase, name, verdict, duration, message, rigId, unitSerial);
    }
}

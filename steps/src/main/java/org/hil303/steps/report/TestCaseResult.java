package org.hil303.steps.report;

import java.time.Duration;

/** One finished test case, as the summary and the exit status see it. */
public record TestCaseResult(String provision, String testCase, String name, Verdict verdict, Duration duration, String message) {}

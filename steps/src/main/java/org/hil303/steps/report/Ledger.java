package org.hil303.steps.report;

import java.util.ArrayList;
import java.util.List;

/** The run's test case results, filled by {@link ProgressPlugin} and read by the CLI at the end. */
public final class Ledger {
    private static final List<TestCaseResult> RESULTS = new ArrayList<>();

    private Ledger() {}

    static synchronized void add(TestCaseResult r) {
        RESULTS.add(r);
    }

    public static synchronized List<TestCaseResult> results() {
        return List.copyOf(RESULTS);
    }

    public static synchronized void reset() {
        RESULTS.clear();
    }
}

package org.hil303.steps.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The run's test case results, filled by {@link ProgressPlugin} and read by the CLI at the end. */
public final class Ledger {
    private static final List<TestCaseResult> RESULTS = new ArrayList<>();
    private static Consumer<List<TestCaseResult>> listener = r -> { };

    private Ledger() {}

    static synchronized void add(TestCaseResult r) {
        RESULTS.add(r);
        listener.accept(List.copyOf(RESULTS));
    }

    public static synchronized List<TestCaseResult> results() {
        return List.copyOf(RESULTS);
    }

    public static synchronized void reset() {
        RESULTS.clear();
    }

    /** Called with every result so far each time one is added (a worker keeps its part on disk current). */
    public static synchronized void onChange(Consumer<List<TestCaseResult>> l) {
        listener = l;
    }
}

package org.hil303.steps.report;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestCaseStarted;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import org.hil303.rigs.base.Durations;
import org.hil303.rigs.console.ReportText;

/** Prints one line per test case as it finishes (provision, test case, verdict, duration) and records it. */
public final class ProgressPlugin implements ConcurrentEventListener {
    private static volatile PrintStream out = System.out;

    public static void printTo(PrintStream stream) {
        out = stream;
    }

    /** An indented line under the running test case (device text is made safe first). */
    public static void note(String line) {
        out.printf(Locale.ROOT, "  %-33s %s%n", "", ReportText.oneLine(line, 300));
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestCaseStarted.class, this::started);
        publisher.registerHandlerFor(TestCaseFinished.class, this::finished);
    }

    private void started(TestCaseStarted e) {
        TestCase tc = e.getTestCase();
        out.printf(Locale.ROOT, "  %-7s %-9s %-15s %s%n", ScenarioTags.provision(tc.getTags()).orElse("-"),
                ScenarioTags.testCase(tc.getTags()).orElse("-"), "running", tc.getName());
    }

    private void finished(TestCaseFinished e) {
        TestCase tc = e.getTestCase();
        Verdict v = Classifier.classify(e.getResult());
        Duration d = e.getResult().getDuration();
        TestCaseResult r = new TestCaseResult(ScenarioTags.provision(tc.getTags()).orElse("-"),
                ScenarioTags.testCase(tc.getTags()).orElse("-"), tc.getName(), v, d,
                ReportText.oneLine(Classifier.message(e.getResult()), 2000));
        Ledger.add(r);
        out.printf(Locale.ROOT, "  %-7s %-9s %-15s %8s  %s%n", r.provision(), r.testCase(), v.label(), Durations.human(d), r.name());
        if (v != Verdict.PASS && !r.message().isEmpty()) {
            out.printf(Locale.ROOT, "  %-33s %s%n", "", ReportText.oneLine(r.message(), 400));
        }
    }
}

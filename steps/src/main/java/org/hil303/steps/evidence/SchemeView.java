package org.hil303.steps.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hil303.steps.evidence.ConformanceSummary.Case;
import org.hil303.steps.evidence.ConformanceSummary.Row;
import org.hil303.steps.evidence.Scheme.Requirement;
import org.hil303.steps.report.Verdict;

/** A scheme's requirements with the run's verdicts for the EN 303 645 evidence behind each. */
public record SchemeView(Scheme scheme, List<Line> lines) {

    /** One provision's or test case's verdict, as it counts for a requirement. */
    public record Evidence(String id, Verdict verdict) {}

    /** @param verdict empty for an informative scheme: the evidence is shown, not judged */
    public record Line(Requirement requirement, List<Evidence> evidence, Optional<Verdict> verdict) {}

    private static final List<Verdict> WORST_FIRST = List.of(Verdict.FAIL, Verdict.INCONCLUSIVE, Verdict.PASS, Verdict.NOT_APPLICABLE);

    public static SchemeView of(Scheme scheme, ConformanceSummary summary) {
        List<Line> lines = new ArrayList<>();
        for (Requirement r : scheme.requirements()) {
            List<Evidence> evidence = new ArrayList<>();
            for (String p : r.provisions()) {
                evidence.add(new Evidence(p, row(summary, p).map(Row::verdict).orElse(Verdict.INCONCLUSIVE)));
            }
            for (String t : r.testCases()) {
                evidence.add(new Evidence(t, testCaseVerdict(summary, t)));
            }
            lines.add(new Line(r, List.copyOf(evidence), scheme.informative() ? Optional.empty() : Optional.of(judge(evidence))));
        }
        return new SchemeView(scheme, List.copyOf(lines));
    }

    /** FAIL if any is FAIL; NOT_APPLICABLE if all are; PASS if every one is PASS or NOT_APPLICABLE; else open. */
    static Verdict judge(List<Evidence> evidence) {
        if (evidence.stream().anyMatch(e -> e.verdict() == Verdict.FAIL)) {
            return Verdict.FAIL;
        }
        if (evidence.stream().allMatch(e -> e.verdict() == Verdict.NOT_APPLICABLE)) {
            return Verdict.NOT_APPLICABLE;
        }
        if (evidence.stream().allMatch(e -> e.verdict() == Verdict.PASS || e.verdict() == Verdict.NOT_APPLICABLE)) {
            return Verdict.PASS;
        }
        return Verdict.INCONCLUSIVE;
    }

    /**
     * The worst verdict the test case has in its provision's row (a test case measured on several units or by
     * several scenarios counts with its worst); one the run did not give is open, or N/A where the ICS says so.
     */
    static Verdict testCaseVerdict(ConformanceSummary summary, String testCase) {
        Optional<Row> row = TestCaseId.provision(testCase).flatMap(p -> row(summary, p));
        if (row.isEmpty()) {
            return Verdict.INCONCLUSIVE;
        }
        List<Verdict> found = row.get().testCases().stream().filter(c -> c.testCase().equals(testCase)).map(Case::verdict).toList();
        if (found.isEmpty()) {
            return row.get().support().equals("N/A") ? Verdict.NOT_APPLICABLE : Verdict.INCONCLUSIVE;
        }
        return WORST_FIRST.stream().filter(found::contains).findFirst().orElse(Verdict.INCONCLUSIVE);
    }

    private static Optional<Row> row(ConformanceSummary summary, String provision) {
        return summary.rows().stream().filter(r -> r.provision().id().equals(provision)).findFirst();
    }
}

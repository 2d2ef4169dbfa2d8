package org.hil303.steps.evidence;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hil303.fixtures.dut.IcsEntry;
import org.hil303.fixtures.dut.Support;
import org.hil303.steps.evidence.Missing.Who;
import org.hil303.steps.report.TestCaseResult;
import org.hil303.steps.report.Verdict;
import org.hil303.steps.run.Provisions;
import org.hil303.steps.run.Provisions.Provision;

/**
 * One row per provision of the catalogue, none missing, as TS 103 701 structures a test group: its
 * functional test cases (the run's automated results, {@code <provision>-2...}) and its conceptual test
 * case ({@code <provision>-1}, the assessor's statement). A provision PASSes only when every test case it
 * has is PASS (or NOT_APPLICABLE): an automated PASS without the assessor's statement leaves it open.
 */
public record ConformanceSummary(List<Row> rows) {

    /** What evidence a provision has, whatever its verdict. */
    public enum Coverage {
        AUTOMATED, AUTOMATED_AND_ASSESSOR, ASSESSOR, NOT_APPLICABLE, OPEN;

        public String label() {
            return name().toLowerCase().replace('_', ' ');
        }
    }

    /** Where a test case's verdict came from; OPEN: nobody has given one yet (or the ICS says N/A). */
    public enum Kind { AUTOMATED, ASSESSOR, OPEN }

    /** One test case of a provision, as the summary shows it; evidence is a link relative to the run folder. */
    public record Case(String testCase, Kind kind, Verdict verdict, String name, String message, String evidence, String rig, String unit) {
        Case(String testCase, Kind kind, Verdict verdict, String name, String message, String evidence) {
            this(testCase, kind, verdict, name, message, evidence, "", "");
        }

        /** TS 103 701's conceptual test case ({@code -1}); every other one is functional. */
        public boolean conceptual() {
            return TestCaseId.conceptual(testCase);
        }

        public String part() {
            return conceptual() ? "conceptual" : "functional";
        }
    }

    /** @param missing what the provision still lacks to get a verdict, and who supplies it; empty unless it is open */
    public record Row(Provision provision, String support, String supportDetail, Verdict verdict, Coverage coverage, List<Case> testCases,
            List<Missing> missing) {

        /** No verdict yet: INCONCLUSIVE. */
        public boolean open() {
            return verdict == Verdict.INCONCLUSIVE;
        }
    }

    /**
     * @param automatable the provisions the suite has automated test cases for, and the ids of those test cases
     *                    where known ({@code 5.3-2}, {@code 5.3-2-2}, {@code 5.3-2-2b}), so a test case left out by
     *                    --tags is told apart from one nobody has automated
     */
    public static ConformanceSummary of(List<TestCaseResult> results, Set<String> automatable, Map<String, IcsEntry> ics,
            Map<String, AssessorStatement> statements, Map<String, String> evidenceLinks) {
        Map<String, List<TestCaseResult>> byProvision = new LinkedHashMap<>();
        results.forEach(r -> byProvision.computeIfAbsent(r.provision(), k -> new ArrayList<>()).add(r));
        List<Row> rows = new ArrayList<>();
        for (Provision p : Provisions.all()) {
            Optional<IcsEntry> entry = Optional.ofNullable(ics.get(p.id()));
            boolean notApplicable = entry.map(e -> e.support() == Support.N_A).orElse(false);
            List<Case> cases = new ArrayList<>();
            for (TestCaseResult r : byProvision.getOrDefault(p.id(), List.of())) {
                cases.add(new Case(r.testCase(), Kind.AUTOMATED, r.verdict(), r.name(), r.message(),
                        evidenceLinks.getOrDefault(r.testCase(), "allure-report/index.html"), r.rig(), r.unit()));
            }
            boolean automated = !cases.isEmpty();
            if (!notApplicable) {
                for (String testCase : notRun(p, automatable, cases)) {
                    cases.add(new Case(testCase, Kind.OPEN, Verdict.INCONCLUSIVE, "functional",
                            "not run: its automated test cases were not selected in this run (--tags)", ""));
                }
            }
            boolean assessed = false;
            boolean conceptualStated = false;
            for (AssessorStatement s : statements.values()) {
                if (s.provision().equals(p.id())) {
                    assessed = true;
                    conceptualStated |= s.testCase().equals(p.conceptualTestCase());
                    cases.add(new Case(s.testCase(), Kind.ASSESSOR, s.verdict(), "assessor statement",
                            s.reasoning() + " (" + s.assessor() + ", " + s.date() + ")", "assessor/" + s.testCase() + ".txt"));
                }
            }
            if (!conceptualStated) {
                cases.add(notApplicable
                        ? new Case(p.conceptualTestCase(), Kind.OPEN, Verdict.NOT_APPLICABLE, "conceptual", "the ICS says N/A: " + entry.get().detail(), "")
                        : new Case(p.conceptualTestCase(), Kind.OPEN, Verdict.INCONCLUSIVE, "conceptual",
                                "the assessor's statement for " + p.conceptualTestCase() + " is missing: no assessor statement is recorded for it", ""));
            }
            Coverage coverage = automated && assessed ? Coverage.AUTOMATED_AND_ASSESSOR : automated ? Coverage.AUTOMATED
                    : assessed ? Coverage.ASSESSOR : notApplicable ? Coverage.NOT_APPLICABLE : Coverage.OPEN;
            Verdict verdict = verdictOf(cases, notApplicable);
            rows.add(new Row(p, entry.map(e -> e.support() == Support.N_A ? "N/A" : e.support().name()).orElse(""),
                    entry.map(IcsEntry::detail).orElse(""), verdict, coverage, List.copyOf(cases),
                    verdict == Verdict.INCONCLUSIVE ? Missing.of(p, entry, cases) : List.of()));
        }
        return new ConformanceSummary(List.copyOf(rows));
    }

    /**
     * The provision's automated test cases the run did not give: those the suite has and the run lacks, or,
     * where only the provision is known to be automated and the run gave none, its first functional test case.
     */
    private static List<String> notRun(Provision p, Set<String> automatable, List<Case> ran) {
        List<String> expected = automatable.stream().filter(a -> TestCaseId.provision(a).filter(p.id()::equals).isPresent()).sorted().toList();
        if (expected.isEmpty()) {
            return ran.isEmpty() && automatable.contains(p.id()) ? List.of(p.id() + "-2") : List.of();
        }
        return expected.stream().filter(t -> ran.stream().noneMatch(c -> c.testCase().equals(t))).toList();
    }

    /**
     * FAIL when any test case is FAIL; NOT_APPLICABLE when the ICS says N/A (its justification is the
     * conceptual case's message) or every test case is; INCONCLUSIVE while any test case has no verdict;
     * PASS when every test case is PASS or NOT_APPLICABLE.
     */
    static Verdict verdictOf(List<Case> cases, boolean notApplicableByIcs) {
        if (cases.stream().anyMatch(c -> c.verdict() == Verdict.FAIL)) {
            return Verdict.FAIL;
        }
        if (notApplicableByIcs || cases.stream().allMatch(c -> c.verdict() == Verdict.NOT_APPLICABLE)) {
            return Verdict.NOT_APPLICABLE;
        }
        if (cases.stream().anyMatch(c -> c.verdict() == Verdict.INCONCLUSIVE)) {
            return Verdict.INCONCLUSIVE;
        }
        return Verdict.PASS;
    }

    public Map<Coverage, Integer> coverageCounts() {
        Map<Coverage, Integer> c = new LinkedHashMap<>();
        for (Coverage k : Coverage.values()) {
            c.put(k, 0);
        }
        rows.forEach(r -> c.merge(r.coverage(), 1, Integer::sum));
        return c;
    }

    public Map<Verdict, Integer> verdictCounts() {
        Map<Verdict, Integer> c = new LinkedHashMap<>();
        for (Verdict v : Verdict.values()) {
            c.put(v, 0);
        }
        rows.forEach(r -> c.merge(r.verdict(), 1, Integer::sum));
        return c;
    }

    /** How many open provisions wait on each party; a provision waiting on two counts for both. */
    public Map<Who, Integer> waitingOn() {
        Map<Who, Integer> c = new EnumMap<>(Who.class);
        for (Who w : Who.values()) {
            c.put(w, 0);
        }
        for (Row r : rows) {
            r.missing().stream().map(Missing::who).distinct().forEach(w -> c.merge(w, 1, Integer::sum));
        }
        return c;
    }

    public long openCount() {
        return rows.stream().filter(Row::open).count();
    }
}

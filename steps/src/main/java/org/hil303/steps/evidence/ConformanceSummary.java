package org.hil303.steps.evidence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hil303.fixtures.dut.IcsEntry;
import org.hil303.fixtures.dut.Support;
import org.hil303.steps.report.TestCaseResult;
import org.hil303.steps.report.Verdict;
import org.hil303.steps.run.Provisions;
import org.hil303.steps.run.Provisions.Provision;

/**
 * One row per provision of the catalogue, none missing: the automated test cases the run executed,
 * the assessor's statements, and for a provision with neither its conceptual test case as INCONCLUSIVE
 * (or NOT_APPLICABLE where the ICS says so, with its justification).
 */
public record ConformanceSummary(List<Row> rows) {

    /** How a provision's verdict was reached. */
    public enum Coverage {
        AUTOMATED, AUTOMATED_AND_ASSESSOR, ASSESSOR, NOT_APPLICABLE, OPEN;

        public String label() {
            return name().toLowerCase().replace('_', ' ');
        }
    }

    public enum Kind { AUTOMATED, ASSESSOR, OPEN }

    /** One test case of a provision, as the summary shows it; evidence is a link relative to the run folder. */
    public record Case(String testCase, Kind kind, Verdict verdict, String name, String message, String evidence, String rig, String unit) {
        Case(String testCase, Kind kind, Verdict verdict, String name, String message, String evidence) {
            this(testCase, kind, verdict, name, message, evidence, "", "");
        }
    }

    public record Row(Provision provision, String support, String supportDetail, Verdict verdict, Coverage coverage, List<Case> testCases) {}

    /**
     * @param automatable the provisions the suite has automated test cases for, so a provision left out by
     *                    --tags is told apart from one nobody has automated
     */
    public static ConformanceSummary of(List<TestCaseResult> results, Set<String> automatable, Map<String, IcsEntry> ics,
            Map<String, AssessorStatement> statements, Map<String, String> evidenceLinks) {
        Map<String, List<TestCaseResult>> byProvision = new LinkedHashMap<>();
        results.forEach(r -> byProvision.computeIfAbsent(r.provision(), k -> new ArrayList<>()).add(r));
        List<Row> rows = new ArrayList<>();
        for (Provision p : Provisions.all()) {
            Optional<IcsEntry> entry = Optional.ofNullable(ics.get(p.id()));
            List<Case> cases = new ArrayList<>();
            for (TestCaseResult r : byProvision.getOrDefault(p.id(), List.of())) {
                cases.add(new Case(r.testCase(), Kind.AUTOMATED, r.verdict(), r.name(), r.message(),
                        evidenceLinks.getOrDefault(r.testCase(), "allure-report/index.html"), r.rig(), r.unit()));
            }
            boolean automated = !cases.isEmpty();
            boolean assessed = false;
            for (AssessorStatement s : statements.values()) {
                if (s.provision().equals(p.id())) {
                    assessed = true;
                    cases.add(new Case(s.testCase(), Kind.ASSESSOR, s.verdict(), "assessor statement",
                            s.reasoning() + " (" + s.assessor() + ", " + s.date() + ")", "assessor/" + s.testCase() + ".txt"));
                }
            }
            boolean notApplicable = entry.map(e -> e.support() == Support.N_A).orElse(false);
            Coverage coverage;
            if (automated || assessed) {
                coverage = automated && assessed ? Coverage.AUTOMATED_AND_ASSESSOR : automated ? Coverage.AUTOMATED : Coverage.ASSESSOR;
            } else if (notApplicable) {
                coverage = Coverage.NOT_APPLICABLE;
                cases.add(new Case(p.conceptualTestCase(), Kind.OPEN, Verdict.NOT_APPLICABLE, "conceptual",
                        "the ICS says N/A: " + entry.get().detail(), ""));
            } else {
                coverage = Coverage.OPEN;
                cases.add(new Case(p.conceptualTestCase(), Kind.OPEN, Verdict.INCONCLUSIVE, "conceptual",
                        (automatable.contains(p.id()) ? "its automated test cases were not selected in this run (--tags)"
                                : "no automated test case") + " and no assessor statement is recorded", ""));
            }
            rows.add(new Row(p, entry.map(e -> e.support() == Support.N_A ? "N/A" : e.support().name()).orElse(""),
                    entry.map(IcsEntry::detail).orElse(""), verdictOf(cases), coverage, List.copyOf(cases)));
        }
        return new ConformanceSummary(List.copyOf(rows));
    }

    /** FAIL over INCONCLUSIVE over PASS; NOT_APPLICABLE only when every test case is. */
    static Verdict verdictOf(List<Case> cases) {
        if (cases.stream().anyMatch(c -> c.verdict() == Verdict.FAIL)) {
            return Verdict.FAIL;
        }
        if (cases.stream().anyMatch(c -> c.verdict() == Verdict.INCONCLUSIVE)) {
            return Verdict.INCONCLUSIVE;
        }
        if (cases.stream().allMatch(c -> c.verdict() == Verdict.NOT_APPLICABLE)) {
            return Verdict.NOT_APPLICABLE;
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
}

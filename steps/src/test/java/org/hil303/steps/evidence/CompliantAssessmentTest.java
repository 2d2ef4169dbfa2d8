package org.hil303.steps.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hil303.fixtures.dut.DutFile;
import org.hil303.fixtures.dut.IcsEntry;
import org.hil303.steps.evidence.ConformanceSummary.Row;
import org.hil303.steps.report.TestCaseResult;
import org.hil303.steps.report.Verdict;
import org.hil303.steps.run.SuiteTestCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference device's promise, without a device: every automated test case of the suite PASS, the file
 * {@code hil303 assess} wrote filled in by the assessor, and no provision is left open except those the ICS
 * marks N/A with a justification. Before the assessor fills it, the same run leaves every other provision open.
 */
class CompliantAssessmentTest {
    private static final Path HOME = Path.of(System.getProperty("user.dir")).resolve("..").normalize();
    /** An entry as hil303 assess writes it, its four fields empty. */
    private static final Pattern TO_FILL = Pattern.compile(
            "(- test-case: (\\S+)\\n)\\s+verdict: .*\\n\\s+reasoning: .*\\n\\s+assessor: .*\\n\\s+date: .*\\n");

    @Test
    void a_compliant_run_with_a_filled_assessor_file_leaves_open_only_what_the_ics_marks_not_applicable(@TempDir Path dir) throws Exception {
        // the reference device's DUT file, with the ICS answering the two provisions for devices that cannot be updated
        Path dut = dir.resolve("unit.yaml");
        Files.writeString(dut, Files.readString(HOME.resolve("fixtures/duts/refdev-compliant.yaml")).replaceFirst("\nics:[^\n]*\n", """

                ics:
                  5.3-14: {support: N/A, detail: "The device's software can be updated: it is not a constrained device."}
                  5.3-15: {support: N/A, detail: "The device's software can be updated: it is not a constrained device."}
                """));
        Map<String, IcsEntry> ics = DutFile.read(dut).ics();
        List<TestCaseResult> results = new ArrayList<>();
        Set<String> suite = SuiteTestCases.testCasesIn(HOME.resolve("features"));
        assertThat(suite).hasSizeGreaterThan(30);
        for (String testCase : suite) {
            results.add(new TestCaseResult(TestCaseId.provision(testCase).orElseThrow(), testCase, "scenario", Verdict.PASS, Duration.ofSeconds(1), ""));
        }
        Set<String> automatable = SuiteTestCases.in(HOME.resolve("features"));

        Path statementsFile = AssessorStatements.besideDut(dut);
        AssessorTemplate.Added added = AssessorTemplate.extend(statementsFile, ics);
        assertThat(added.testCases()).hasSize(66).doesNotContain("5.3-14-1", "5.3-15-1");

        // as written: every automated PASS stands, and every provision but the two N/A waits on the assessor
        ConformanceSummary unfilled = ConformanceSummary.of(results, automatable, ics, AssessorStatements.forDut(dut), Map.of());
        assertThat(unfilled.openCount()).isEqualTo(66);
        assertThat(unfilled.verdictCounts()).containsEntry(Verdict.PASS, 0).containsEntry(Verdict.NOT_APPLICABLE, 2);
        assertThat(unfilled.rows().stream().filter(Row::open))
                .allSatisfy(r -> assertThat(r.missing()).extracting(Missing::who).as(r.provision().id()).contains(Missing.Who.ASSESSOR));

        // the assessor fills every entry
        Matcher m = TO_FILL.matcher(Files.readString(statementsFile));
        StringBuilder filled = new StringBuilder();
        int entries = 0;
        while (m.find()) {
            entries++;
            m.appendReplacement(filled, Matcher.quoteReplacement(m.group(1) + """
                        verdict: PASS
                        reasoning: "The IXIT and the documentation meet the provision."
                        assessor: "A. Assessor, hil303 reference lab"
                        date: 2026-11-20
                    """));
        }
        m.appendTail(filled);
        assertThat(entries).isEqualTo(66);
        Files.writeString(statementsFile, filled);

        ConformanceSummary summary = ConformanceSummary.of(results, automatable, ics, AssessorStatements.forDut(dut), Map.of());
        assertThat(summary.rows()).hasSize(68);
        assertThat(summary.openCount()).isZero();
        assertThat(summary.rows()).allSatisfy(r -> assertThat(r.missing()).as(r.provision().id()).isEmpty());
        assertThat(summary.rows().stream().filter(r -> r.verdict() == Verdict.NOT_APPLICABLE)).extracting(r -> r.provision().id())
                .containsExactlyInAnyOrder("5.3-14", "5.3-15");
        assertThat(summary.rows().stream().filter(r -> r.verdict() == Verdict.NOT_APPLICABLE)).allSatisfy(r ->
                assertThat(r.testCases()).anySatisfy(c -> assertThat(c.message()).startsWith("the ICS says N/A: The device's software can be updated")));
        assertThat(summary.verdictCounts()).containsEntry(Verdict.PASS, 66).containsEntry(Verdict.INCONCLUSIVE, 0).containsEntry(Verdict.FAIL, 0);
        assertThat(SummaryFiles.totals(summary)).contains("open 0, waiting on the assessor 0, the supplier 0, the rig 0, the harness 0");
        // the PSTI view, built on the same rows, has nothing open either
        assertThat(SchemeView.of(Scheme.builtIn().get(0), summary).lines()).allSatisfy(l -> assertThat(l.verdict()).contains(Verdict.PASS));
    }
}

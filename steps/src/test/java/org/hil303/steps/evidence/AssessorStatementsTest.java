package org.hil303.steps.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hil303.rigs.config.ConfigException;
import org.hil303.steps.report.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A statements file is checked like a DUT file: every mistake names file, line and field. */
class AssessorStatementsTest {
    private static final Path HOME = Path.of(System.getProperty("user.dir")).resolve("..").normalize();

    @Test
    void the_reference_device_example_reads() {
        var s = AssessorStatements.forDut(HOME.resolve("fixtures/duts/refdev-compliant.yaml"));
        assertThat(s).containsKeys("5.3-16-1", "5.8-3-1");
        assertThat(s.get("5.3-16-1").verdict()).isEqualTo(Verdict.PASS);
        assertThat(s.get("5.3-16-1").attachments()).singleElement().satisfies(p -> assertThat(p).exists());
    }

    @Test
    void no_file_beside_the_dut_means_no_statements() {
        assertThat(AssessorStatements.forDut(HOME.resolve("fixtures/duts/refdev-weak.yaml"))).isEmpty();
    }

    private static String statement(String testCase, String verdict, String date) {
        return "statements:\n"
                + "  - test-case: " + testCase + "\n"
                + "    verdict: " + verdict + "\n"
                + "    reasoning: read the manual\n"
                + "    assessor: A. Assessor\n"
                + "    date: " + date + "\n";
    }

    private static ConfigException error(Path dir, String text) throws Exception {
        Path f = dir.resolve("dut.assessor.yaml");
        Files.writeString(f, text);
        try {
            AssessorStatements.read(f);
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("no error for:\n" + text);
    }

    @Test
    void an_unknown_test_case_is_named_with_its_line(@TempDir Path dir) throws Exception {
        ConfigException e = error(dir, statement("5.99-1-1", "PASS", "2026-11-01"));
        assertThat(e.getMessage()).contains("dut.assessor.yaml:2").contains("test-case").contains("5.99-1 is not in EN 303 645");
    }

    @Test
    void a_verdict_outside_the_assessors_set_is_refused(@TempDir Path dir) throws Exception {
        assertThat(error(dir, statement("5.3-16-1", "OK", "2026-11-01")).getMessage())
                .contains(":3").contains("verdict").contains("expected PASS, FAIL or NOT_APPLICABLE");
        assertThat(error(dir, statement("5.3-16-1", "INCONCLUSIVE", "2026-11-01")).getMessage()).contains("leave the test case out");
    }

    @Test
    void dates_must_be_real_and_not_in_the_future(@TempDir Path dir) throws Exception {
        assertThat(error(dir, statement("5.3-16-1", "PASS", "20.11.2026")).getMessage()).contains(":6").contains("date").contains("expected a date");
        assertThat(error(dir, statement("5.3-16-1", "PASS", "2999-01-01")).getMessage()).contains("in the future");
    }

    @Test
    void missing_reasoning_typos_duplicates_and_absent_attachments_are_errors(@TempDir Path dir) throws Exception {
        assertThat(error(dir, statement("5.3-16-1", "PASS", "2026-11-01").replace("    reasoning: read the manual\n", "")).getMessage())
                .contains("reasoning");
        assertThat(error(dir, statement("5.3-16-1", "PASS", "2026-11-01") + "    reasonning: x\n").getMessage())
                .contains(":7").contains("unknown field");
        String twice = statement("5.3-16-1", "PASS", "2026-11-01") + statement("5.3-16-1", "FAIL", "2026-11-01").replace("statements:\n", "");
        assertThat(error(dir, twice).getMessage()).contains(":7").contains("has an entry already");
        assertThat(error(dir, statement("5.3-16-1", "PASS", "2026-11-01") + "    attachments: [photo.jpg]\n").getMessage())
                .contains(":7").contains("attachment photo.jpg does not exist");
        assertThat(error(dir, statement("5.3-16-1", "PASS", "2026-11-01") + "    attachments: [../../etc/passwd]\n").getMessage())
                .contains("inside its folder");
    }

    private static final String UNFILLED = "  - test-case: 5.1-1-1\n"
            + "    verdict:          # PASS | FAIL | NOT_APPLICABLE\n"
            + "    reasoning:\n"
            + "    assessor: \"\"\n"
            + "    date:\n";

    @Test
    void an_entry_nobody_has_filled_is_no_statement_and_no_error(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("dut.assessor.yaml");
        Files.writeString(f, statement("5.3-16-1", "PASS", "2026-11-01") + UNFILLED);
        assertThat(AssessorStatements.read(f)).containsOnlyKeys("5.3-16-1");
        assertThat(AssessorStatements.testCasesIn(f)).containsExactly("5.3-16-1", "5.1-1-1");
        Files.writeString(f, "statements:\n" + UNFILLED.replace("    date:\n", ""));
        assertThat(AssessorStatements.read(f)).isEmpty();
    }

    @Test
    void a_half_filled_entry_is_an_error_naming_what_is_missing(@TempDir Path dir) throws Exception {
        assertThat(error(dir, "statements:\n" + UNFILLED.replace("    verdict:          # PASS | FAIL | NOT_APPLICABLE\n", "    verdict: PASS\n"))
                .getMessage()).contains("dut.assessor.yaml:").contains("statements[0].reasoning");
        assertThat(error(dir, "statements:\n" + UNFILLED.replace("    reasoning:\n", "    reasoning: read the IXIT\n")).getMessage())
                .contains("statements[0].verdict").contains("missing required field");
        // an unfilled entry is still checked: its test case must exist, and no field may be misspelt
        assertThat(error(dir, "statements:\n" + UNFILLED.replace("5.1-1-1", "5.99-1-1")).getMessage()).contains(":2").contains("5.99-1 is not in EN 303 645");
        assertThat(error(dir, "statements:\n" + UNFILLED + "    reasonning:\n").getMessage()).contains(":7").contains("unknown field");
        assertThat(error(dir, "statements:\n" + UNFILLED + UNFILLED).getMessage()).contains(":7").contains("has an entry already");
    }
}

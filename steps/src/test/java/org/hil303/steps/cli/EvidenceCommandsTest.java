package org.hil303.steps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.hil303.steps.evidence.EvidenceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify's exit statuses, and an assessor statements file checked before anything runs. */
class EvidenceCommandsTest {
    private static final Path HOME = Path.of(System.getProperty("user.dir")).resolve("..").normalize();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeEach
    void capture() {
        System.setProperty("hil303.home", HOME.toString());
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    @Test
    void a_bad_statements_file_stops_the_run_naming_file_line_and_field(@TempDir Path dir) throws Exception {
        Path dut = dir.resolve("unit.yaml");
        Files.copy(HOME.resolve("fixtures/duts/refdev-compliant.yaml"), dut);
        Files.writeString(dir.resolve("unit.assessor.yaml"), "statements:\n  - test-case: 5.3-16-1\n    verdict: MAYBE\n");
        int status = Main.execute("run", "--dut", dut.toString());
        assertThat(status).isEqualTo(Main.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unit.assessor.yaml:3: statements[0].verdict")
                .contains("expected PASS, FAIL or NOT_APPLICABLE");
    }

    @Test
    void assess_writes_the_entries_beside_the_dut_file_and_says_how_many(@TempDir Path dir) throws Exception {
        Path dut = dir.resolve("unit.yaml");
        Files.copy(HOME.resolve("fixtures/duts/refdev-compliant.yaml"), dut);
        assertThat(Main.execute("assess", "--dut", dut.toString())).isEqualTo(Main.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("wrote " + dir.resolve("unit.assessor.yaml") + ": added 68 entries to fill\n");
        // entries to fill are no statements: a run reads none yet
        assertThat(org.hil303.steps.evidence.AssessorStatements.forDut(dut)).isEmpty();
        Path other = dir.resolve("draft.yaml");
        assertThat(Main.execute("assess", "--dut", dut.toString(), "--out", other.toString())).isEqualTo(Main.OK);
        assertThat(other).exists();
        assertThat(Main.execute("assess", "--dut", dut.toString())).isEqualTo(Main.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("nothing to add to " + dir.resolve("unit.assessor.yaml")
                + " (68 conceptual test cases had an entry already)");
        Files.writeString(dir.resolve("bad.yaml"), "statements: {}\n");
        assertThat(Main.execute("assess", "--dut", dut.toString(), "--out", dir.resolve("bad.yaml").toString())).isEqualTo(Main.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad.yaml:1: statements: expected a list");
    }

    @Test
    void verify_says_unsigned_tampered_or_missing_by_its_exit_status(@TempDir Path dir) throws Exception {
        Path unsigned = dir.resolve("evidence-unsigned.zip");
        new EvidenceBundle().add("run/summary.json", "{}".getBytes(StandardCharsets.UTF_8)).properties(Map.of("dut", "x\u001b[31m"))
                .write(unsigned, Optional.empty());
        assertThat(Main.execute("verify", unsigned.toString())).isEqualTo(Main.INCONCLUSIVE);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("UNSIGNED").doesNotContain("\u001b");

        byte[] bytes = Files.readAllBytes(unsigned);
        Path garbage = dir.resolve("garbage.zip");
        Files.write(garbage, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(Main.execute("verify", garbage.toString())).isEqualTo(Main.FAIL);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("NOT VERIFIED").contains("garbage.zip: not a readable zip");

        assertThat(Main.execute("verify", dir.resolve("nothing.zip").toString())).isEqualTo(Main.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nothing.zip: no such file");
    }
}

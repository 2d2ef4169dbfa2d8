package org.hil303.steps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input ends with exit status 2 and one clear line naming what to fix; nothing is started. */
class ConfigurationErrorsTest {
    private static final Path HOME = Path.of(System.getProperty("user.dir")).resolve("..").normalize();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldErr;

    @BeforeEach
    void capture() {
        System.setProperty("hil303.home", HOME.toString());
        oldErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(oldErr);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void malformed_dut_file_names_file_line_and_field(@TempDir Path dir) throws Exception {
        Path dut = dir.resolve("bad.yaml");
        String text = Files.readString(HOME.resolve("fixtures/duts/refdev-compliant.yaml")).replace("boot: 90s", "boot: ninety");
        Files.writeString(dut, text);
        assertThat(Main.execute("run", "--dut", dut.toString())).isEqualTo(Main.USAGE);
        assertThat(stderr()).contains(dut + ":").contains("timeouts.boot").contains("expected a duration");
        assertThat(stderr()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void broken_yaml_names_the_line(@TempDir Path dir) throws Exception {
        Path rig = dir.resolve("rig.yaml");
        Files.writeString(rig, "rig: x\nkind: virtual\npower: [unclosed\n");
        assertThat(Main.execute("run", "--rig", rig.toString())).isEqualTo(Main.USAGE);
        assertThat(stderr()).containsPattern(java.util.regex.Pattern.quote(rig.toString()) + ":\\d+: not valid YAML");
    }

    @Test
    void misspelt_field_is_reported_with_a_suggestion(@TempDir Path dir) throws Exception {
        Path rig = dir.resolve("rig.yaml");
        Files.writeString(rig, Files.readString(HOME.resolve("rigs/virtual.yaml")).replace("  baud: 115200", "  baudrate: 115200"));
        assertThat(Main.execute("run", "--rig", rig.toString())).isEqualTo(Main.USAGE);
        assertThat(stderr()).contains("console.baudrate: unknown field");
    }

    @Test
    void unknown_tag_is_a_usage_error() {
        assertThat(Main.execute("run", "--tags", "@provision=9.9-9")).isEqualTo(Main.USAGE);
        assertThat(stderr()).contains("unknown tag @provision=9.9-9");
    }

    @Test
    void missing_qemu_says_what_to_install(@TempDir Path dir) throws Exception {
        Path rig = dir.resolve("rig.yaml");
        Files.writeString(rig, Files.readString(HOME.resolve("rigs/virtual.yaml")).replace("qemu: qemu-system-x86_64", "qemu: qemu-system-hil303-absent"));
        assertThat(Main.execute("run", "--rig", rig.toString())).isEqualTo(Main.USAGE);
        assertThat(stderr()).contains("qemu-system-hil303-absent not found").contains("apt-get install qemu-system-x86");
    }

    @Test
    void a_farm_file_naming_a_missing_rig_file_names_the_farm_files_line(@TempDir Path dir) throws Exception {
        Path farm = dir.resolve("farm.yaml");
        Files.writeString(farm, "farm: two\nrigs:\n  - virtual.yaml\n  - absent.yaml\n");
        Files.copy(HOME.resolve("rigs/virtual.yaml"), dir.resolve("virtual.yaml"));
        assertThat(Main.execute("run", "--rig", farm.toString())).isEqualTo(Main.USAGE);
        assertThat(stderr()).contains(farm + ":4: rigs[1]: rig file " + dir.resolve("absent.yaml") + " not found");
    }

    @Test
    void a_rig_with_hardware_named_twice_is_refused(@TempDir Path dir) throws Exception {
        Path pi = HOME.resolve("rigs/pi-example.yaml");
        assertThat(Main.execute("run", "--rig", pi.toString(), "--rig", pi.toString())).isEqualTo(Main.USAGE);
        assertThat(stderr()).contains("is named 2 times: a rig with hardware is wired to one unit");
    }

    @Test
    void a_rig_held_by_another_run_is_refused_with_the_holders_name(@TempDir Path dir) throws Exception {
        org.hil303.rigs.RigConfig pi = org.hil303.rigs.RigConfig.read(HOME.resolve("rigs/pi-example.yaml"));
        try (var held = org.hil303.rigs.lease.RigLease.take(pi.name(), org.hil303.rigs.lease.RigLease.defaultDir(), "an-earlier-run")) {
            assertThat(Main.execute("run", "--rig", pi.file().toString())).isEqualTo(Main.USAGE);
        }
        assertThat(stderr()).contains("rig '" + pi.name() + "' is in use by").contains("run an-earlier-run");
    }

    @Test
    void a_bundle_to_compare_with_that_does_not_exist_is_a_usage_error(@TempDir Path dir) {
        assertThat(Main.execute("run", "--compare-with", dir.resolve("absent.zip").toString())).isEqualTo(Main.USAGE);
        assertThat(stderr()).contains("--compare-with " + dir.resolve("absent.zip") + ": no such file");
    }

    @Test
    void unknown_option_is_a_usage_error() {
        assertThat(Main.execute("run", "--dutt", "x")).isEqualTo(Main.USAGE);
        assertThat(stderr()).contains("--dutt");
    }

    @Test
    void a_fuzz_budget_out_of_range_or_a_seed_that_is_no_number_is_a_usage_error() {
        assertThat(Main.execute("run", "--fuzz-budget", "0")).isEqualTo(Main.USAGE);
        assertThat(stderr()).contains("--fuzz-budget: expected 1..100000");
        assertThat(Main.execute("run", "--seed", "twelve")).isEqualTo(Main.USAGE);
        assertThat(stderr()).contains("--seed");
    }

    @Test
    void a_bench_without_a_single_run_is_refused_before_anything_boots() {
        assertThat(Main.execute("bench", "--runs", "0")).isEqualTo(Main.USAGE);
        assertThat(stderr()).contains("--runs must be at least 1");
    }
}

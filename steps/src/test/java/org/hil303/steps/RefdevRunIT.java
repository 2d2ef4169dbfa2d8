package org.hil303.steps;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The harness end to end, as a user runs it: the packaged CLI against the reference device on the
 * virtual rig. Each automated test case must PASS on the compliant profile and FAIL on the weak one
 * where its flaw is; a broken rig must give INCONCLUSIVE, never a verdict about the device.
 */
class RefdevRunIT {
    private static final Path HOME = Path.of(System.getProperty("hil303.home", "..")).toAbsolutePath().normalize();
    private static final Pattern CASE = Pattern.compile("\"testCase\": \"([^\"]+)\", \"name\": \"[^\"]*\", \"verdict\": \"([A-Z_]+)\"");

    record Run(int status, String output, Map<String, String> verdicts) {
        /** The run's own account of each verdict, so a failed assertion says why (CI shows only the failure). */
        String why() {
            String tail = output.length() > 4000 ? output.substring(output.length() - 4000) : output;
            return "verdicts of hil303 run; its output ends with:\n" + tail;
        }
    }

    private static Run hil303(String name, String... args) throws IOException, InterruptedException {
        Path reports = HOME.resolve("steps/target/it-reports").resolve(name);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dhil303.home=" + HOME, "-jar", HOME.resolve("steps/target/hil303.jar").toString(), "run", "--reports", reports.toString()));
        cmd.addAll(List.of(args));
        Path log = Files.createDirectories(reports).resolve("output.txt");
        Process p = new ProcessBuilder(cmd).directory(HOME.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(20, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("hil303 run did not finish within 20 minutes; output: " + Files.readString(log));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println("=== hil303 run " + String.join(" ", args) + "\n" + output);
        Map<String, String> verdicts = new LinkedHashMap<>();
        Path summary = reports.resolve("latest/summary.json");
        if (Files.exists(summary)) {
            Matcher m = CASE.matcher(Files.readString(summary));
            while (m.find()) {
                verdicts.put(m.group(1), m.group(2));
            }
        }
        return new Run(p.exitValue(), output, verdicts);
    }

    @Test
    void compliant_reference_device_passes_every_test_case() throws Exception {
        Run run = hil303("compliant", "--dut", "fixtures/duts/refdev-compliant.yaml");
        assertThat(run.verdicts()).as(run.why()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                entry("5.1-1-2", "PASS"), entry("5.1-4-2", "PASS"), entry("5.1-5-2", "PASS"), entry("5.6-4-2", "PASS"),
                entry("5.2-1-2", "PASS"), entry("5.3-13-2", "PASS"),
                entry("5.6-1-2", "PASS"), entry("5.5-1-2", "PASS"), entry("5.6-2-2", "PASS"), entry("5.6-5-2", "PASS"),
                entry("5.5-4-2", "PASS"), entry("5.5-5-2", "PASS"), entry("5.13-1-2", "PASS")));
        assertThat(run.status()).isZero();
        assertThat(run.output()).contains("report:  ").contains("allure-report/index.html");
        assertThat(HOME.resolve("steps/target/it-reports/compliant/latest/allure-report/index.html")).exists();
    }

    @Test
    void weak_reference_device_fails_where_its_flaws_are() throws Exception {
        // a fixed seed: the weak API's crash must be found in every CI run, not by the luck of the draw
        Run run = hil303("weak", "--dut", "fixtures/duts/refdev-weak.yaml", "--seed", "303645");
        assertThat(run.verdicts()).as(run.why()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                entry("5.1-1-2", "FAIL"), entry("5.1-4-2", "PASS"), entry("5.1-5-2", "FAIL"), entry("5.6-4-2", "FAIL"),
                entry("5.2-1-2", "FAIL"), entry("5.3-13-2", "FAIL"),
                entry("5.6-1-2", "FAIL"), entry("5.5-1-2", "FAIL"), entry("5.6-2-2", "FAIL"), entry("5.6-5-2", "FAIL"),
                entry("5.5-4-2", "FAIL"), entry("5.5-5-2", "FAIL"), entry("5.13-1-2", "FAIL")));
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.output()).contains("admin").contains("without authentication")
                .contains("expired on").contains("does not state the end of support")
                .contains("open ports the IXIT (13-SoftServ) does not declare: tcp/80")
                .contains("TLSv1.1, TLSv1 accepted")
                .contains("disclosed before authentication: tcp/22 greeting on connect: software version 'dropbear_2022.83'")
                .contains("POST /api/config without credential: HTTP 200 (accepted)")
                .contains("lighttpd killed by signal 11");
    }

    @Test
    void an_interruptible_boot_alone_fails_5_6_4() throws Exception {
        Run run = hil303("autoboot", "--dut", "fixtures/duts/refdev-autoboot.yaml", "--tags", "@provision=5.6-4");
        assertThat(run.verdicts()).as(run.why()).containsExactlyInAnyOrderEntriesOf(Map.of("5.6-4-2", "FAIL"));
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.output()).contains("keys sent during boot opened a shell without authentication");
    }

    @Test
    void a_password_change_that_is_not_applied_fails_5_1_4() throws Exception {
        Run run = hil303("passwd-ignored", "--dut", "fixtures/duts/refdev-passwd-ignored.yaml", "--tags", "@provision=5.1-4");
        assertThat(run.verdicts()).as(run.why()).containsExactlyInAnyOrderEntriesOf(Map.of("5.1-4-2", "FAIL"));
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.output()).contains("the new password does not work");
    }

    @Test
    void a_missing_console_is_inconclusive_not_a_verdict() throws Exception {
        Path rig = HOME.resolve("steps/target/it-reports/rig-without-console.yaml");
        Files.createDirectories(rig.getParent());
        Files.writeString(rig, Files.readString(HOME.resolve("rigs/virtual.yaml")).replace("port: pty", "port: /dev/pts/hil303-unplugged"));
        Run run = hil303("no-console", "--rig", rig.toString(), "--tags", "@provision=5.6-4 or @provision=5.1-1");
        assertThat(run.verdicts()).as(run.why()).containsExactlyInAnyOrderEntriesOf(Map.of("5.1-1-2", "INCONCLUSIVE", "5.6-4-2", "INCONCLUSIVE"));
        assertThat(run.status()).isEqualTo(3);
        assertThat(run.output()).contains("/dev/pts/hil303-unplugged does not exist");
    }

    @Test
    void an_api_that_dies_of_an_oversized_value_fails_5_13_1_and_the_same_seed_replays_it() throws Exception {
        Run run = hil303("api-overflow", "--dut", "fixtures/duts/refdev-api-overflow.yaml", "--tags", "@provision=5.13-1", "--seed", "303645",
                "--fuzz-budget", "10");
        assertThat(run.verdicts()).as(run.why()).containsExactlyInAnyOrderEntriesOf(Map.of("5.13-1-2", "FAIL"));
        assertThat(run.status()).isEqualTo(1);
        // shrunk to the first length past the device's 256-byte buffer, with the command that replays it
        assertThat(run.output()).contains("lighttpd killed by signal 11").contains("257-byte field")
                .contains("--seed 303645");
        Path summary = HOME.resolve("steps/target/it-reports/api-overflow/latest/summary.json");
        assertThat(Files.readString(summary)).contains("\"fuzz.seed\": \"303645\"");
        assertThat(HOME.resolve("steps/target/it-reports/api-overflow/latest/fuzz/local-API-https-api-tcp-443-smallest.bin")).exists();
    }
}

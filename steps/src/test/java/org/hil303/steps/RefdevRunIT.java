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
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.hil303.steps.evidence.LabKeys;
import org.hil303.steps.run.Provisions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The harness end to end, as a user runs it: the packaged CLI against the reference device on the
 * virtual rig. Each automated test case must PASS on the compliant profile and FAIL on the weak one
 * where its flaw is; a broken rig must give INCONCLUSIVE, never a verdict about the device.
 *
 * <p>The two full runs go through a farm of three virtual rigs, each alone on the machine (they take
 * its cores); the short single-flaw runs take turns three at a time beside each other, which a 2-core
 * machine bears since a run mostly waits on its emulated device.
 */
@Execution(ExecutionMode.CONCURRENT)
class RefdevRunIT {
    /** The machine's cores: a full farm run holds them alone, the short runs share them (RigFaultsIT's too). */
    static final String CORES = "cores";
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
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(HOME.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("HIL303_LAB_KEYS", labKeys().toString());
        Process p = pb.start();
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
                verdicts.merge(m.group(1), m.group(2), RefdevRunIT::worse); // a test case run by several scenarios
            }
        }
        return new Run(p.exitValue(), output, verdicts);
    }

    /**
     * Every test case of a farm run names the rig and unit it was measured on (the cross-unit ones none), the
     * units are as many as the rigs, and the Allure results carry them too.
     */
    private static void assertMeasuredOnEveryUnit(String name, int rigs) throws IOException {
        String summary = Files.readString(HOME.resolve("steps/target/it-reports").resolve(name).resolve("latest/summary.json"));
        Matcher m = Pattern.compile("\"testCase\": \"([^\"]+)\", [^\n]*\"rig\": \"([^\"]*)\", \"unit\": \"([^\"]*)\"}").matcher(
                summary.substring(summary.indexOf("\"testCases\""), summary.indexOf("\"coverage\"")));
        java.util.Set<String> units = new java.util.TreeSet<>();
        int cases = 0;
        while (m.find()) {
            cases++;
            boolean crossUnit = m.group(1).startsWith("5.1-2-") || m.group(1).startsWith("5.4-3-") || m.group(1).startsWith("5.4-4-");
            assertThat(m.group(2).isEmpty()).as(m.group(1) + " names its rig").isEqualTo(crossUnit);
            assertThat(m.group(3).isEmpty()).as(m.group(1) + " names its unit").isEqualTo(crossUnit);
            if (!crossUnit) {
                assertThat(m.group(3)).matches("RD-\\d{6}");
                units.add(m.group(2) + " " + m.group(3));
            }
        }
        assertThat(cases).isGreaterThan(30);
        assertThat(units).as("rig and unit pairs").hasSize(rigs);
        assertThat(anyAttachment(name, t -> t.contains("\"name\":\"unit\",\"value\":\"RD-"))).as("Allure results name the unit").isTrue();
    }

    /** A file a rig left in its run's folder: at the top with one rig, under rigs/<rig>/ with several. */
    private static Path inRun(String run, String relative) throws IOException {
        Path latest = HOME.resolve("steps/target/it-reports").resolve(run).resolve("latest");
        try (var files = Files.walk(latest.toRealPath())) {
            return files.filter(f -> f.toString().endsWith("/" + relative)).findFirst().orElse(latest.resolve(relative));
        }
    }

    private static final List<String> SEVERITY = List.of("FAIL", "INCONCLUSIVE", "PASS", "NOT_APPLICABLE");

    private static String worse(String a, String b) {
        return SEVERITY.indexOf(a) <= SEVERITY.indexOf(b) ? a : b;
    }

    @Test
    @ResourceLock(value = CORES, mode = ResourceAccessMode.READ_WRITE)
    void compliant_reference_device_passes_every_test_case_on_three_units_at_once() throws Exception {
        Run run = hil303("compliant", "--rig", "rigs/farm-virtual-3.yaml", "--dut", "fixtures/duts/refdev-compliant.yaml");
        assertThat(run.verdicts()).as(run.why()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                entry("5.1-1-2", "PASS"), entry("5.1-4-2", "PASS"), entry("5.1-5-2", "PASS"), entry("5.6-4-2", "PASS"),
                entry("5.2-1-2", "PASS"), entry("5.3-13-2", "PASS"),
                entry("5.6-1-2", "PASS"), entry("5.5-1-2", "PASS"), entry("5.6-2-2", "PASS"), entry("5.6-5-2", "PASS"),
                entry("5.5-1-2c", "PASS"), entry("5.5-6-2", "PASS"), entry("5.5-7-2", "PASS"), entry("5.8-1-2", "PASS"),
                entry("5.8-2-2", "PASS"),
                entry("5.11-1-2", "PASS"), entry("5.7-1-2", "PASS"), entry("5.7-2-2", "PASS"), entry("5.11-2-2", "PASS"),
                entry("5.5-4-2", "PASS"), entry("5.5-5-2", "PASS"), entry("5.13-1-2", "PASS"),
                entry("5.9-2-2", "PASS"), entry("5.9-3-2", "PASS"),
                entry("5.3-2-2", "PASS"), entry("5.3-9-2", "PASS"), entry("5.3-10-2", "PASS"),
                entry("5.3-2-2b", "PASS"), entry("5.3-2-2c", "PASS"),
                entry("5.3-4-2", "PASS"), entry("5.3-5-2", "PASS"), entry("5.3-6-2", "PASS"), entry("5.3-6-2b", "PASS"), entry("5.3-7-2", "PASS"),
                entry("5.3-7-2b", "PASS"),
                entry("5.9-1-2", "PASS"),
                entry("5.1-2-2", "PASS"), entry("5.4-3-2", "PASS"), entry("5.4-4-2", "PASS")));
        assertThat(run.status()).isZero();
        assertThat(run.output()).contains("[virtual-1]").contains("[virtual-2]").contains("[virtual-3]").contains("on 3 rigs");
        assertMeasuredOnEveryUnit("compliant", 3);
        assertThat(run.output()).contains("report:  ").contains("allure-report/index.html");
        assertThat(HOME.resolve("steps/target/it-reports/compliant/latest/allure-report/index.html")).exists();
        assertThat(inRun("compliant", "captures/5.8-1-2.pcap")).isNotEmptyFile(); // in the folder of the rig that ran it
        assertEvidence("compliant");
    }

    @Test
    @ResourceLock(value = CORES, mode = ResourceAccessMode.READ_WRITE)
    void weak_reference_device_fails_where_its_flaws_are_on_three_units_at_once() throws Exception {
        // a fixed seed: the weak API's crash must be found in every CI run, not by the luck of the draw
        Run run = hil303("weak", "--rig", "rigs/farm-virtual-3.yaml", "--dut", "fixtures/duts/refdev-weak.yaml", "--seed", "303645");
        assertThat(run.verdicts()).as(run.why()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                entry("5.1-1-2", "FAIL"), entry("5.1-4-2", "PASS"), entry("5.1-5-2", "FAIL"), entry("5.6-4-2", "FAIL"),
                entry("5.2-1-2", "FAIL"), entry("5.3-13-2", "FAIL"),
                entry("5.6-1-2", "FAIL"), entry("5.5-1-2", "FAIL"), entry("5.6-2-2", "FAIL"), entry("5.6-5-2", "FAIL"),
                entry("5.5-1-2c", "FAIL"), entry("5.5-6-2", "FAIL"), entry("5.5-7-2", "FAIL"), entry("5.8-1-2", "FAIL"),
                entry("5.8-2-2", "FAIL"),
                entry("5.11-1-2", "FAIL"), entry("5.7-1-2", "FAIL"), entry("5.7-2-2", "FAIL"), entry("5.11-2-2", "FAIL"),
                entry("5.5-4-2", "FAIL"), entry("5.5-5-2", "FAIL"), entry("5.13-1-2", "FAIL"),
                entry("5.9-2-2", "FAIL"), entry("5.9-3-2", "FAIL"),
                entry("5.3-2-2", "FAIL"), entry("5.3-9-2", "FAIL"), entry("5.3-10-2", "FAIL"),
                entry("5.3-2-2b", "FAIL"), entry("5.3-2-2c", "FAIL"),
                entry("5.3-4-2", "FAIL"), entry("5.3-5-2", "FAIL"), entry("5.3-6-2", "FAIL"), entry("5.3-6-2b", "FAIL"), entry("5.3-7-2", "FAIL"),
                entry("5.3-7-2b", "PASS"),
                entry("5.9-1-2", "FAIL"),
                entry("5.1-2-2", "FAIL"), entry("5.4-3-2", "FAIL"), entry("5.4-4-2", "FAIL")));
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.output()).contains("have the same password").contains("is the same on units");
        assertThat(run.output()).contains("admin").contains("without authentication")
                .contains("expired on").contains("does not state the end of support")
                .contains("open ports the IXIT (13-SoftServ) does not declare: tcp/80")
                .contains("TLSv1.1, TLSv1 accepted")
                .contains("disclosed before authentication: tcp/22 greeting on connect: software version 'dropbear_2022.83'")
                .contains("the DUT's TLS client accepted a self-signed certificate")
                .contains("critical security parameter 'cloud token' in clear (as is) in tcp 198.18.0.2:")
                .contains("sensitive personal data 'location' in clear")
                .contains("the user's data is still in the raw storage after the factory reset")
                .contains("the DUT runs /data/app/agent although one byte of it was altered")
                .contains("the cloud service received no deletion request (DELETE /v1/devices/...) after the factory reset")
                .contains("POST /api/config without credential: HTTP 200 (accepted)")
                .contains("lighttpd killed by signal 11")
                .contains("(the image validly signed but older)")
                .contains("(the image valid and newer, over an untrusted TLS certificate)")
                .contains("power cuts during an update left the DUT without a whole image")
                .contains("power cuts during a configuration write left the DUT without a whole configuration");
        // the virtual rig gives the raw socket: the scan was half-open, and its evidence says how
        assertThat(anyAttachment("weak", t -> t.contains("TCP ports probed in") && t.contains("(half-open (SYN) scan over a raw socket); "
                + "open: [22, 23, 80, 443]; no answer (filtered): []"))).as("the port scan evidence names the method and the open ports").isTrue();
    }

    @Test
    @ResourceLock(value = CORES, mode = ResourceAccessMode.READ)
    void an_interruptible_boot_alone_fails_5_6_4() throws Exception {
        Run run = hil303("autoboot", "--dut", "fixtures/duts/refdev-autoboot.yaml", "--tags", "@provision=5.6-4");
        assertThat(run.verdicts()).as(run.why()).containsExactlyInAnyOrderEntriesOf(Map.of("5.6-4-2", "FAIL"));
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.output()).contains("keys sent during boot opened a shell without authentication");
    }

    /**
     * A device that pours binary, NUL runs, escape sequences, markup and an endless line onto its UART before
     * the login prompt: no non-conformity, so the compliant verdicts stand, and no report carries a control
     * byte or the device's markup unescaped.
     */
    @Test
    @ResourceLock(value = CORES, mode = ResourceAccessMode.READ)
    void a_console_flood_changes_no_verdict_and_leaves_every_report_clean() throws Exception {
        Run run = hil303("console-flood", "--dut", "fixtures/duts/refdev-console-flood.yaml", "--tags", "@provision=5.6-4 or @provision=5.1-4");
        assertThat(run.verdicts()).as(run.why()).containsExactlyInAnyOrderEntriesOf(Map.of("5.6-4-2", "PASS", "5.1-4-2", "PASS"));
        assertThat(run.status()).isZero();
        Path folder = HOME.resolve("steps/target/it-reports/console-flood/latest").toRealPath();
        String transcripts = "";
        try (var files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.startsWith(folder.resolve("allure-report")))
                    .filter(f -> f.toString().matches(".*\\.(txt|json|html|md|log|yaml)$")).toList()) {
                byte[] b = Files.readAllBytes(f);
                long control = 0;
                for (byte c : b) {
                    control += c >= 0 && c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c == 0x7f ? 1 : 0;
                }
                assertThat(control).as(f + ": control bytes").isZero();
                if (f.toString().endsWith(".html")) {
                    assertThat(new String(b, StandardCharsets.ISO_8859_1)).as(f + ": device markup unescaped").doesNotContain("<script>alert(document.cookie)");
                }
                if (f.getFileName().toString().equals("console.log")) {
                    transcripts += new String(b, StandardCharsets.ISO_8859_1);
                }
            }
        }
        assertThat(transcripts).contains("refdev: console flood begins").contains("refdev: console flood ends").contains("\\x1b[2J");
        Matcher heap = Pattern.compile("(\\d+) MiB of 256 MiB").matcher(run.output().substring(run.output().indexOf("harness heap, peak:")));
        assertThat(heap.find()).as("each worker's heap peak is printed against its bound").isTrue();
    }

    @Test
    @ResourceLock(value = CORES, mode = ResourceAccessMode.READ)
    void a_password_change_that_is_not_applied_fails_5_1_4() throws Exception {
        Run run = hil303("passwd-ignored", "--dut", "fixtures/duts/refdev-passwd-ignored.yaml", "--tags", "@provision=5.1-4");
        assertThat(run.verdicts()).as(run.why()).containsExactlyInAnyOrderEntriesOf(Map.of("5.1-4-2", "FAIL"));
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.output()).contains("the new password does not work");
    }

    @Test
    @ResourceLock(value = CORES, mode = ResourceAccessMode.READ)
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
    @ResourceLock(value = CORES, mode = ResourceAccessMode.READ)
    void a_cloud_client_that_skips_the_host_name_check_fails_5_5_1_2c_on_that_certificate_alone() throws Exception {
        Run run = hil303("cloud-hostname", "--dut", "fixtures/duts/refdev-cloud-hostname.yaml", "--tags", "@testcase=5.5-1-2c");
        assertThat(run.verdicts()).as(run.why()).containsExactlyInAnyOrderEntriesOf(Map.of("5.5-1-2c", "FAIL"));
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.output()).contains("the DUT's TLS client accepted a valid certificate from the trusted test CA for another host")
                .doesNotContain("accepted a self-signed").doesNotContain("expired (handshake");
    }

    /** The lab key the end-to-end runs sign with: made once per build, in the build's own folder. */
    private static synchronized Path labKeys() throws IOException {
        Path dir = HOME.resolve("steps/target/it-lab");
        if (!Files.exists(dir.resolve(LabKeys.KEY))) {
            LabKeys.create(dir, "hil303 integration tests");
        }
        return dir;
    }

    record Command(int status, String output) {}

    /** Any other hil303 command (verify, reproduce), with the same lab key as the runs. */
    private static Command command(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dhil303.home=" + HOME, "-jar", HOME.resolve("steps/target/hil303.jar").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(HOME.toFile()).redirectErrorStream(true);
        pb.environment().put("HIL303_LAB_KEYS", labKeys().toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        System.out.println("=== hil303 " + String.join(" ", args) + "\n" + output);
        return new Command(p.exitValue(), output);
    }

    private static Path bundleOf(String name) throws IOException {
        try (var files = Files.list(HOME.resolve("steps/target/it-reports").resolve(name).resolve("latest/"))) {
            return files.filter(f -> f.getFileName().toString().matches("evidence-.*\\.zip")).findFirst()
                    .orElseThrow(() -> new AssertionError("no evidence bundle in the " + name + " run"));
        }
    }

    /** Every catalogue provision is in the summary; the signed bundle verifies, and a changed copy is refused, naming the file. */
    private static void assertEvidence(String name) throws Exception {
        Path run = HOME.resolve("steps/target/it-reports").resolve(name).resolve("latest/");
        String summary = Files.readString(run.resolve("summary.json"));
        for (Provisions.Provision p : Provisions.all()) {
            assertThat(summary).contains("{\"id\": \"" + p.id() + "\"");
        }
        assertThat(run.resolve("summary.html")).exists();
        assertThat(run.resolve("summary.md")).exists();
        Path bundle = bundleOf(name);
        Command verified = command("verify", "--cert", labKeys().resolve(LabKeys.CERT).toString(), bundle.toString());
        assertThat(verified.status()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("VERIFIED").contains("5.1-1-2      PASS");

        Path tampered = bundle.resolveSibling("tampered.zip");
        try (var in = new ZipInputStream(Files.newInputStream(bundle)); var out = new ZipOutputStream(Files.newOutputStream(tampered))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals("run/summary.json")) {
                    bytes = new String(bytes, StandardCharsets.UTF_8).replaceFirst("\"verdict\": \"PASS\"", "\"verdict\": \"FAIL\"")
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        Command refused = command("verify", tampered.toString());
        assertThat(refused.status()).as(refused.output()).isEqualTo(1);
        assertThat(refused.output()).contains("NOT VERIFIED").contains("run/summary.json: changed");
        Files.delete(tampered);
    }

    @Test
    @ResourceLock(value = CORES, mode = ResourceAccessMode.READ)
    void a_regulator_reproduces_a_short_bundle_with_the_same_verdicts() throws Exception {
        Run lab = hil303("reproduce-lab", "--dut", "fixtures/duts/refdev-compliant.yaml", "--tags", "@provision=5.6-4");
        assertThat(lab.verdicts()).as(lab.why()).containsExactlyInAnyOrderEntriesOf(Map.of("5.6-4-2", "PASS"));
        Command reproduced = command("reproduce", bundleOf("reproduce-lab").toString(), "--reports",
                HOME.resolve("steps/target/it-reports/reproduce-regulator").toString());
        assertThat(reproduced.status()).as(reproduced.output()).isZero();
        assertThat(reproduced.output()).contains("agree     5.6-4-2      PASS           PASS").contains("all 1 test cases agree");
    }

    @Test
    @ResourceLock(value = CORES, mode = ResourceAccessMode.READ)
    void a_factory_reset_that_only_unlinks_fails_5_11_1_on_the_raw_storage() throws Exception {
        Run run = hil303("reset-unlinks", "--dut", "fixtures/duts/refdev-reset-unlinks.yaml", "--tags", "@provision=5.11-1");
        assertThat(run.verdicts()).as(run.why()).containsExactlyInAnyOrderEntriesOf(Map.of("5.11-1-2", "FAIL"));
        assertThat(run.status()).isEqualTo(1);
        // defaults and the file system are fine: only the bytes left on the flash give it away
        assertThat(run.output()).contains("the user's data is still in the raw storage after the factory reset")
                .doesNotContain("still in the file system").doesNotContain("still works on");
    }

    @Test
    @ResourceLock(value = CORES, mode = ResourceAccessMode.READ)
    void a_boot_without_software_verification_fails_5_7_1_and_5_7_2() throws Exception {
        Run run = hil303("no-secure-boot", "--dut", "fixtures/duts/refdev-no-secure-boot.yaml",
                "--tags", "@provision=5.7-1 or @provision=5.7-2");
        assertThat(run.verdicts()).as(run.why()).containsExactlyInAnyOrderEntriesOf(Map.of("5.7-1-2", "FAIL", "5.7-2-2", "FAIL"));
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.output()).contains("the DUT runs /data/app/agent although one byte of it was altered")
                .contains("no alert on the console after booting with /data/app/agent altered");
    }

    @Test
    @ResourceLock(value = CORES, mode = ResourceAccessMode.READ)
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
        assertThat(inRun("api-overflow", "fuzz/local-API-https-api-tcp-443-smallest.bin")).exists();
    }

    @Test
    @ResourceLock(value = CORES, mode = ResourceAccessMode.READ)
    void a_cloud_client_that_drops_events_during_an_outage_fails_5_9_2() throws Exception {
        Run run = hil303("events-lost", "--dut", "fixtures/duts/refdev-events-lost.yaml", "--tags", "@provision=5.9-2");
        assertThat(run.verdicts()).as(run.why()).containsExactlyInAnyOrderEntriesOf(Map.of("5.9-2-2", "FAIL"));
        assertThat(run.status()).isEqualTo(1);
        // the local API kept answering: only the lost events give it away
        assertThat(run.output()).contains("never reached the cloud").doesNotContain("the local API did not answer");
    }

    @Test
    @ResourceLock(value = CORES, mode = ResourceAccessMode.READ)
    void a_cloud_client_that_retries_without_backing_off_fails_5_9_3() throws Exception {
        Run run = hil303("reconnect-storm", "--dut", "fixtures/duts/refdev-reconnect-storm.yaml", "--tags", "@provision=5.9-3");
        assertThat(run.verdicts()).as(run.why()).containsExactlyInAnyOrderEntriesOf(Map.of("5.9-3-2", "FAIL"));
        assertThat(run.status()).isEqualTo(1);
        // it does come back: only the pace of its attempts gives it away
        assertThat(run.output()).contains("connection attempts within one minute").doesNotContain("did not reach its cloud again");
    }

    @Test
    @ResourceLock(value = CORES, mode = ResourceAccessMode.READ)
    void an_update_agent_that_skips_the_signature_fails_5_3_9_alone() throws Exception {
        Run run = hil303("update-unsigned", "--dut", "fixtures/duts/refdev-update-unsigned.yaml", "--tags", "@provision=5.3-9");
        assertThat(run.verdicts()).as(run.why()).containsExactlyInAnyOrderEntriesOf(Map.of("5.3-9-2", "FAIL"));
        assertThat(run.status()).isEqualTo(1);
        // the hash check still refuses the flipped and the truncated image: only the signature cases get in
        assertThat(run.output()).contains("(the image signed with a key the DUT does not trust)")
                .contains("reported installing: signature stripped, signed with a key the DUT does not trust");
    }

    @Test
    @ResourceLock(value = CORES, mode = ResourceAccessMode.READ)
    void an_update_agent_that_accepts_downgrades_fails_5_3_2_alone() throws Exception {
        Run run = hil303("update-downgrade", "--dut", "fixtures/duts/refdev-update-downgrade.yaml", "--tags", "@testcase=5.3-2-2");
        assertThat(run.verdicts()).as(run.why()).containsExactlyInAnyOrderEntriesOf(Map.of("5.3-2-2", "FAIL"));
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.output()).contains("(the image validly signed but older)");
    }

    @Test
    @ResourceLock(value = CORES, mode = ResourceAccessMode.READ)
    void an_update_that_is_never_rolled_back_fails_5_3_2_2b_alone() throws Exception {
        Run run = hil303("update-no-rollback", "--dut", "fixtures/duts/refdev-update-no-rollback.yaml", "--tags", "@testcase=5.3-2-2b");
        assertThat(run.verdicts()).as(run.why()).containsExactlyInAnyOrderEntriesOf(Map.of("5.3-2-2b", "FAIL"));
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.output()).contains("after 1 boot and did not restart within 'ixit.update.restart-after-ready'")
                .contains("declared at most 2 boots");
    }

    /**
     * The lab's path for a real DUT, played on the reference device: the supplier signs its images
     * outside the harness (openssl on the command line, from the format as the DUT file documents it)
     * and the DUT file names them, the vendor key and the layout. The unit trusts that key; the harness
     * derives the altered images. 5.3-9-2 needs a DUT older than the newer image: one run gives it its
     * verdict because 5.3-2-2, which installs that image, is taken last.
     */
    @Test
    @ResourceLock(value = CORES, mode = ResourceAccessMode.READ)
    void supplier_images_signed_outside_the_harness_pass_the_update_test_cases_on_the_compliant_device() throws Exception {
        Path file = supplierDut("it-supplier", "ed25519", "-algorithm", "ed25519");

        Run run = hil303("supplier", "--dut", file.toString(), "--tags",
                "@provision=5.3-2 or @provision=5.3-9 or @provision=5.3-10 or @provision=5.3-7");
        // the power-cut series takes the supplier's series: a new image for each cut the unit took, the same one after a cut it did not
        assertThat(run.verdicts()).as(run.why()).containsExactlyInAnyOrderEntriesOf(Map.of("5.3-10-2", "PASS", "5.3-2-2b", "PASS",
                "5.3-9-2", "PASS", "5.3-7-2", "PASS", "5.3-7-2b", "PASS", "5.3-2-2", "PASS", "5.3-2-2c", "PASS"));
        assertThat(run.output()).contains("rolled back to version 1 after 2 boots; declared at most 2 boots")
                .containsPattern("cut 3 at \\d+ ms: (old|new) image \\(version 1[4-7],");
        // 5.3-9-2 ran before 5.3-2-2 installed the newer image, though its feature file sorts after
        assertThat(run.output().indexOf("5.3-9-2   PASS")).isPositive().isLessThan(run.output().indexOf("5.3-2-2   PASS"));
        // 5.3-7-2b judges the key the supplier signs with, not one the harness made
        assertThat(anyAttachment("supplier", t -> t.contains("(update-vendor-key.pem, the supplier's)")))
                .as("5.3-7-2b's evidence names the supplier's key").isTrue();
    }

    /**
     * An update test with supplier images whose signing key is too weak: RSA-1024. The unit verifies
     * them properly (5.3-9-2 PASS: every altered image refused) and refuses legacy TLS (5.3-7-2 PASS),
     * but the key itself is below best practice: 5.3-7-2b FAILs, alone.
     */
    @Test
    @ResourceLock(value = CORES, mode = ResourceAccessMode.READ)
    void updates_signed_with_rsa_1024_fail_5_3_7_2b_alone() throws Exception {
        Path file = supplierDut("it-supplier-rsa1024", "rsa-pkcs1-sha256", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024");
        Run run = hil303("supplier-rsa1024", "--dut", file.toString(), "--tags", "@provision=5.3-7 or @testcase=5.3-9-2");
        assertThat(run.verdicts()).as(run.why()).containsExactlyInAnyOrderEntriesOf(Map.of("5.3-7-2", "PASS", "5.3-7-2b", "FAIL",
                "5.3-9-2", "PASS"));
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.output()).contains("updates are signed with RSA").contains("1024");
    }

    /**
     * Plays a supplier: a vendor key made by openssl ({@code genpkey} arguments), three refdev bundles
     * signed with it, the private key deleted, and a copy of the compliant DUT file naming the images.
     */
    private static Path supplierDut(String dirName, String algorithm, String... genpkey) throws Exception {
        Path dir = HOME.resolve("steps/target").resolve(dirName);
        Path supplier = Files.createDirectories(dir.resolve("supplier"));
        List<String> gen = new ArrayList<>(List.of("genpkey"));
        gen.addAll(List.of(genpkey));
        gen.addAll(List.of("-out", supplier.resolve("vendor-key.pem").toString()));
        openssl(gen.toArray(String[]::new));
        openssl("pkey", "-in", supplier.resolve("vendor-key.pem").toString(), "-pubout", "-out", supplier.resolve("vendor-public.pem").toString());
        boolean raw = algorithm.equals("ed25519");
        supplierBundle(supplier, "refdev-12.bundle", 12, true, raw);
        supplierBundle(supplier, "refdev-3.bundle", 3, true, raw);
        supplierBundle(supplier, "refdev-13-unhealthy.bundle", 13, false, raw);
        for (int v = 14; v <= 17; v++) {
            supplierBundle(supplier, "refdev-" + v + ".bundle", v, true, raw); // the power-cut series: the control and one per cut at most
        }
        Files.delete(supplier.resolve("vendor-key.pem")); // the lab never holds the vendor's private key
        String compliant = Files.readString(HOME.resolve("fixtures/duts/refdev-compliant.yaml"));
        String images = String.join("\n",
                "images:                               # the supplier's, relative to this file",
                "      newer: {file: supplier/refdev-12.bundle, version: 12}",
                "      older: {file: supplier/refdev-3.bundle, version: 3}",
                "      failing-health-check: {file: supplier/refdev-13-unhealthy.bundle, version: 13}",
                "      vendor-key: supplier/vendor-public.pem",
                "      series: [{file: supplier/refdev-14.bundle, version: 14}, {file: supplier/refdev-15.bundle, version: 15},",
                "               {file: supplier/refdev-16.bundle, version: 16}, {file: supplier/refdev-17.bundle, version: 17}]",
                "      signature: {algorithm: " + algorithm + ", placement: header-field, field: signature, signed-fields: [version, sha256, size]}");
        String dut = compliant.replaceFirst("images: generated[^\n]*", images).replace("hil303 reference device (compliant)",
                "hil303 reference device (compliant, supplier images)");
        assertThat(dut).contains("supplier/refdev-12.bundle");
        Path file = dir.resolve("refdev-supplier.yaml");
        Files.writeString(file, dut);
        return file;
    }

    /**
     * A refdev-bundle-v1 as its README describes it, signed with openssl: what a supplier's build would
     * do. Ed25519 signs the lines as they are ({@code raw}), ECDSA and RSA their SHA-256.
     */
    private static void supplierBundle(Path dir, String name, int version, boolean healthy, boolean raw) throws Exception {
        byte[] payload = ("#!/bin/sh\n# supplier firmware " + version + "\n[ \"$1\" = health ] && exit " + (healthy ? 0 : 1) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(payload));
        String signed = "version=" + version + "\nsha256=" + sha + "\nsize=" + payload.length + "\n";
        Path message = Files.writeString(dir.resolve(name + ".signed"), signed);
        Path signature = dir.resolve(name + ".sig");
        if (raw) {
            openssl("pkeyutl", "-sign", "-inkey", dir.resolve("vendor-key.pem").toString(), "-rawin", "-in", message.toString(), "-out", signature.toString());
        } else {
            openssl("dgst", "-sha256", "-sign", dir.resolve("vendor-key.pem").toString(), "-out", signature.toString(), message.toString());
        }
        String header = "REFDEV-BUNDLE 1\n" + signed + "signature=" + java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(signature)) + "\n\n";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(payload);
        Files.write(dir.resolve(name), out.toByteArray());
    }

    /** Whether any file of a run's Allure results (the attachments: the evidence as the report shows it) satisfies the condition. */
    private static boolean anyAttachment(String run, java.util.function.Predicate<String> condition) throws IOException {
        try (var files = Files.walk(HOME.resolve("steps/target/it-reports").resolve(run).resolve("latest/allure-results"))) {
            return files.filter(Files::isRegularFile).map(f -> {
                try {
                    return Files.readString(f, StandardCharsets.ISO_8859_1);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).anyMatch(condition);
        }
    }

    private static void openssl(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("openssl " + String.join(" ", args) + ": " + out).isZero();
    }

    @Test
    @ResourceLock(value = CORES, mode = ResourceAccessMode.READ)
    void a_reset_that_forgets_the_cloud_fails_5_11_2_alone() throws Exception {
        Run run = hil303("reset-keeps-cloud", "--dut", "fixtures/duts/refdev-reset-keeps-cloud.yaml", "--tags", "@provision=5.11-2");
        assertThat(run.verdicts()).as(run.why()).containsExactlyInAnyOrderEntriesOf(Map.of("5.11-2-2", "FAIL"));
        assertThat(run.status()).isEqualTo(1);
        // the device was in contact with its cloud before the reset: only the deletion request is missing
        assertThat(run.output()).contains("the cloud service received no deletion request").doesNotContain("cannot be tested");
    }

    /**
     * The raw storage read by the DUT itself through its console (a Pi rig without an SD mux), on
     * the virtual rig: the same verdicts as the flash image gives, reading and altering alike.
     */
    @Test
    @ResourceLock(value = CORES, mode = ResourceAccessMode.READ)
    void the_raw_storage_read_through_the_dut_console_gives_the_verdicts_of_the_flash_image() throws Exception {
        Path rig = HOME.resolve("steps/target/it-reports/rig-console-storage.yaml");
        Files.createDirectories(rig.getParent());
        Files.writeString(rig, Files.readString(HOME.resolve("rigs/virtual.yaml")) + "storage:\n  dut-console: {device: /dev/vda, max-size: 64MiB}\n");

        Run unlinks = hil303("console-storage-reset-unlinks", "--rig", rig.toString(), "--dut", "fixtures/duts/refdev-reset-unlinks.yaml",
                "--tags", "@provision=5.11-1");
        assertThat(unlinks.verdicts()).as(unlinks.why()).containsExactlyInAnyOrderEntriesOf(Map.of("5.11-1-2", "FAIL"));
        assertThat(unlinks.output()).contains("reading /dev/vda (65536 KiB) through the DUT's console")
                .contains("the user's data is still in the raw storage after the factory reset").doesNotContain("still in the file system");

        // the control: the program's bytes are found, altered, refused at boot and put back, all through the console,
        // which the IXIT names here although the rig also has the flash image
        Path dut = rig.resolveSibling("refdev-alter-with-console.yaml");
        String compliantDut = Files.readString(HOME.resolve("fixtures/duts/refdev-compliant.yaml"));
        String alterWith = compliantDut.replaceFirst("(\n +cloud-alert: [^\n]*)", "$1\n    alter-with: dut-console");
        assertThat(alterWith).contains("alter-with: dut-console");
        Files.writeString(dut, alterWith);
        Run compliant = hil303("console-storage-compliant", "--rig", rig.toString(), "--dut", dut.toString(), "--tags", "@provision=5.7-1");
        assertThat(compliant.verdicts()).as(compliant.why()).containsExactlyInAnyOrderEntriesOf(Map.of("5.7-1-2", "PASS"));
        assertThat(compliant.status()).isZero();
        assertThat(compliant.output()).contains("/dev/vda read: ");
    }

    @Test
    @ResourceLock(value = CORES, mode = ResourceAccessMode.READ)
    void an_update_client_that_accepts_legacy_tls_fails_5_3_7_2_alone() throws Exception {
        Run run = hil303("update-weak-crypto", "--dut", "fixtures/duts/refdev-update-weak-crypto.yaml", "--tags", "@provision=5.3-7");
        assertThat(run.verdicts()).as(run.why()).containsExactlyInAnyOrderEntriesOf(Map.of("5.3-7-2", "FAIL", "5.3-7-2b", "PASS"));
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.output()).contains("the update client completed a handshake with a server speaking TLSv1 only");
    }

    @Test
    @ResourceLock(value = CORES, mode = ResourceAccessMode.READ)
    void a_device_that_never_checks_by_itself_fails_5_3_4_5_3_5_and_5_3_6() throws Exception {
        Run run = hil303("update-manual-only", "--dut", "fixtures/duts/refdev-update-manual-only.yaml", "--tags",
                "@provision=5.3-4 or @provision=5.3-5 or @provision=5.3-6");
        assertThat(run.verdicts()).as(run.why()).containsExactlyInAnyOrderEntriesOf(Map.of("5.3-4-2", "FAIL", "5.3-5-2", "FAIL", "5.3-6-2", "FAIL",
                "5.3-6-2b", "FAIL"));
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.output()).contains("the DUT did not check the update server within").contains("the DUT did not fetch the published image by itself");
    }

    @Test
    @ResourceLock(value = CORES, mode = ResourceAccessMode.READ)
    void a_configuration_rewritten_in_place_fails_5_9_1_alone() throws Exception {
        Run run = hil303("config-torn", "--dut", "fixtures/duts/refdev-config-torn.yaml", "--tags", "@provision=5.9-1");
        assertThat(run.verdicts()).as(run.why()).containsExactlyInAnyOrderEntriesOf(Map.of("5.9-1-2", "FAIL"));
        assertThat(run.status()).isEqualTo(1);
        // it boots after every cut: only what became of its configuration gives it away
        assertThat(run.output()).contains("power cuts during a configuration write left the DUT without a whole configuration")
                .contains("before any answer").doesNotContain("did not boot");
    }

    /** Altered software is detected and reported, but the unit goes on talking to its cloud: 5.7-2-2's second half alone. */
    @Test
    @ResourceLock(value = CORES, mode = ResourceAccessMode.READ)
    void a_device_that_stays_online_after_a_failed_integrity_check_fails_5_7_2_alone() throws Exception {
        Run run = hil303("tamper-online", "--dut", "fixtures/duts/refdev-tamper-online.yaml",
                "--tags", "@provision=5.7-1 or @provision=5.7-2");
        assertThat(run.verdicts()).as(run.why()).containsExactlyInAnyOrderEntriesOf(Map.of("5.7-1-2", "PASS", "5.7-2-2", "FAIL"));
        assertThat(run.status()).isEqualTo(1);
        // the alert did reach the cloud: what fails is the telemetry that followed it
        assertThat(run.output()).contains("the DUT still contacts its cloud beyond the alert").doesNotContain("the cloud received no alert");
    }

    /** Automatic updates the user must first switch on: off in the initialized state, after a factory reset too. */
    @Test
    @ResourceLock(value = CORES, mode = ResourceAccessMode.READ)
    void automatic_updates_off_after_a_factory_reset_fail_5_3_6_2b() throws Exception {
        Run run = hil303("updates-off-by-default", "--dut", "fixtures/duts/refdev-updates-off-by-default.yaml", "--tags", "@testcase=5.3-6-2b");
        assertThat(run.verdicts()).as(run.why()).containsExactlyInAnyOrderEntriesOf(Map.of("5.3-6-2b", "FAIL"));
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.output()).contains("the DUT did not check the update server within").contains("the update server heard nothing from it");
    }

    @Test
    @ResourceLock(value = CORES, mode = ResourceAccessMode.READ)
    void passwords_derived_from_the_serial_number_fail_5_1_2_alone() throws Exception {
        Run run = hil303("serial-derived-password", "--dut", "fixtures/duts/refdev-serial-derived-password.yaml", "--tags", "@cross-unit");
        assertThat(run.verdicts()).as(run.why()).containsExactlyInAnyOrderEntriesOf(Map.of("5.1-2-2", "FAIL", "5.4-3-2", "PASS", "5.4-4-2", "PASS"));
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.output()).contains("characters of SHA-256(the serial as printed)").doesNotContain("have the same password");
    }

    @Test
    @ResourceLock(value = CORES, mode = ResourceAccessMode.READ)
    void one_ssh_host_key_on_every_unit_fails_5_4_4_and_5_4_3() throws Exception {
        Run run = hil303("shared-host-key", "--dut", "fixtures/duts/refdev-shared-host-key.yaml", "--tags", "@cross-unit");
        assertThat(run.verdicts()).as(run.why()).containsExactlyInAnyOrderEntriesOf(Map.of("5.1-2-2", "PASS", "5.4-3-2", "FAIL", "5.4-4-2", "FAIL"));
        // the key the units show and the one in their storage carry the same fingerprint
        Matcher shown = Pattern.compile("SSH host key ssh-ed25519 \\(tcp/22\\) (sha256:[0-9a-f]{64}) is the same on units").matcher(run.output());
        assertThat(shown.find()).as(run.why()).isTrue();
        assertThat(run.output()).contains("Ed25519 private key " + shown.group(1) + " is in the raw storage of units");
    }

    @Test
    @ResourceLock(value = CORES, mode = ResourceAccessMode.READ)
    void a_private_key_compiled_into_the_firmware_fails_5_4_3_alone() throws Exception {
        Run run = hil303("hardcoded-key", "--dut", "fixtures/duts/refdev-hardcoded-key.yaml", "--tags", "@cross-unit");
        assertThat(run.verdicts()).as(run.why()).containsExactlyInAnyOrderEntriesOf(Map.of("5.1-2-2", "PASS", "5.4-3-2", "FAIL", "5.4-4-2", "PASS"));
        assertThat(run.output()).contains("EC private key in the software image at layer-hardcoded-key.cpio.gz:/usr/lib/hil303/firmware/support-key.pem");
    }

    /** A lab with one rig: one unit cannot be compared, so INCONCLUSIVE; the second sample's run compares itself with the first's bundle. */
    @Test
    @ResourceLock(value = CORES, mode = ResourceAccessMode.READ)
    void one_unit_is_inconclusive_across_units_until_a_second_is_compared_through_the_first_ones_bundle() throws Exception {
        Run first = hil303("one-unit-first", "--rig", "rigs/virtual.yaml", "--tags", "@cross-unit");
        assertThat(first.verdicts()).as(first.why()).containsExactlyInAnyOrderEntriesOf(Map.of("5.1-2-2", "INCONCLUSIVE", "5.4-3-2", "INCONCLUSIVE",
                "5.4-4-2", "INCONCLUSIVE"));
        assertThat(first.status()).isEqualTo(3);
        assertThat(first.output()).contains("only one unit (RD-").contains("--compare-with");
        Run second = hil303("one-unit-second", "--rig", "rigs/virtual.yaml", "--tags", "@cross-unit", "--compare-with", bundleOf("one-unit-first").toString());
        assertThat(second.verdicts()).as(second.why()).containsExactlyInAnyOrderEntriesOf(Map.of("5.1-2-2", "PASS", "5.4-3-2", "PASS", "5.4-4-2", "PASS"));
        assertThat(second.output()).contains("and from earlier runs RD-");
    }
}

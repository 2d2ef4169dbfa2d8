package org.hil303.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A rig fault is never the device's fault, proven by breaking the rig on purpose: a seeded series of
 * injected faults (the emulator killed, the console cut, the link down, the fake cloud's port taken) on
 * both reference profiles, where every test case must give the verdict it gives without faults or
 * INCONCLUSIVE naming the rig, and a run killed at a seeded moment, which must leave no emulator
 * running, a summary marked incomplete, and a next run that starts cleanly.
 */
@Execution(ExecutionMode.CONCURRENT)
class RigFaultsIT {
    private static final Path HOME = Path.of(System.getProperty("hil303.home", "..")).toAbsolutePath().normalize();
    private static final Path REPORTS = HOME.resolve("steps/target/it-reports");
    /** Short test groups with both verdicts on the two profiles, so a series fits in CI. */
    private static final String GROUPS = "@provision=5.6-4 or @provision=5.1-4 or @provision=5.6-1 or @provision=5.6-2 or @provision=5.5-1 "
            + "or @provision=5.3-9 or @provision=5.7-1 or @provision=5.5-4 or @provision=5.11-2";
    private static final Map<String, String> COMPLIANT = Map.of("5.6-4-2", "PASS", "5.1-4-2", "PASS", "5.6-1-2", "PASS", "5.6-2-2", "PASS",
            "5.5-1-2", "PASS", "5.5-1-2c", "PASS", "5.3-9-2", "PASS", "5.7-1-2", "PASS", "5.5-4-2", "PASS", "5.11-2-2", "PASS");
    private static final Map<String, String> WEAK = Map.of("5.6-4-2", "FAIL", "5.1-4-2", "PASS", "5.6-1-2", "FAIL", "5.6-2-2", "FAIL",
            "5.5-1-2", "FAIL", "5.5-1-2c", "FAIL", "5.3-9-2", "FAIL", "5.7-1-2", "FAIL", "5.5-4-2", "FAIL", "5.11-2-2", "FAIL");

    record Result(String testCase, String verdict, String message) {}

    @Test
    @ResourceLock(value = RefdevRunIT.CORES, mode = ResourceAccessMode.READ)
    void injected_rig_faults_never_turn_into_a_verdict_about_the_compliant_device() throws Exception {
        assertTheRule("faults-compliant", "fixtures/duts/refdev-compliant.yaml", COMPLIANT, 11);
    }

    @Test
    @ResourceLock(value = RefdevRunIT.CORES, mode = ResourceAccessMode.READ)
    void injected_rig_faults_never_turn_into_a_verdict_about_the_weak_device() throws Exception {
        assertTheRule("faults-weak", "fixtures/duts/refdev-weak.yaml", WEAK, 12);
    }

    /**
     * The rule, test case by test case: the verdict it has without faults, or INCONCLUSIVE naming the rig.
     * A scenario a fault hit must name it in its evidence whatever its verdict.
     */
    private static void assertTheRule(String name, String dut, Map<String, String> expected, long seed) throws Exception {
        Path reports = REPORTS.resolve(name);
        Process p = start(reports, "run", "--dut", dut, "--tags", GROUPS, "--inject-faults", Long.toString(seed), "--seed", "303645");
        assertThat(p.waitFor(20, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(reports.resolve("output.txt"));
        System.out.println("=== " + name + "\n" + output);
        List<Result> results = results(reports.resolve("latest/summary.json"));
        assertThat(results).as(output).isNotEmpty();
        List<String> faults = faultLog(reports.resolve("latest"));
        int hit = 0;
        int misreported = 0;
        int stood = 0;
        int withheldCount = 0;
        List<String> wrong = new ArrayList<>();
        for (Result r : results) {
            String want = expected.get(r.testCase());
            boolean stands = r.verdict().equals(want);
            boolean withheld = r.verdict().equals("INCONCLUSIVE") && r.message().startsWith("rig: ");
            stood += stands ? 1 : 0;
            withheldCount += withheld ? 1 : 0;
            if (!stands && !withheld) {
                misreported++;
                wrong.add(r.testCase() + " " + r.verdict() + " (without faults: " + want + "): " + r.message());
            }
        }
        for (String f : faults) {
            if (f.contains("\trig fault injected")) {
                hit++;
            }
        }
        System.out.printf("%s: %d faults injected into %d scenarios; %d test cases: %d verdicts stood, %d INCONCLUSIVE naming the rig, %d misreported%n",
                name, hit, faults.size(), results.size(), stood, withheldCount, misreported);
        assertThat(wrong).as("test cases whose verdict is neither the fault-free one nor INCONCLUSIVE naming the rig").isEmpty();
        assertThat(hit).as("faults that really hit a scenario: " + faults).isGreaterThanOrEqualTo(3);
        assertThat(evidenceNames("rig fault injected", reports)).as("every fault that hit is in its scenario's evidence").isGreaterThanOrEqualTo(hit);
    }

    /** A run killed at a seeded moment of its first minutes, by SIGTERM then by SIGKILL. */
    @Test
    @ResourceLock(value = RefdevRunIT.CORES, mode = ResourceAccessMode.READ)
    void a_run_killed_at_a_seeded_moment_leaves_no_emulator_an_incomplete_summary_and_a_clean_start() throws Exception {
        Random moments = new Random(303);
        for (String signal : List.of("TERM", "KILL")) {
            Path reports = REPORTS.resolve("killed-" + signal.toLowerCase());
            Process run = start(reports, "run", "--tags", "@provision=5.6-4 or @provision=5.1-4 or @provision=5.9-3");
            awaitLine(reports.resolve("output.txt"), "PASS", 10);
            long after = 2 + moments.nextInt(15);
            TimeUnit.SECONDS.sleep(after); // the seeded moment of the kill: the point of the test, not a wait for something
            new ProcessBuilder("kill", "-" + signal, Long.toString(run.pid())).start().waitFor();
            assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("the run ends").isTrue();
            awaitNoEmulator(reports, 30);
            Path summary = reports.resolve("latest/summary.json");
            assertThat(summary).as(signal + " " + after + " s in: a summary").exists();
            String text = Files.readString(summary);
            assertThat(text).contains("\"run.complete\": \"false\"");
            assertThat(results(summary)).as("every result finished before the kill").isNotEmpty();
        }
        Path next = REPORTS.resolve("killed-then-next");
        Process again = start(next, "run", "--tags", "@provision=5.6-4");
        assertThat(again.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(again.exitValue()).as(Files.readString(next.resolve("output.txt"))).isZero();
        assertThat(Files.readString(next.resolve("latest/summary.json"))).contains("\"run.complete\": \"true\"");
        assertThat(socketFoldersOfDeadRuns()).as("the socket folders killed runs left are swept by the next one").isEmpty();
    }

    private static List<Path> socketFoldersOfDeadRuns() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            for (Path d : tmp.filter(d -> d.getFileName().toString().startsWith("hil303-")).toList()) {
                Path owner = d.resolve("owner.pid");
                if (Files.exists(owner) && !ProcessHandle.of(Long.parseLong(Files.readString(owner).trim())).map(ProcessHandle::isAlive).orElse(false)) {
                    out.add(d);
                }
            }
        }
        return out;
    }

    private static Process start(Path reports, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dhil303.home=" + HOME, "-jar", HOME.resolve("steps/target/hil303.jar").toString()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--reports", reports.toString()));
        Files.createDirectories(reports);
        return new ProcessBuilder(cmd).directory(HOME.toFile()).redirectErrorStream(true).redirectOutput(reports.resolve("output.txt").toFile()).start();
    }

    private static void awaitLine(Path output, String text, int minutes) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
        while (System.nanoTime() < deadline) {
            if (Files.exists(output) && Files.readString(output).contains(text)) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(200); // polling a file another process writes: it has no event to wait for
        }
        throw new AssertionError("no '" + text + "' in " + output + " within " + minutes + " min: " + Files.readString(output));
    }

    /** No emulator whose unit lives under this run's reports folder is left running. */
    private static void awaitNoEmulator(Path reports, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Long> left;
        do {
            left = ProcessHandle.allProcesses().filter(h -> h.info().commandLine().map(c -> c.contains("qemu-system") && c.contains(reports.toString()))
                    .orElse(false)).map(ProcessHandle::pid).toList();
            if (left.isEmpty()) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(200); // polling the process table: a process's death in another tree has no event here
        } while (System.nanoTime() < deadline);
        throw new AssertionError("emulators still running after the run was killed: " + left);
    }

    /**
     * Scans rather than matches: a message can be long, and a regex alternation over it recurses once per
     * character (the weak profile's messages overflowed the stack).
     */
    private static List<Result> results(Path summary) throws IOException {
        String text = Files.readString(summary, StandardCharsets.UTF_8);
        String flat = text.substring(text.indexOf("\"testCases\""), text.indexOf("\"coverage\""));
        List<Result> out = new ArrayList<>();
        for (int at = flat.indexOf(TEST_CASE); at >= 0; at = flat.indexOf(TEST_CASE, at + 1)) {
            out.add(new Result(stringAfter(flat, TEST_CASE, at), stringAfter(flat, "\"verdict\": ", at), stringAfter(flat, "\"message\": ", at)));
        }
        return out;
    }

    private static final String TEST_CASE = "\"testCase\": ";

    /** The JSON string value following the first {@code key} at or after {@code from}, unescaped as far as this test needs. */
    private static String stringAfter(String json, String key, int from) {
        int i = json.indexOf(key, from) + key.length() + 1;
        StringBuilder out = new StringBuilder();
        for (; json.charAt(i) != '"'; i++) {
            char c = json.charAt(i);
            out.append(c == '\\' ? json.charAt(++i) : c);
        }
        return out.toString();
    }

    private static List<String> faultLog(Path run) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(run.toRealPath())) { // latest is a link: walk where it points
            for (Path f : files.filter(f -> f.getFileName().toString().equals("faults.log")).toList()) {
                out.addAll(Files.readAllLines(f));
            }
        }
        return out;
    }

    private static long evidenceNames(String text, Path reports) throws IOException {
        try (Stream<Path> files = Files.walk(reports.resolve("latest/allure-results"))) {
            return files.filter(Files::isRegularFile).filter(f -> {
                try {
                    return Files.readString(f, StandardCharsets.ISO_8859_1).startsWith(text);
                } catch (IOException e) {
                    return false;
                }
            }).count();
        }
    }
}

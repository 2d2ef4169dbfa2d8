package org.hil303.steps.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hil303.rigs.base.Durations;
import org.hil303.steps.evidence.RunVerdicts;

/**
 * The farm's speed-up, measured: the same suite run on 1, 2 and 3 virtual rigs, one after another on
 * this machine, each a whole `hil303 run` with its own units. Target: 3 rigs in at most 0.45 of the
 * one-rig time with the same verdicts (the cross-unit test cases aside: one rig has no second unit).
 */
final class FarmBench {
    static final double TARGET = 0.45;

    /** One measured run: how many rigs, its wall time, its verdicts, its exit status. */
    record Measured(int rigs, Duration wall, Map<String, String> verdicts, int status) {}

    private FarmBench() {}

    static int run(Path home, Path dut, String tags, int maxRigs, PrintStream out) throws IOException {
        Path dir = home.resolve("reports/bench").resolve("farm-" + java.time.LocalDateTime.now()
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        List<Measured> measured = new ArrayList<>();
        for (int n = 1; n <= maxRigs; n++) {
            List<String> args = new ArrayList<>(List.of("run", "--dut", dut.toString(), "--reports", dir.resolve(n + "-rigs").toString()));
            for (int i = 0; i < n; i++) {
                args.addAll(List.of("--rig", home.resolve("rigs/virtual.yaml").toString()));
            }
            if (tags != null) {
                args.addAll(List.of("--tags", tags));
            }
            out.println("== the suite on " + n + " virtual rig" + (n == 1 ? "" : "s"));
            long start = System.nanoTime();
            int status = Main.execute(args.toArray(new String[0]));
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            Path summary = dir.resolve(n + "-rigs").resolve("latest/summary.json");
            Map<String, String> verdicts = Files.exists(summary) ? RunVerdicts.of(Files.readString(summary)) : Map.of();
            measured.add(new Measured(n, wall, verdicts, status));
        }
        out.println();
        lines(measured).forEach(out::println);
        return measured.stream().allMatch(m -> m.status() != Main.USAGE && !m.verdicts().isEmpty()) ? Main.OK : Main.INCONCLUSIVE;
    }

    /** The figures: each wall time, its ratio to the one-rig time, whether the verdicts agree, and the target on the last. */
    static List<String> lines(List<Measured> measured) {
        List<String> out = new ArrayList<>();
        Measured one = measured.get(0);
        Map<String, String> reference = perUnit(one.verdicts());
        for (Measured m : measured) {
            double ratio = (double) m.wall().toNanos() / one.wall().toNanos();
            Map<String, String> mine = perUnit(m.verdicts());
            List<String> differ = new ArrayList<>();
            reference.forEach((tc, v) -> {
                if (!v.equals(mine.get(tc))) {
                    differ.add(tc + " " + v + "/" + mine.getOrDefault(tc, "-"));
                }
            });
            String same = differ.isEmpty() ? "same verdicts as on 1 rig" : "verdicts DIFFER from 1 rig: " + String.join(", ", differ);
            String cross = m.verdicts().entrySet().stream().filter(e -> !mine.containsKey(e.getKey()))
                    .map(e -> e.getKey() + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", "));
            out.add(String.format(Locale.ROOT, "%d rig%s  %10s  ratio %.2f  %d test cases, %s%s%s", m.rigs(), m.rigs() == 1 ? " " : "s",
                    Durations.human(m.wall()), ratio, m.verdicts().size(), same, cross.isEmpty() ? "" : "; across units: " + cross,
                    m.rigs() == 3 ? String.format(Locale.ROOT, "   target <= %.2f: %s", TARGET, ratio <= TARGET && differ.isEmpty() ? "MET" : "NOT MET") : ""));
        }
        return out;
    }

    /** The test cases judged on one unit: the cross-unit ones need several units, so one rig cannot agree on them. */
    private static Map<String, String> perUnit(Map<String, String> verdicts) {
        Map<String, String> out = new LinkedHashMap<>(verdicts);
        out.keySet().removeIf(tc -> tc.startsWith("5.1-2-") || tc.startsWith("5.4-3-") || tc.startsWith("5.4-4-"));
        return out;
    }
}

package org.hil303.steps.farm;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hil303.rigs.RigConfig;
import org.hil303.rigs.RigFarm;
import org.hil303.rigs.base.Durations;
import org.hil303.rigs.virtual.NetworkNamespace;
import org.hil303.steps.report.TestCaseResult;
import org.hil303.steps.report.Verdict;

/**
 * One suite over the rigs of a farm: the test groups are spread over the rigs, each rig's worker
 * runs its share on its own unit (a process of its own; on the virtual rig inside its own network
 * namespace), and their results come back as one list. A test case a worker did not finish is
 * INCONCLUSIVE, never missing.
 */
public final class FarmRun {
    /** How to start a worker: the harness's own JVM and class path, its home, and the reference device image if any. */
    public record Launch(Path java, String classPath, String mainClass, Path home, Optional<Path> image) {}

    /** What the run asks for: the DUT, the user's tag selection, where results go, the fuzzers' seed. */
    public record Request(Path dutFile, String userTags, Path runDir, Path allureResults, long seed, Integer fuzzBudget, Long injectFaults) {}

    /** Every rig's share: its groups, its scenarios, the time expected, its part folder. */
    public record Assignment(RigFarm.Member rig, List<String> provisions, List<Suite.Scenario> scenarios, Duration expected, Path part) {}

    /** What the run is told while its workers run: a test case finished somewhere; the run was stopped from outside. */
    public interface Listener {
        void resultFinished();

        void stopped();
    }

    /** The merged results and the parts the workers left (for their environment and units). */
    public record Outcome(List<TestCaseResult> results, List<UnitPart> parts, List<Assignment> assignments) {}

    /** How long a stopped worker has to switch its unit off and leave its part. */
    static final int WORKER_STOPS_WITHIN_SECONDS = 20;

    private FarmRun() {}

    /** Spreads the selected test groups (cross-unit ones excepted) over the farm's rigs. */
    public static List<Assignment> plan(RigFarm farm, List<Suite.Scenario> selected, GroupDurations durations, Path runDir) {
        List<Suite.Scenario> onUnits = selected.stream().filter(s -> !s.crossUnit()).toList();
        List<GroupPlan.Share> shares = GroupPlan.spread(GroupPlan.counts(onUnits), farm.rigs().size(), durations);
        List<Assignment> out = new ArrayList<>();
        for (int i = 0; i < farm.rigs().size(); i++) {
            RigFarm.Member m = farm.rigs().get(i);
            List<String> groups = shares.get(i).provisions();
            out.add(new Assignment(m, groups, onUnits.stream().filter(s -> groups.contains(s.provision())).toList(),
                    shares.get(i).expected(), farm.single() ? runDir : runDir.resolve("rigs").resolve(m.id())));
        }
        return out;
    }

    /**
     * Runs every assignment that has work (or every one, when {@code survey}: cross-unit test cases
     * need each unit seen, and each worker then also collects its unit's facts) at once and waits for all.
     */
    public static Outcome run(List<Assignment> plan, Request request, Launch launch, boolean survey, PrintStream out, Listener listener)
            throws InterruptedException {
        boolean named = plan.size() > 1;
        List<RigWorker> workers = new ArrayList<>();
        Map<RigWorker, Assignment> of = new LinkedHashMap<>();
        List<TestCaseResult> results = new ArrayList<>();
        List<UnitPart> parts = new ArrayList<>();
        for (Assignment a : plan) {
            if (a.provisions().isEmpty() && !survey) {
                continue;
            }
            RigWorker w = new RigWorker(a.rig().id(), a.part(), out, named, listener::resultFinished);
            try {
                w.start(command(a, request, launch, survey), environment(a));
                workers.add(w);
                of.put(w, a);
            } catch (IOException | RuntimeException e) {
                results.addAll(notRun(a, "rig " + a.rig().id() + ": cannot start its worker: " + e.getMessage()));
            }
        }
        // Ctrl-C or SIGTERM: each worker powers its unit off and leaves its part, then the run writes what it has, marked incomplete
        Thread stopper = new Thread(() -> {
            workers.forEach(RigWorker::stop);
            workers.forEach(w -> w.awaitGone(WORKER_STOPS_WITHIN_SECONDS));
            listener.stopped();
        }, "stop-workers");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            for (RigWorker w : workers) {
                Assignment a = of.get(w);
                int status = w.waitFor();
                Optional<UnitPart> part = readPart(w.part());
                List<TestCaseResult> done = part.map(UnitPart::results).orElse(List.of());
                results.addAll(done);
                part.ifPresent(parts::add);
                String why = part.map(p -> p.finished() ? "" : "its worker stopped (exit " + status + ") before it finished")
                        .orElse("its worker left no results (exit " + status + ")");
                results.addAll(missing(a, done, "not run on rig " + a.rig().id() + ": " + why + "; its output is in "
                        + a.part().resolve(RigWorker.LOG_FILE)));
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is running
            }
        }
        return new Outcome(results, parts, plan);
    }

    /** One line per rig: what it runs and about how long that takes. */
    public static List<String> describe(List<Assignment> plan) {
        List<String> lines = new ArrayList<>();
        for (Assignment a : plan) {
            lines.add(String.format("  %-12s %s%s", a.rig().id(), a.provisions().isEmpty() ? "(no test group)" : String.join(" ", a.provisions()),
                    a.provisions().isEmpty() ? "" : "  (about " + Durations.human(a.expected()) + ")"));
        }
        return lines;
    }

    private static List<String> command(Assignment a, Request r, Launch l, boolean survey) {
        List<String> cmd = new ArrayList<>(List.of(l.java().toString(), "-Dhil303.home=" + l.home()));
        cmd.addAll(HarnessHeap.workerOptions());
        l.image().ifPresent(i -> cmd.add("-Dhil303.refdev.image=" + i));
        cmd.addAll(List.of("-cp", l.classPath(), l.mainClass(), "unit-run",
                "--rig", a.rig().config().file().toAbsolutePath().toString(), "--rig-id", a.rig().id(),
                "--dut", r.dutFile().toAbsolutePath().toString(),
                "--tags", a.provisions().isEmpty() ? "@provision=none and not @cross-unit" : GroupPlan.tags(r.userTags(), a.provisions()),
                "--part", a.part().toString(), "--results", r.allureResults().toString(), "--seed", Long.toString(r.seed())));
        if (r.fuzzBudget() != null) {
            cmd.addAll(List.of("--fuzz-budget", r.fuzzBudget().toString()));
        }
        if (survey) {
            cmd.add("--survey");
        }
        if (r.injectFaults() != null) {
            cmd.addAll(List.of("--inject-faults", r.injectFaults().toString()));
        }
        return a.rig().config().kind() == RigConfig.Kind.VIRTUAL ? NetworkNamespace.isolate(cmd) : cmd;
    }

    private static Map<String, String> environment(Assignment a) {
        return a.rig().config().kind() == RigConfig.Kind.VIRTUAL ? Map.of(NetworkNamespace.MARKER, "1") : Map.of();
    }

    private static Optional<UnitPart> readPart(Path dir) {
        try {
            return Optional.of(UnitPart.read(dir));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The assigned scenarios with no result: INCONCLUSIVE, saying why. */
    static List<TestCaseResult> missing(Assignment a, List<TestCaseResult> done, String why) {
        Set<String> finished = new HashSet<>();
        done.forEach(r -> finished.add(r.testCase() + "\n" + r.name()));
        List<TestCaseResult> out = new ArrayList<>();
        for (Suite.Scenario s : a.scenarios()) {
            if (!finished.contains(s.testCase() + "\n" + s.name())) {
                out.add(new TestCaseResult(s.provision(), s.testCase(), s.name(), Verdict.INCONCLUSIVE, Duration.ZERO, why, a.rig().id(), ""));
            }
        }
        return out;
    }

    private static List<TestCaseResult> notRun(Assignment a, String why) {
        return missing(a, List.of(), why);
    }
}

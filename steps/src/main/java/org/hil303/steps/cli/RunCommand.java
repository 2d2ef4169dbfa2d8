package org.hil303.steps.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.hil303.fixtures.dut.DutFile;
import org.hil303.fixtures.units.UnitFacts;
import org.hil303.rigs.RigConfig;
import org.hil303.rigs.RigFarm;
import org.hil303.rigs.base.Durations;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.config.ConfigException;
import org.hil303.rigs.lease.RigLease;
import org.hil303.rigs.virtual.RefdevImage;
import org.hil303.steps.evidence.AllureHistory;
import org.hil303.steps.evidence.AssessorStatement;
import org.hil303.steps.evidence.AssessorStatements;
import org.hil303.steps.evidence.LabKeys;
import org.hil303.steps.evidence.RunEvidence;
import org.hil303.steps.evidence.SummaryFiles;
import org.hil303.steps.farm.CrossUnitPhase;
import org.hil303.steps.farm.EarlierUnits;
import org.hil303.steps.farm.FarmRun;
import org.hil303.steps.farm.GroupDurations;
import org.hil303.steps.farm.HarnessHeap;
import org.hil303.steps.farm.RunProgress;
import org.hil303.steps.farm.Suite;
import org.hil303.steps.farm.UnitPart;
import org.hil303.steps.report.RunReport;
import org.hil303.steps.report.TestCaseResult;
import org.hil303.steps.report.Verdict;
import org.hil303.steps.run.CrossUnitRun;
import org.hil303.steps.run.SuiteTestCases;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hil303 run}: runs the suite against a DUT on one rig or on several at once (each with its own
 * unit), and reports one verdict per test case, one summary, one report and one evidence bundle.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the conformance suite against a DUT on one or more rigs.",
                "Exit status: 0 all PASS or NOT_APPLICABLE, 1 some FAIL, 3 none FAIL but some INCONCLUSIVE, 2 usage or configuration error."})
final class RunCommand implements Callable<Integer> {
    static final String IMAGE_PROPERTY = "hil303.refdev.image";

    @Option(names = "--rig", paramLabel = "FILE", description = {"rig file, or farm file listing rig files (default: rigs/farm-virtual-2.yaml,",
            "two emulated units); give it several times to test several units at once, e.g. --rig rigs/virtual.yaml --rig rigs/virtual.yaml"})
    List<Path> rigs = new ArrayList<>();

    @Option(names = "--dut", paramLabel = "FILE", description = "DUT file (default: fixtures/duts/refdev-compliant.yaml)")
    Path dut;

    @Option(names = "--tags", paramLabel = "EXPRESSION", description = "Cucumber tag expression, e.g. '@provision=5.1-1 or @provision=5.6-4'")
    String tags;

    @Option(names = "--reports", paramLabel = "DIR", description = "where runs are kept (default: reports/)")
    Path reports;

    @Option(names = "--seed", paramLabel = "N", description = "seed of the fuzzers (5.13-1), to replay a run's inputs (default: a new one, printed)")
    Long seed;

    @Option(names = "--fuzz-budget", paramLabel = "N", description = "malformed inputs per fuzz target (default: the DUT file's fuzz.inputs-per-target)")
    Integer fuzzBudget;

    @Option(names = "--inject-faults", paramLabel = "SEED", description = {"break the rig on purpose, once per scenario at a seeded moment",
            "(virtual rigs: the emulator killed, the console cut, the link down, the fake cloud's port taken), to prove no rig fault becomes a verdict"})
    Long injectFaults;

    @Option(names = "--compare-with", paramLabel = "BUNDLE", description = {"an earlier run's evidence bundle (of another unit of the same model):",
            "its units take part in the cross-unit test cases (5.1-2, 5.4-3, 5.4-4); may be given several times"})
    List<Path> compareWith = new ArrayList<>();

    private final PrintStream out = System.out;

    @Override
    public Integer call() {
        Path home = Home.dir();
        // two emulated units by default: the cross-unit test cases need two to compare, and the suite takes half the time
        List<Path> rigFiles = rigs.isEmpty() ? List.of(home.resolve("rigs/farm-virtual-2.yaml")) : rigs;
        Path dutFile = Optional.ofNullable(dut).orElse(home.resolve("fixtures/duts/refdev-compliant.yaml"));
        Path features = home.resolve("features");
        RigFarm farm;
        DutFile dutDescription;
        Map<String, AssessorStatement> statements;
        try {
            farm = RigFarm.read(rigFiles);
            dutDescription = DutFile.read(dutFile);
            statements = AssessorStatements.forDut(dutFile);
        } catch (ConfigException e) {
            return usageError(e.getMessage());
        }
        if (fuzzBudget != null && (fuzzBudget < 1 || fuzzBudget > 100_000)) {
            return usageError("--fuzz-budget: expected 1..100000 inputs per target, found " + fuzzBudget);
        }
        if (tags != null) {
            String problem = SuiteTags.check(tags, features);
            if (problem != null) {
                return usageError(problem);
            }
        }
        Suite suite;
        try {
            suite = Suite.read(features);
        } catch (IOException | RuntimeException e) {
            return usageError("cannot read the features in " + features + ": " + e.getMessage());
        }
        List<Suite.Scenario> selected = suite.select(tags);
        if (selected.isEmpty()) {
            return usageError("no test case matched" + (tags == null ? "" : " --tags '" + tags + "'"));
        }
        if (injectFaults != null && farm.rigs().stream().anyMatch(m -> m.config().kind() != RigConfig.Kind.VIRTUAL)) {
            return usageError("--inject-faults breaks the rig on purpose: it is for virtual rigs only");
        }
        List<UnitFacts> earlier;
        try {
            earlier = EarlierUnits.from(compareWith, dutDescription);
        } catch (IOException e) {
            return usageError(e.getMessage());
        }
        if (farm.anyVirtual() && dutDescription.refdev().isEmpty()) {
            return usageError(dutFile + ": the virtual rig emulates the reference device; this DUT file has no 'virtual.profile'");
        }
        out.println("hil303 " + Version.get() + ": " + (farm.single() ? "rig '" + farm.rigs().get(0).id() + "'"
                : farm.rigs().size() + " rigs (" + farm.rigs().stream().map(RigFarm.Member::id).collect(Collectors.joining(", ")) + ")")
                + ", DUT '" + dutDescription.name() + "'");
        Optional<RefdevImage> image = Optional.empty();
        if (farm.anyVirtual()) {
            String qemu = farm.rigs().stream().map(m -> m.config().virtual()).flatMap(Optional::stream).findFirst().orElseThrow().qemu();
            Optional<String> missing = VirtualRigSetup.unavailable(qemu);
            if (missing.isPresent()) {
                return usageError(missing.get());
            }
            try {
                image = Optional.of(VirtualRigSetup.image(home, out));
            } catch (RigFault e) {
                System.err.println("error: " + e.getMessage());
                return Main.INCONCLUSIVE;
            }
        }
        Path runs = Optional.ofNullable(reports).orElse(home.resolve("reports")).toAbsolutePath();
        String id = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + safe(farm.name()) + "-"
                + safe(dutName(dutDescription));
        List<RigLease> leases = new ArrayList<>();
        try {
            for (RigFarm.Member m : farm.rigs()) {
                // a virtual rig is made anew for each run (namespace, tap, console, emulator): only hardware is held
                if (m.config().kind() != RigConfig.Kind.VIRTUAL) {
                    RigLease lease = RigLease.take(safe(m.config().name()), RigLease.defaultDir(), id);
                    lease.takenOver().ifPresent(h -> out.println("rig '" + m.id() + "': took over the lease left by " + h.holder()
                            + " (process " + h.pid() + ", run " + h.run() + "), which is gone"));
                    leases.add(lease);
                }
            }
            return runSuite(home, features, farm, dutDescription, statements, selected, earlier, image, runs, id);
        } catch (RigFault e) {
            return usageError(e.getMessage());
        } finally {
            leases.forEach(RigLease::close);
        }
    }

    private int runSuite(Path home, Path features, RigFarm farm, DutFile dutDescription, Map<String, AssessorStatement> statements,
            List<Suite.Scenario> selected, List<UnitFacts> earlier, Optional<RefdevImage> image, Path runs, String id) {
        Path runDir = runs.resolve("runs").resolve(id);
        Path results = runDir.resolve("allure-results");
        try {
            Files.createDirectories(results);
            Path latest = runs.resolve("latest");
            Files.deleteIfExists(latest);
            Files.createSymbolicLink(latest, Path.of("runs", id));
        } catch (IOException e) {
            return usageError("cannot create the run folder " + runDir + ": " + e.getMessage());
        }
        if (farm.anyVirtual()) {
            out.println((farm.single() ? "running in a private network namespace" : "each virtual rig runs in its own private network namespace")
                    + "; DUT at " + farm.rigs().get(0).config().network().dutAddress().getHostAddress());
        }
        long fuzzSeed = seed != null ? seed : new java.security.SecureRandom().nextLong();
        if (injectFaults != null) {
            out.println("injecting rig faults, seed " + injectFaults + ": one per scenario, at a seeded moment; every verdict must stand or be INCONCLUSIVE");
        }
        out.println("fuzz seed " + fuzzSeed + " (replay with --seed " + fuzzSeed + "), "
                + (fuzzBudget != null ? fuzzBudget : dutDescription.fuzz().inputsPerTarget()) + " inputs per target");
        Path durationsFile = GroupDurations.file(runs, safe(dutName(dutDescription)));
        List<FarmRun.Assignment> plan = FarmRun.plan(farm, selected, GroupDurations.load(durationsFile), runDir);
        if (!farm.single()) {
            out.println("test groups, longest first onto the rig with the least work:");
            FarmRun.describe(plan).forEach(out::println);
        }
        boolean crossUnit = selected.stream().anyMatch(Suite.Scenario::crossUnit);
        long start = System.nanoTime();
        RunProgress progress = new RunProgress(runDir, plan, automatedProvisions(features), dutDescription.ics(), statements,
                environment(home, farm, List.of(), fuzzSeed, dutDescription));
        progress.write("");
        FarmRun.Outcome outcome;
        try {
            outcome = FarmRun.run(plan, new FarmRun.Request(dutDescription.file(), tags, runDir, results, fuzzSeed, fuzzBudget, injectFaults),
                    new FarmRun.Launch(Path.of(System.getProperty("java.home"), "bin", "java"), System.getProperty("java.class.path"),
                            Main.class.getName(), home, image.map(RefdevImage::dir)), crossUnit, out, new FarmRun.Listener() {
                        @Override
                        public void resultFinished() {
                            progress.write("");
                        }

                        @Override
                        public void stopped() {
                            progress.write("the run was stopped before its end (a signal: Ctrl-C, SIGTERM, or its host shutting down); "
                                    + "the test cases it had not finished are missing");
                        }
                    });
            progress.finished();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.INCONCLUSIVE;
        }
        List<TestCaseResult> verdicts = new ArrayList<>(outcome.results());
        for (TestCaseResult r : verdicts) {
            if (r.unit().isEmpty() && r.verdict() == Verdict.INCONCLUSIVE) {
                RunReport.writeNotRun(results, r);
                out.printf("  %-7s %-9s %-15s %8s  %s%n    %s%n", r.provision(), r.testCase(), r.verdict().label(), "-", r.name(), r.message());
            }
        }
        GroupDurations.record(durationsFile, GroupDurations.measured(verdicts.stream().filter(r -> !r.unit().isEmpty()).toList()));
        if (crossUnit) {
            List<UnitFacts> units = CrossUnitPhase.factsOf(plan);
            out.println("across units: " + units.stream().map(u -> u.serial() + " (" + u.rig() + ")").collect(Collectors.joining(", "))
                    + (earlier.isEmpty() ? "" : ", and from earlier runs " + earlier.stream().map(UnitFacts::serial).collect(Collectors.joining(", "))));
            List<Path> software = new ArrayList<>();
            image.ifPresent(i -> software.addAll(i.initrdParts(dutDescription.refdev().map(DutFile.Refdev::flaws).orElse(List.of()))));
            dutDescription.update().flatMap(u -> u.supplied()).ifPresent(sup -> software.addAll(sup.files()));
            verdicts.addAll(CrossUnitPhase.run(new CrossUnitRun(dutDescription, units, earlier, software), features, tags, results, out));
        }
        Map<String, String> env = environment(home, farm, outcome.parts(), fuzzSeed, dutDescription);
        return finish(home, features, farm, dutDescription, statements, image, runs, id, runDir, results, verdicts, env, start);
    }

    private int finish(Path home, Path features, RigFarm farm, DutFile dutDescription, Map<String, AssessorStatement> statements,
            Optional<RefdevImage> image, Path runs, String id, Path runDir, Path results, List<TestCaseResult> verdicts,
            Map<String, String> env, long start) {
        try {
            RunReport.writeAllureMetadata(results, env);
        } catch (IOException e) {
            System.err.println("warning: cannot write the Allure environment: " + e.getMessage());
        }
        AllureHistory history = new AllureHistory(runs, safe(farm.name()), safe(dutName(dutDescription)));
        history.restoreInto(results);
        String htmlProblem = RunReport.generateHtml(Home.allure(home), results, runDir.resolve("allure-report"));
        history.keepFrom(runDir.resolve("allure-report"));
        List<Path> images = image.map(i -> List.of(i.kernel(), i.initrd())).orElse(List.of());
        RunEvidence.Written evidence = null;
        try {
            evidence = RunEvidence.finish(new RunEvidence.Run(id, runDir, farm.rigs().stream().map(m -> m.config().file()).toList(),
                    dutDescription, Optional.ofNullable(tags), images, automatedProvisions(features)),
                    verdicts, statements, env, LabKeys.dir());
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(RunCommand.class).debug("writing the evidence failed", e);
            System.err.println("warning: cannot write the summaries and the evidence bundle: " + e);
        }
        Map<Verdict, Integer> counts = RunReport.counts(verdicts);
        out.println();
        out.printf("%d test cases in %s%s: %d PASS, %d FAIL, %d INCONCLUSIVE, %d NOT_APPLICABLE%n", verdicts.size(),
                Durations.human(java.time.Duration.ofNanos(System.nanoTime() - start)), farm.single() ? "" : " on " + farm.rigs().size() + " rigs",
                counts.get(Verdict.PASS), counts.get(Verdict.FAIL), counts.get(Verdict.INCONCLUSIVE), counts.get(Verdict.NOT_APPLICABLE));
        List<String> workers = env.entrySet().stream().filter(e -> e.getKey().endsWith(HarnessHeap.ENVIRONMENT_KEY))
                .map(e -> e.getValue() + (e.getKey().equals(HarnessHeap.ENVIRONMENT_KEY) ? "" // one rig's, or the same on all
                        : " on " + e.getKey().substring(0, e.getKey().length() - HarnessHeap.ENVIRONMENT_KEY.length() - 1)))
                .toList();
        out.println("harness heap, peak: " + (workers.isEmpty() ? "" : String.join(", ", workers) + "; ") + "launcher " + HarnessHeap.peakMiB() + " MiB");
        if (evidence != null) {
            out.println(SummaryFiles.totals(evidence.summary()));
            out.println("summary: " + display(home, runDir.resolve("summary.html")) + " (also .md, .json)");
            out.println("bundle:  " + display(home, evidence.bundle()) + evidence.signer().map(s -> ", signed by " + s)
                    .orElse(", unsigned: create the lab key with `hil303 keys init`, then `hil303 keys sign " + display(home, evidence.bundle()) + "`"));
        }
        if (htmlProblem == null) {
            out.println("report:  " + display(home, runs.resolve("latest/allure-report/index.html")));
        } else {
            out.println("report:  not generated: " + htmlProblem);
        }
        if (counts.get(Verdict.FAIL) > 0) {
            return Main.FAIL;
        }
        return counts.get(Verdict.INCONCLUSIVE) > 0 ? Main.INCONCLUSIVE : Main.OK;
    }

    /**
     * The run's environment: harness, DUT and tools, and each rig's own (its kind, console, unit serial).
     * With one rig its keys are as they always were; with several, each rig's are prefixed with its id,
     * and what all rigs share (the image, the profile) is kept once.
     */
    private Map<String, String> environment(Path home, RigFarm farm, List<UnitPart> parts, long fuzzSeed, DutFile dut) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("harness.version", Version.get());
        env.put("harness.commit", ToolVersions.harnessCommit(home));
        env.put("run.finished", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).toString());
        env.put(farm.single() ? "rig.file" : "rig.files", farm.rigs().stream().map(m -> m.config().file().toString()).collect(Collectors.joining(", ")));
        env.put("dut", dut.name());
        env.put("dut.file", dut.file().toString());
        env.put("dut.model", dut.model());
        env.put("dut.firmware", dut.firmware());
        env.put("fuzz.seed", Long.toString(fuzzSeed));
        env.put("fuzz.inputs-per-target", Integer.toString(fuzzBudget != null ? fuzzBudget : dut.fuzz().inputsPerTarget()));
        if (injectFaults != null) {
            env.put("faults.injected.seed", Long.toString(injectFaults));
        }
        if (farm.single()) {
            parts.forEach(p -> env.putAll(p.environment()));
            env.putIfAbsent("rig", farm.rigs().get(0).config().name());
        } else {
            env.put("rigs", farm.rigs().stream().map(RigFarm.Member::id).collect(Collectors.joining(", ")));
            env.put("units", parts.stream().map(p -> p.rigId() + ": " + (p.unit().isEmpty() ? "?" : p.unit())).collect(Collectors.joining(", ")));
            Map<String, String> shared = parts.isEmpty() ? new LinkedHashMap<>() : new LinkedHashMap<>(parts.get(0).environment());
            parts.forEach(p -> shared.entrySet().removeIf(e -> !e.getValue().equals(p.environment().get(e.getKey()))));
            shared.remove("rig");
            env.putAll(shared);
            for (UnitPart p : parts) {
                p.environment().forEach((k, v) -> {
                    if (!shared.containsKey(k) && !k.equals("rig")) {
                        env.put(p.rigId() + "." + k, v);
                    }
                });
            }
        }
        env.put("java", System.getProperty("java.version"));
        env.putAll(ToolVersions.of(farm.rigs().get(0).config(), Home.allure(home)));
        env.put(RunProgress.COMPLETE, "true");
        return env;
    }

    private static String display(Path home, Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        return p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString();
    }

    /** What the suite automates, for the summary; feature files it cannot list leave nothing known to be automated. */
    private static java.util.Set<String> automatedProvisions(Path features) {
        try {
            return SuiteTestCases.in(features);
        } catch (IOException e) {
            return java.util.Set.of();
        }
    }

    private static String dutName(DutFile dut) {
        return dut.file().getFileName().toString().replaceFirst("\\.ya?ml$", "");
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static int usageError(String message) {
        System.err.println("error: " + message);
        return Main.USAGE;
    }

    /** Where the harness is installed: features, rig and DUT files, the image builder. */
    static final class Home {
        static final String PROPERTY = "hil303.home";

        static Path dir() {
            String p = System.getProperty(PROPERTY);
            return (p == null ? Path.of("") : Path.of(p)).toAbsolutePath().normalize();
        }

        static Path allure(Path home) {
            Path dir = home.resolve("steps/target/allure");
            try (var s = Files.list(dir)) {
                return s.filter(Files::isDirectory).findFirst().orElse(dir);
            } catch (IOException e) {
                return dir;
            }
        }
    }
}

package org.hil303.steps.cli;

import java.io.File;
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
import org.hil303.fixtures.dut.DutFile;
import org.hil303.rigs.Durations;
import org.hil303.rigs.RigConfig;
import org.hil303.rigs.RigFault;
import org.hil303.rigs.config.ConfigException;
import org.hil303.rigs.virtual.NetworkNamespace;
import org.hil303.rigs.virtual.RefdevImage;
import org.hil303.rigs.virtual.Tools;
import org.hil303.steps.evidence.AllureHistory;
import org.hil303.steps.evidence.AssessorStatement;
import org.hil303.steps.evidence.AssessorStatements;
import org.hil303.steps.evidence.ConformanceSummary.Coverage;
import org.hil303.steps.evidence.LabKeys;
import org.hil303.steps.evidence.RunEvidence;
import org.hil303.steps.report.Ledger;
import org.hil303.steps.report.ProgressPlugin;
import org.hil303.steps.report.RunReport;
import org.hil303.steps.report.TestCaseResult;
import org.hil303.steps.report.Verdict;
import org.hil303.steps.run.HarnessRun;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hil303 run}: runs the suite against one DUT on one rig and reports a verdict per test case. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the conformance suite against a DUT on a rig.",
                "Exit status: 0 all PASS or NOT_APPLICABLE, 1 some FAIL, 3 none FAIL but some INCONCLUSIVE, 2 usage or configuration error."})
final class RunCommand implements Callable<Integer> {
    static final String IMAGE_PROPERTY = "hil303.refdev.image";

    @Option(names = "--rig", paramLabel = "FILE", description = "rig file (default: rigs/virtual.yaml)")
    Path rig;

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

    private final PrintStream out = System.out;

    @Override
    public Integer call() {
        Path home = Home.dir();
        Path rigFile = Optional.ofNullable(rig).orElse(home.resolve("rigs/virtual.yaml"));
        Path dutFile = Optional.ofNullable(dut).orElse(home.resolve("fixtures/duts/refdev-compliant.yaml"));
        Path features = home.resolve("features");
        RigConfig rigConfig;
        DutFile dutDescription;
        Map<String, AssessorStatement> statements;
        try {
            rigConfig = RigConfig.read(rigFile);
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
        boolean virtual = rigConfig.kind() == RigConfig.Kind.VIRTUAL;
        if (virtual && dutDescription.refdev().isEmpty()) {
            return usageError(dutFile + ": the virtual rig emulates the reference device; this DUT file has no 'virtual.profile'");
        }
        if (virtual && !NetworkNamespace.entered()) {
            return startInNamespace(home, rigConfig, dutDescription);
        }
        return runSuite(home, features, rigConfig, dutDescription, statements);
    }

    /** Builds the reference device (that needs the package mirror), then re-runs this command inside a private network namespace. */
    int startInNamespace(Path home, RigConfig rigConfig, DutFile dutDescription) {
        String qemu = rigConfig.virtual().orElseThrow().qemu();
        for (String[] tool : new String[][] {{qemu, "qemu-system-x86"}, {"unshare", "util-linux"}, {"setpriv", "util-linux"},
                {"ip", "iproute2"}, {"cpio", "cpio"}}) {
            if (!Tools.onPath(tool[0])) {
                return usageError(tool[0] + " not found: the virtual rig needs it; install it with `sudo apt-get install " + tool[1] + "`");
            }
        }
        Optional<String> noNamespace = NetworkNamespace.unavailable();
        if (noNamespace.isPresent()) {
            return usageError(noNamespace.get());
        }
        out.println("hil303 " + Version.get() + ": rig '" + rigConfig.name() + "', DUT '" + dutDescription.name() + "'");
        out.println("preparing the reference device image (cached after the first build)...");
        RefdevImage image;
        try {
            image = RefdevImage.build(home.resolve("fixtures/refdev/build.sh"), cacheDir(), line -> out.println("  refdev: " + line));
        } catch (RigFault e) {
            System.err.println("error: " + e.getMessage());
            return org.hil303.steps.cli.Main.INCONCLUSIVE;
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-D" + Home.PROPERTY + "=" + home);
        cmd.add("-D" + IMAGE_PROPERTY + "=" + image.dir());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(Main.arguments());
        ProcessBuilder pb;
        try {
            pb = new ProcessBuilder(NetworkNamespace.isolate(cmd)).inheritIO();
        } catch (RigFault e) {
            return usageError(e.getMessage());
        }
        pb.environment().put(NetworkNamespace.MARKER, "1");
        try {
            return pb.start().waitFor();
        } catch (IOException e) {
            return usageError("cannot start the harness in a network namespace: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.INCONCLUSIVE;
        }
    }

    private int runSuite(Path home, Path features, RigConfig rigConfig, DutFile dutDescription, Map<String, AssessorStatement> statements) {
        Path runs = Optional.ofNullable(reports).orElse(home.resolve("reports")).toAbsolutePath();
        String id = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + safe(rigConfig.name()) + "-"
                + safe(dutDescription.file().getFileName().toString().replaceFirst("\\.ya?ml$", ""));
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
        Optional<RefdevImage> image = Optional.ofNullable(System.getProperty(IMAGE_PROPERTY)).map(p -> RefdevImage.at(Path.of(p)));
        if (NetworkNamespace.entered()) {
            out.println("running in a private network namespace; DUT at " + rigConfig.network().dutAddress().getHostAddress());
        }
        HarnessRun run = new HarnessRun(rigConfig, dutDescription, runDir, image);
        long fuzzSeed = seed != null ? seed : new java.security.SecureRandom().nextLong();
        run.fuzzing(fuzzSeed, fuzzBudget == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(fuzzBudget));
        out.println("fuzz seed " + fuzzSeed + " (replay with --seed " + fuzzSeed + "), " + run.fuzzBudget().inputsPerTarget()
                + " inputs per target");
        HarnessRun.begin(run);
        Ledger.reset();
        ProgressPlugin.printTo(out);
        System.setProperty("allure.results.directory", results.toString());
        System.setProperty("cucumber.publish.quiet", "true");
        long start = System.nanoTime();
        try {
            for (String phase : RunPhases.of(tags)) {
                List<String> args = List.of("--glue", "org.hil303.steps.glue",
                        "--plugin", ProgressPlugin.class.getName(),
                        "--plugin", "io.qameta.allure.cucumber7jvm.AllureCucumber7Jvm",
                        "--monochrome", "--no-summary", "--tags", phase, features.toString());
                io.cucumber.core.cli.Main.run(args.toArray(new String[0]), Thread.currentThread().getContextClassLoader());
            }
        } finally {
            run.close();
        }
        List<TestCaseResult> verdicts = Ledger.results();
        Map<String, String> env = environment(home, run, rigConfig, dutDescription);
        try {
            RunReport.writeAllureMetadata(results, env);
        } catch (IOException e) {
            System.err.println("warning: cannot write the Allure environment: " + e.getMessage());
        }
        AllureHistory history = new AllureHistory(runs, safe(rigConfig.name()), safe(dutName(dutDescription)));
        history.restoreInto(results);
        String htmlProblem = RunReport.generateHtml(Home.allure(home), results, runDir.resolve("allure-report"));
        history.keepFrom(runDir.resolve("allure-report"));
        List<Path> images = image.map(i -> List.of(i.kernel(), i.initrd())).orElse(List.of());
        RunEvidence.Written evidence = null;
        try {
            evidence = RunEvidence.finish(new RunEvidence.Run(id, runDir, rigConfig.file(), dutDescription, Optional.ofNullable(tags), images,
                    automatedProvisions(features)),
                    verdicts, statements, env, LabKeys.dir());
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(RunCommand.class).debug("writing the evidence failed", e);
            System.err.println("warning: cannot write the summaries and the evidence bundle: " + e);
        }
        Map<Verdict, Integer> counts = RunReport.counts(verdicts);
        out.println();
        out.printf("%d test cases in %s: %d PASS, %d FAIL, %d INCONCLUSIVE, %d NOT_APPLICABLE%n", verdicts.size(),
                Durations.human(java.time.Duration.ofNanos(System.nanoTime() - start)), counts.get(Verdict.PASS), counts.get(Verdict.FAIL),
                counts.get(Verdict.INCONCLUSIVE), counts.get(Verdict.NOT_APPLICABLE));
        if (evidence != null) {
            var coverage = evidence.summary().coverageCounts();
            out.printf("%d provisions: %d automated, %d by assessor statement only, %d not applicable by the ICS, %d still open%n",
                    evidence.summary().rows().size(), coverage.get(Coverage.AUTOMATED) + coverage.get(Coverage.AUTOMATED_AND_ASSESSOR),
                    coverage.get(Coverage.ASSESSOR), coverage.get(Coverage.NOT_APPLICABLE), coverage.get(Coverage.OPEN));
            out.println("summary: " + display(home, runDir.resolve("summary.html")) + " (also .md, .json)");
            out.println("bundle:  " + display(home, evidence.bundle()) + evidence.signer().map(s -> ", signed by " + s)
                    .orElse(", unsigned: create the lab key with `hil303 keys init`, then `hil303 keys sign " + display(home, evidence.bundle()) + "`"));
        }
        if (htmlProblem == null) {
            out.println("report:  " + display(home, runs.resolve("latest/allure-report/index.html")));
        } else {
            out.println("report:  not generated: " + htmlProblem);
        }
        if (verdicts.isEmpty()) {
            return usageError("no test case matched" + (tags == null ? "" : " --tags '" + tags + "'"));
        }
        if (counts.get(Verdict.FAIL) > 0) {
            return Main.FAIL;
        }
        return counts.get(Verdict.INCONCLUSIVE) > 0 ? Main.INCONCLUSIVE : Main.OK;
    }

    private static Map<String, String> environment(Path home, HarnessRun run, RigConfig rigConfig, DutFile dut) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("harness.version", Version.get());
        env.put("harness.commit", ToolVersions.harnessCommit(home));
        env.put("run.finished", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).toString());
        env.put("rig.file", rigConfig.file().toString());
        env.put("dut", dut.name());
        env.put("dut.file", dut.file().toString());
        env.put("dut.model", dut.model());
        env.put("dut.firmware", dut.firmware());
        env.put("fuzz.seed", Long.toString(run.fuzzSeed()));
        env.put("fuzz.inputs-per-target", Integer.toString(run.fuzzBudget().inputsPerTarget()));
        run.openedRig().ifPresent(r -> env.putAll(r.environment()));
        env.putIfAbsent("rig", rigConfig.name());
        env.put("java", System.getProperty("java.version"));
        env.putAll(ToolVersions.of(rigConfig, Home.allure(home)));
        return env;
    }

    private static Path cacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("hil303");
    }

    private static String display(Path home, Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        return p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString();
    }

    /** The provisions with a feature file, by its name (5.6-4-debug-interfaces.feature). */
    private static java.util.Set<String> automatedProvisions(Path features) {
        try (var files = Files.list(features)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".feature"))
                    .map(n -> n.replaceFirst("^((?:4|5\\.\\d{1,2}|6)-\\d{1,2})-.*", "$1")).collect(java.util.stream.Collectors.toSet());
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

package org.hil303.steps.glue;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hil303.fixtures.dut.IxitIncomplete;
import org.hil303.fixtures.dut.LoginSurfaceSpec;
import org.hil303.fixtures.dut.SurfaceKind;
import org.hil303.fixtures.fuzz.ConsoleCliTarget;
import org.hil303.fixtures.fuzz.CrashWatch;
import org.hil303.fixtures.fuzz.FuzzReport;
import org.hil303.fixtures.fuzz.FuzzTarget;
import org.hil303.fixtures.fuzz.Fuzzer;
import org.hil303.fixtures.fuzz.HttpApiTarget;
import org.hil303.fixtures.fuzz.Printable;
import org.hil303.fixtures.fuzz.SshTransportTarget;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.base.Timeout;
import org.hil303.rigs.console.Console;
import org.hil303.rigs.console.ConsoleEvent;
import org.hil303.rigs.console.ConsoleLogin;
import org.hil303.rigs.console.ReportText;
import org.hil303.steps.report.NonConformity;
import org.hil303.steps.run.ApiAccounts;

/** 5.13-1: malformed input to what the DUT exposes, judged by its console and by liveness probes. */
public final class FuzzSteps {
    private static final Timeout ANSWER = Timeout.of("fuzz answer", Duration.ofSeconds(3));
    private static final Timeout RECOVERY = Timeout.of("fuzz recovery", Duration.ofSeconds(30));
    private static final int SHRINK_ATTEMPTS = 14;
    /** Crash reports of user-space supervisors, beside the kernel's own (ConsoleEvent). */
    private static final Pattern SERVICE_CRASH = Pattern.compile("(?i)killed by signal|segmentation fault|core dumped|watchdog: .*(died|restart)");

    private final DutWorld world;
    private final List<FuzzReport> reports = new ArrayList<>();

    public FuzzSteps(DutWorld world) {
        this.world = world;
    }

    @When("the local API, the console command line and the SSH transport are fed seeded malformed input, a batch at a time")
    public void fuzz() {
        var run = world.run();
        List<FuzzTarget> targets = new ArrayList<>();
        run.dut().localApi().ifPresent(api -> {
            Map<String, String> passwords = ApiAccounts.passwords(api, world.rig().label());
            targets.add(new HttpApiTarget(world.rig().network(), api, e -> ApiAccounts.basicAuth(e, passwords), ANSWER));
        });
        ConsoleCliTarget console = run.dut().surface(SurfaceKind.CONSOLE).map(this::consoleTarget).orElse(null);
        if (console != null) {
            targets.add(console);
        }
        run.dut().surface(SurfaceKind.SSH).map(LoginSurfaceSpec::port).filter(java.util.OptionalInt::isPresent)
                .ifPresent(port -> targets.add(new SshTransportTarget(world.rig().network(), port.getAsInt(), ANSWER)));
        if (targets.isEmpty()) {
            throw new IxitIncomplete("the IXIT declares neither a local API nor an SSH login surface: nothing to fuzz");
        }
        Fuzzer fuzzer = new Fuzzer(run.fuzzSeed(), run.fuzzBudget(), consoleWatch(world.rig().console()), RECOVERY, SHRINK_ATTEMPTS);
        for (FuzzTarget t : targets) {
            world.progress("fuzzing " + t.name() + ": " + run.fuzzBudget().inputsPerTarget() + " inputs, seed " + run.fuzzSeed());
            FuzzReport r;
            long start = System.nanoTime();
            try {
                r = fuzzer.run(t);
            } finally {
                if (t == console) {
                    console.logout();
                }
            }
            reports.add(r);
            String took = org.hil303.rigs.base.Durations.human(Duration.ofNanos(System.nanoTime() - start));
            world.progress(t.name() + ": " + r.sent() + " inputs in " + took + (r.failure().isPresent() ? ", failed" : ", alive throughout"));
            world.evidence("fuzz " + t.name(), "took " + took + "\n" + evidence(t, r));
            r.failure().ifPresent(f -> keep(t, r, f));
        }
    }

    @Then("no target crashed, rebooted or hung, and each answered its liveness probe after every batch")
    public void survived() {
        List<String> failures = reports.stream().filter(r -> r.failure().isPresent()).map(r -> r.summary() + "; replay: " + replay()).toList();
        NonConformity.require(failures.isEmpty(), ReportText.oneLine(String.join(" || ", failures), 3000));
        List<String> unreachable = reports.stream().filter(r -> !r.reachable()).map(FuzzReport::summary).toList();
        if (!unreachable.isEmpty()) {
            throw new RigFault(String.join("; ", unreachable));
        }
    }

    /** The console's shell, reached by logging in with the credential the lab holds now (5.1-4 may have changed it). */
    private ConsoleCliTarget consoleTarget(LoginSurfaceSpec spec) {
        Console console = world.rig().console();
        ConsoleLogin login = new ConsoleLogin(console, spec.prompts(), world.run().dut().timeouts().login());
        String password = world.run().accounts().password(spec.user()).orElse("");
        return new ConsoleCliTarget(console, login, spec.prompts().shell(), () -> login.attempt(spec.user(), password, true), ANSWER);
    }

    private static CrashWatch consoleWatch(Console console) {
        return new CrashWatch() {
            @Override
            public long mark() {
                return console.mark();
            }

            @Override
            public List<String> since(long mark) {
                List<String> lines = new ArrayList<>(console.eventsSince(mark).stream().map(ConsoleEvent::line).toList());
                console.textSince(mark).lines().filter(l -> SERVICE_CRASH.matcher(l).find()).forEach(lines::add);
                return lines.stream().map(l -> ReportText.oneLine(l, 200)).distinct().toList();
            }
        };
    }

    private String replay() {
        var run = world.run();
        return "hil303 run --dut " + run.dut().file() + " --tags '@testcase=" + world.testCase() + "' --seed " + run.fuzzSeed()
                + " --fuzz-budget " + run.fuzzBudget().inputsPerTarget();
    }

    private String evidence(FuzzTarget t, FuzzReport r) {
        StringBuilder b = new StringBuilder(r.summary()).append("\nseed ").append(r.seed()).append("\n\n");
        r.log().forEach(l -> b.append(l).append('\n'));
        r.failure().ifPresent(f -> b.append("\nfirst failing input: ").append(f.first().describe())
                .append("\nsmallest failing input (").append(f.shrinkAttempts()).append(" shrink attempts): ").append(f.smallest().describe())
                .append("\n").append(Printable.hexDump(t.forEvidence(f.smallest())))
                .append("\nrecovered afterwards: ").append(f.recovered() ? "yes" : "no")
                .append("\nreplay: ").append(replay()).append('\n'));
        return b.toString();
    }

    /** The smallest failing input as a file in the run folder, byte for byte, for the manufacturer to reproduce with. */
    private void keep(FuzzTarget t, FuzzReport r, FuzzReport.Failure f) {
        Path dir = world.run().runDir().resolve("fuzz");
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(r.target().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "") + "-smallest.bin");
            byte[] shown = t.forEvidence(f.smallest());
            Files.write(file, shown);
            world.evidence("smallest failing input (" + r.target() + ")", "written to " + file + "\n" + Printable.hexDump(shown));
        } catch (IOException e) {
            world.evidence("smallest failing input (" + r.target() + ")", "could not be written: " + e.getMessage());
        }
    }
}

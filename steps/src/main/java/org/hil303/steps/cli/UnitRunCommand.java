package org.hil303.steps.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.hil303.fixtures.dut.DutFile;
import org.hil303.fixtures.units.UnitFacts;
import org.hil303.rigs.RigConfig;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.config.ConfigException;
import org.hil303.rigs.virtual.NetworkNamespace;
import org.hil303.rigs.virtual.RefdevImage;
import org.hil303.steps.farm.GroupDurations;
import org.hil303.steps.farm.HarnessHeap;
import org.hil303.steps.farm.UnitPart;
import org.hil303.steps.report.Ledger;
import org.hil303.steps.report.ProgressPlugin;
import org.hil303.steps.report.TestCaseResult;
import org.hil303.steps.run.FaultInjector;
import org.hil303.steps.run.HarnessRun;
import org.hil303.steps.run.UnitSurvey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * One rig's share of a run, started by {@code hil303 run} (on the virtual rig inside that rig's own
 * network namespace): runs the test groups it was given on its unit and leaves its results in its
 * part folder. Not for users: `hil303 run` plans, starts and merges these.
 */
@Command(name = "unit-run", hidden = true, description = "one rig's share of a run (started by hil303 run)")
final class UnitRunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(UnitRunCommand.class);

    @Option(names = "--rig", required = true) Path rig;
    @Option(names = "--rig-id", required = true) String rigId;
    @Option(names = "--dut", required = true) Path dut;
    @Option(names = "--tags", required = true) String tags;
    @Option(names = "--part", required = true) Path part;
    @Option(names = "--results", required = true) Path results;
    @Option(names = "--seed", required = true) long seed;
    @Option(names = "--fuzz-budget") Integer fuzzBudget;
    @Option(names = "--survey", description = "at the end, collect what the cross-unit test cases need of the unit") boolean survey;
    @Option(names = "--inject-faults") Long injectFaults;

    @Override
    public Integer call() {
        Path home = RunCommand.Home.dir();
        RigConfig rigConfig;
        DutFile dutDescription;
        try {
            rigConfig = RigConfig.read(rig);
            dutDescription = DutFile.read(dut);
        } catch (ConfigException e) {
            System.err.println("error: " + e.getMessage());
            return Main.USAGE;
        }
        if (rigConfig.kind() == RigConfig.Kind.VIRTUAL && !NetworkNamespace.entered()) {
            System.err.println("error: a virtual rig's share of a run runs inside its own network namespace; start it with `hil303 run`");
            return Main.USAGE;
        }
        Optional<RefdevImage> image = Optional.ofNullable(System.getProperty(RunCommand.IMAGE_PROPERTY)).map(p -> RefdevImage.at(Path.of(p)));
        HarnessRun run = new HarnessRun(rigConfig, dutDescription, part, image);
        run.rigId(rigId);
        run.fuzzing(seed, fuzzBudget == null ? OptionalInt.empty() : OptionalInt.of(fuzzBudget));
        if (injectFaults != null) {
            GroupDurations typical = GroupDurations.typical();
            run.injectFaults(new FaultInjector(injectFaults, run, part.resolve(FaultInjector.LOG_FILE)),
                    provision -> typical.expected(provision, 1).toMillis());
        }
        HarnessRun.begin(run);
        Ledger.reset();
        Ledger.onChange(results -> keep(run, results, false));
        ProgressPlugin.printTo(System.out);
        System.setProperty("allure.results.directory", results.toString());
        System.setProperty("cucumber.publish.quiet", "true");
        try {
            for (String phase : RunPhases.of(tags)) {
                List<String> args = List.of("--glue", "org.hil303.steps.glue",
                        "--plugin", ProgressPlugin.class.getName(),
                        "--plugin", "io.qameta.allure.cucumber7jvm.AllureCucumber7Jvm",
                        "--monochrome", "--no-summary", "--tags", phase, home.resolve("features").toString());
                io.cucumber.core.cli.Main.run(args.toArray(new String[0]), Thread.currentThread().getContextClassLoader());
            }
            if (survey) {
                survey(run);
            }
        } finally {
            run.close();
        }
        return keep(run, Ledger.results(), true) ? Main.OK : Main.INCONCLUSIVE;
    }

    /** The unit's facts for the cross-unit test cases, kept in its part folder; a rig that cannot give them leaves a gap, not a failure. */
    private void survey(HarnessRun run) {
        System.out.println("  collecting what the cross-unit test cases (5.1-2, 5.4-3, 5.4-4) need of this unit");
        UnitFacts facts;
        try {
            facts = UnitSurvey.collect(run, ProgressPlugin::note);
        } catch (RigFault e) {
            String why = "the rig could not be opened: " + e.getMessage();
            facts = new UnitFacts(rigId, run.unitSerial().orElse(""), "", "none", Map.of(), List.of(), List.of(why), List.of(), why);
        }
        try {
            facts.write(part);
        } catch (IOException e) {
            LOG.error("cannot write the unit's facts into {}: {}", part, e.toString());
            return;
        }
        ProgressPlugin.note("unit " + facts.serial() + ": " + facts.identities().size() + " identities"
                + (facts.identityGaps().isEmpty() ? "" : " (not read: " + String.join("; ", facts.identityGaps()) + ")") + ", "
                + (facts.storageRead() ? facts.storage().size() + " private keys or password hashes in its raw storage" : facts.storageGap()));
    }

    /** Writes the part as it stands; false when it cannot be written (the run then counts these test cases as not run). */
    private boolean keep(HarnessRun run, List<TestCaseResult> results, boolean finished) {
        Map<String, String> env = new LinkedHashMap<>();
        run.openedRig().ifPresent(r -> env.putAll(r.environment()));
        env.putIfAbsent("rig", run.rigConfig().name());
        env.put("fuzz.inputs-per-target", Integer.toString(run.fuzzBudget().inputsPerTarget()));
        env.put(HarnessHeap.ENVIRONMENT_KEY, HarnessHeap.describe());
        String unit = run.unitSerial().orElse("");
        try {
            new UnitPart(rigId, unit, env, results.stream().map(r -> r.on(rigId, unit)).toList(), finished).write(part);
            return true;
        } catch (IOException e) {
            LOG.error("cannot write rig {}'s results into {}: {}", rigId, part, e.toString());
            return false;
        }
    }
}

package org.hil303.steps.farm;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hil303.fixtures.units.UnitFacts;
import org.hil303.steps.report.Ledger;
import org.hil303.steps.report.ProgressPlugin;
import org.hil303.steps.report.TestCaseResult;
import org.hil303.steps.run.CrossUnitRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cross-unit test cases (5.1-2, 5.4-3, 5.4-4), run by the run itself once every rig is done: the
 * same Cucumber, Allure and progress lines as the rigs' scenarios, over the facts the units left.
 */
public final class CrossUnitPhase {
    private static final Logger LOG = LoggerFactory.getLogger(CrossUnitPhase.class);

    private CrossUnitPhase() {}

    /** The facts each rig's unit left in its part folder; a rig that left none is simply not among them. */
    public static List<UnitFacts> factsOf(List<FarmRun.Assignment> plan) {
        List<UnitFacts> out = new ArrayList<>();
        for (FarmRun.Assignment a : plan) {
            Path f = a.part().resolve(UnitFacts.FILE);
            if (Files.isRegularFile(f)) {
                try {
                    out.add(UnitFacts.read(f));
                } catch (IOException e) {
                    LOG.warn("rig {}: its unit's facts are unreadable: {}", a.rig().id(), e.getMessage());
                }
            }
        }
        return out;
    }

    public static List<TestCaseResult> run(CrossUnitRun judged, Path features, String userTags, Path allureResults, PrintStream out) {
        CrossUnitRun.begin(judged);
        Ledger.reset();
        ProgressPlugin.printTo(out);
        System.setProperty("allure.results.directory", allureResults.toString());
        System.setProperty("cucumber.publish.quiet", "true");
        String tags = (userTags == null ? "" : "(" + userTags + ") and ") + Suite.CROSS_UNIT;
        List<String> args = List.of("--glue", "org.hil303.steps.units",
                "--plugin", ProgressPlugin.class.getName(),
                "--plugin", "io.qameta.allure.cucumber7jvm.AllureCucumber7Jvm",
                "--monochrome", "--no-summary", "--tags", tags, features.toString());
        io.cucumber.core.cli.Main.run(args.toArray(new String[0]), Thread.currentThread().getContextClassLoader());
        return Ledger.results();
    }
}

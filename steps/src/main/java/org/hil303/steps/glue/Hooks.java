package org.hil303.steps.glue;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import java.util.Optional;
import org.hil303.fixtures.dut.IcsEntry;
import org.hil303.fixtures.dut.Support;
import org.hil303.steps.report.RigBroke;
import org.hil303.steps.report.ScenarioTags;
import org.hil303.steps.report.VerdictGate;
import org.opentest4j.TestAbortedException;

/** Notes the scenario's provision and test case, applies the ICS, and attaches the console slice. */
public final class Hooks {
    private final DutWorld world;

    public Hooks(DutWorld world) {
        this.world = world;
    }

    @Before(order = 0)
    public void begin(Scenario scenario) {
        VerdictGate.scenarioStarted();
        world.begin(ScenarioTags.provision(scenario.getSourceTagNames()).orElse(""),
                ScenarioTags.testCase(scenario.getSourceTagNames()).orElse(""));
        world.run().injector().ifPresent(i -> i.arm(world.testCase(), scenario.getName(), world.run().expectedScenario(world.provision())));
    }

    @Before(order = 1)
    public void applyIcs(Scenario scenario) {
        IcsEntry entry = world.run().dut().icsFor(world.provision()).orElse(null);
        if (entry != null && entry.support() == Support.N_A) {
            throw new TestAbortedException("not applicable according to the ICS: " + entry.detail());
        }
    }

    @After(order = 10000)
    public void attachConsole(Scenario scenario) {
        world.attachConsoleSlice();
    }

    /**
     * A scenario that passed while the rig broke proves nothing: INCONCLUSIVE, naming what broke. (A finding
     * made while the rig was broken never became a FAIL: {@link org.hil303.steps.report.NonConformity#of}
     * asked the same gate.) Every fault, injected or not, goes into the scenario's evidence.
     */
    @After(order = 9000)
    public void withholdTheVerdictIfTheRigBroke(Scenario scenario) {
        world.run().injector().flatMap(i -> i.disarm()).ifPresent(line -> world.evidence("rig fault injection", line));
        Optional<String> broke = VerdictGate.rigBroke();
        broke.ifPresent(f -> world.evidence("rig faults during the scenario", f));
        if (broke.isPresent() && !scenario.isFailed()) {
            throw new RigBroke(broke.get(), "");
        }
    }
}

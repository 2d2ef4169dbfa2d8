package org.hil303.steps.glue;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import org.hil303.fixtures.dut.IcsEntry;
import org.hil303.fixtures.dut.Support;
import org.hil303.steps.report.ScenarioTags;
import org.opentest4j.TestAbortedException;

/** Notes the scenario's provision and test case, applies the ICS, and attaches the console slice. */
public final class Hooks {
    private final DutWorld world;

    public Hooks(DutWorld world) {
        this.world = world;
    }

    @Before(order = 0)
    public void begin(Scenario scenario) {
        world.begin(ScenarioTags.provision(scenario.getSourceTagNames()).orElse(""),
                ScenarioTags.testCase(scenario.getSourceTagNames()).orElse(""));
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
}

package org.hil303.steps.units;

import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import org.hil303.fixtures.dut.IcsEntry;
import org.hil303.fixtures.dut.Support;
import org.hil303.steps.report.ScenarioTags;
import org.opentest4j.TestAbortedException;

/** Notes the cross-unit scenario's provision and applies the ICS, as the per-unit hooks do. */
public final class UnitsHooks {
    private final UnitsWorld world;

    public UnitsHooks(UnitsWorld world) {
        this.world = world;
    }

    @Before(order = 0)
    public void begin(Scenario scenario) {
        world.begin(ScenarioTags.provision(scenario.getSourceTagNames()).orElse(""));
        IcsEntry entry = world.run().dut().icsFor(world.provision()).orElse(null);
        if (entry != null && entry.support() == Support.N_A) {
            throw new TestAbortedException("not applicable according to the ICS: " + entry.detail());
        }
    }
}

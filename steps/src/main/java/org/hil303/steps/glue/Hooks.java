package org.hil303.steps.glue;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.qameta.allure.Allure;
import org.hil303.fixtures.dut.IcsEntry;
import org.hil303.fixtures.dut.Support;
import org.hil303.steps.report.ScenarioTags;
import org.hil303.steps.run.Provisions;
import org.opentest4j.TestAbortedException;

/** Labels every result with its provision and test case, applies the ICS, and attaches the console slice. */
public final class Hooks {
    private final DutWorld world;

    public Hooks(DutWorld world) {
        this.world = world;
    }

    @Before(order = 0)
    public void label(Scenario scenario) {
        String provision = ScenarioTags.provision(scenario.getSourceTagNames()).orElse("");
        String testCase = ScenarioTags.testCase(scenario.getSourceTagNames()).orElse("");
        world.begin(provision, testCase);
        Allure.label("provision", provision);
        Allure.label("testCase", testCase);
        Provisions.find(provision).ifPresent(p -> {
            Allure.epic(p.section());
            Allure.feature(p.id() + " " + p.title());
            Allure.label("severity", p.status().startsWith("M") ? "critical" : "normal");
        });
    }

    @Before(order = 1)
    public void applyIcs(Scenario scenario) {
        IcsEntry entry = world.run().dut().icsFor(world.provision()).orElse(null);
        if (entry != null && entry.support() == Support.N_A) {
            throw new TestAbortedException("not applicable according to the ICS: " + entry.detail());
        }
    }

    @After
    public void attachConsole(Scenario scenario) {
        world.attachConsoleSlice();
    }
}

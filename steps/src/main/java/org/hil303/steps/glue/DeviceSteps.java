package org.hil303.steps.glue;

import io.cucumber.java.en.Given;
import org.hil303.rigs.boot.BootStrategy;

/** Bringing the DUT to the state a scenario starts from. */
public final class DeviceSteps {
    private final DutWorld world;

    public DeviceSteps(DutWorld world) {
        this.world = world;
    }

    @Given("the DUT is running with its network up")
    public void running() {
        world.boot().ensure(BootStrategy.State.NETWORK_UP);
        world.boot().lastBootTime().ifPresent(t -> world.evidence("boot time", "booted to ready in " + t.toMillis() + " ms"));
    }
}

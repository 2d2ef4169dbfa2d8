package org.hil303.steps.glue;

import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import java.util.Optional;
import org.hil303.fixtures.cloud.FakeCloud;
import org.hil303.fixtures.dut.CloudSpec;
import org.hil303.fixtures.dut.OutageSpec;
import org.hil303.fixtures.resilience.EventDelivery;
import org.hil303.fixtures.resilience.UplinkOutage;
import org.hil303.rigs.RigFault;
import org.hil303.rigs.Timeout;
import org.hil303.rigs.network.Uplink;
import org.hil303.steps.report.NonConformity;

/** 5.9-2: the uplink is cut while the device runs; its local API must keep working and its events must arrive later. */
public final class OutageSteps {
    private final DutWorld world;
    private Uplink uplink;
    private UplinkOutage outage;

    public OutageSteps(DutWorld world) {
        this.world = world;
    }

    @Given("the fake cloud receives the DUT's numbered events")
    public void receivesEvents() throws InterruptedException {
        outage = new UplinkOutage(world.run().cloud(), new EventDelivery(spec().eventPath()), spec(), world.run().dut().localApi()
                .orElseThrow(() -> new RigFault("the IXIT (28-ExtAPI) declares no local API to use during the outage")),
                world.rig().network(), world.run().dut().timeouts().command());
        CloudSpec cloud = world.run().dut().cloud().orElseThrow();
        outage.awaitFirstEvent(Timeout.of("ixit.cloud.contact-within x2", cloud.contactWithin().multipliedBy(2)));
    }

    @When("the rig cuts the DUT's uplink for the outage the IXIT declares")
    public void cutUplink() throws InterruptedException {
        uplink = world.rig().uplink().orElseThrow(() -> new RigFault("the rig file declares no way to cut the DUT's uplink "
                + "(a relay or a managed switch port on it): the outage cannot be staged"));
        world.progress("cutting the uplink for " + spec().outage().toSeconds() + " s: " + uplink.describe());
        outage.run(uplink);
        world.evidence("outage", outage.describe());
    }

    @Then("the DUT's local API answered throughout the outage")
    public void localApiAnswered() {
        List<String> failures = outage.localApiFailures();
        NonConformity.require(failures.isEmpty(), "the local API did not answer while the uplink was down: " + String.join("; ", failures));
    }

    @Then("after the uplink returns every event the DUT numbered reaches the fake cloud")
    public void everyEventDelivered() throws InterruptedException {
        Optional<String> missing = outage.awaitDelivery(Timeout.of("ixit.outage.deliver-within", spec().deliverWithin()));
        world.evidence("events after the outage", outage.describe());
        missing.ifPresent(why -> {
            throw new NonConformity(why);
        });
    }

    @After("@provision=5.9-2")
    public void restoreUplink() {
        if (uplink != null) {
            uplink.restore();
        }
    }

    private OutageSpec spec() {
        return world.run().dut().outage().orElseThrow(() -> new RigFault(
                "the IXIT (23-ResMech) has no 'outage' section naming the event path, the outage and deliver-within"));
    }
}

package org.hil303.steps.glue;

import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hil303.fixtures.capture.PacketCapture;
import org.hil303.fixtures.dut.CloudSpec;
import org.hil303.fixtures.dut.IxitIncomplete;
import org.hil303.fixtures.dut.OutageSpec;
import org.hil303.fixtures.resilience.ConnectionAttempts;
import org.hil303.fixtures.resilience.EventDelivery;
import org.hil303.fixtures.resilience.ReconnectLimit;
import org.hil303.fixtures.resilience.UplinkOutage;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.base.Timeout;
import org.hil303.rigs.network.Uplink;
import org.hil303.steps.report.NonConformity;

/**
 * 5.9-2 and 5.9-3: the uplink is cut while the device runs; its local API must keep working, its
 * events must arrive later, and during a long outage it must not hammer its cloud.
 */
public final class OutageSteps {
    private final DutWorld world;
    private Uplink uplink;
    private UplinkOutage outage;
    private List<Instant> attempts = List.of();

    public OutageSteps(DutWorld world) {
        this.world = world;
    }

    @Given("the fake cloud receives the DUT's numbered events")
    public void receivesEvents() throws InterruptedException {
        outage = new UplinkOutage(world.run().cloud(), new EventDelivery(spec().eventPath()), spec(), world.run().dut().localApi()
                .orElseThrow(() -> new IxitIncomplete("the IXIT (28-ExtAPI) declares no local API to use during the outage")),
                world.rig().network(), world.run().dut().timeouts().command());
        CloudSpec cloud = world.run().dut().cloud().orElseThrow();
        outage.awaitFirstEvent(Timeout.of("ixit.cloud.contact-within x2", cloud.contactWithin().multipliedBy(2)));
    }

    @When("the rig cuts the DUT's uplink for the outage the IXIT declares")
    public void cutUplink() throws InterruptedException {
        uplink = world.rig().uplink().orElseThrow(() -> new RigFault("the rig file declares no way to cut the DUT's uplink "
                + "('uplink': nft rules on the DUT's link, or an interface that carries only the uplink): the outage cannot be staged"));
        world.progress("cutting the uplink for " + spec().outage().toSeconds() + " s: " + uplink.describe());
        outage.run(uplink, spec().outage());
        world.evidence("outage", outage.describe());
    }

    @When("the rig cuts the DUT's uplink for the long outage the IXIT declares and captures the DUT's link meanwhile")
    public void cutUplinkLong() throws InterruptedException {
        OutageSpec.Reconnect reconnect = reconnect();
        uplink = world.rig().uplink().orElseThrow(() -> new RigFault("the rig file declares no way to cut the DUT's uplink "
                + "('uplink': nft rules on the DUT's link, or an interface that carries only the uplink): the outage cannot be staged"));
        String iface = world.run().rigConfig().virtual().map(v -> v.tap()).or(() -> world.run().rigConfig().network().iface())
                .orElseThrow(() -> new RigFault("the rig file names no interface of the DUT's link to capture on (network.interface)"));
        Path pcap = world.run().runDir().resolve("captures").resolve(world.testCase() + ".pcap");
        world.progress("cutting the uplink for " + reconnect.outage().toSeconds() + " s and counting the DUT's connection attempts: "
                + uplink.describe());
        try (PacketCapture capture = PacketCapture.start(iface, pcap)) {
            outage.run(uplink, reconnect.outage());
            capture.stop();
        }
        CloudSpec cloud = world.run().dut().cloud().orElseThrow();
        try {
            attempts = ConnectionAttempts.read(pcap, world.rig().network().dutAddress().getHostAddress(), cloud.port()).stream()
                    .filter(a -> !a.isBefore(outage.cutAt()) && !a.isAfter(outage.cutAt().plus(reconnect.outage()))).toList();
        } catch (IOException e) {
            throw new RigFault("cannot read the capture " + pcap + ": " + e.getMessage(), e);
        }
        world.evidence("connection attempts during the outage", attempts.size() + " attempt(s) to port " + cloud.port() + " at "
                + ReconnectLimit.offsets(outage.cutAt(), attempts) + " into the outage\n\n" + outage.describe());
    }

    @Then("the DUT's connection attempts keep to the IXIT's limit once the outage has lasted its settling time")
    public void attemptsWithinLimit() {
        OutageSpec.Reconnect reconnect = reconnect();
        if (attempts.isEmpty()) {
            throw new RigFault("the capture holds no connection attempt of the DUT during the outage: its reconnection could not be observed");
        }
        Optional<String> finding = new ReconnectLimit(reconnect.settle(), reconnect.maxPerMinute()).judge(outage.cutAt(), attempts);
        finding.ifPresent(why -> {
            throw NonConformity.of(why);
        });
    }

    @Then("after the uplink returns the DUT reaches the fake cloud again")
    public void reachesCloudAgain() throws InterruptedException {
        Duration within = reconnect().returnWithin();
        boolean back = outage.awaitReturn(Timeout.of("ixit.outage.reconnect.return-within", within));
        NonConformity.require(back, "the DUT did not reach its cloud again within " + within.toSeconds()
                + " s after the uplink returned");
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
            throw NonConformity.of(why);
        });
    }

    @After("@provision=5.9-2 or @provision=5.9-3")
    public void restoreUplink() {
        if (uplink != null) {
            uplink.restore();
        }
    }

    private OutageSpec.Reconnect reconnect() {
        return spec().reconnect().orElseThrow(() -> new RigFault(
                "the IXIT's 'outage' section has no 'reconnect' part with the long outage, its settling time and the attempts allowed per minute"));
    }

    private OutageSpec spec() {
        return world.run().dut().outage().orElseThrow(() -> new RigFault(
                "the IXIT (23-ResMech) has no 'outage' section naming the event path, the outage and deliver-within"));
    }
}

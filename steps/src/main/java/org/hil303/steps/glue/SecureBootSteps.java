package org.hil303.steps.glue;

import io.cucumber.java.After;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hil303.fixtures.cloud.CloudRequest;
import org.hil303.fixtures.cloud.FakeCloud;
import org.hil303.fixtures.dut.CloudRequestSpec;
import org.hil303.fixtures.dut.CloudSpec;
import org.hil303.fixtures.dut.SecureBootSpec;
import org.hil303.fixtures.lifecycle.ConsoleShell;
import org.hil303.fixtures.lifecycle.ProgramTamper;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.base.Timeout;
import org.hil303.rigs.boot.DutNotReady;
import org.hil303.rigs.console.ConsoleMatch;
import org.hil303.rigs.console.ReportText;
import org.hil303.rigs.storage.RawStorage;
import org.hil303.steps.report.NonConformity;

/** 5.7-1 and 5.7-2: software altered in storage is not run, and the device says so. */
public final class SecureBootSteps {
    private final DutWorld world;
    private ProgramTamper tamper;
    private RawStorage storage;
    private long switchedOnAt = -1;
    private Instant poweredOnAt;
    private Optional<String> notReady = Optional.empty();

    public SecureBootSteps(DutWorld world) {
        this.world = world;
    }

    @When("one byte of the installed program the IXIT names is altered in the DUT's storage while it is off")
    public void alterProgram() {
        SecureBootSpec spec = spec();
        storage = LifecycleShell.storage(world, spec.alterWith());
        try (ConsoleShell shell = LifecycleShell.open(world)) {
            tamper = ProgramTamper.of(shell, spec.program());
        }
        LifecycleShell.prepare(world, storage); // off for a reader beside the DUT; its console alters it running, and it is switched on anew
        List<ProgramTamper.Change> changes = tamper.alter(storage);
        world.evidence("altered in storage", tamper.describe(changes) + " in " + storage.describe());
    }

    @When("the DUT is switched on")
    public void switchOn() {
        switchedOnAt = world.boot().powerCycle();
        poweredOnAt = Instant.now(); // after the off-time: nothing the previous boot sent can still be arriving
        try {
            world.boot().awaitReady();
        } catch (DutNotReady e) {
            notReady = Optional.of(e.getMessage()); // refusing to boot altered software at all is a valid answer
        }
    }

    @Then("the DUT does not run the altered program")
    public void notRun() {
        String program = spec().program();
        if (notReady.isPresent()) {
            world.evidence("boot with the altered program", "the DUT did not become ready: " + notReady.get());
            return;
        }
        String running;
        try (ConsoleShell shell = LifecycleShell.open(world)) {
            running = shell.run("ps -o args | grep -F -- '" + program + "' | grep -v grep").text().strip();
        }
        world.evidence("processes running " + program, running.isEmpty() ? "none" : running);
        NonConformity.require(running.isEmpty(), "the DUT runs " + program + " although one byte of it was altered: "
                + ReportText.oneLine(running, 300));
    }

    @Then("the DUT raises the alert the IXIT describes")
    public void alertRaised() {
        SecureBootSpec spec = spec();
        Optional<ConsoleMatch> alert = world.rig().console().find(spec.alert(), switchedOnAt);
        world.evidence("alert after the altered boot", alert.map(ConsoleMatch::text).orElse("none matching '" + spec.alert().pattern() + "'"));
        NonConformity.require(alert.isPresent(), "no alert on the console after booting with " + spec.program()
                + " altered (the IXIT's alert: '" + spec.alert().pattern() + "')");
    }

    /**
     * 5.7-2's second half: after tampering the device connects no further than alerting needs. Its
     * cloud service, which the rig plays, may see the alert the IXIT declares and nothing else for
     * twice the longest the device otherwise leaves between two contacts.
     */
    @Then("the DUT contacts its cloud service only to send that alert")
    public void cloudOnlyAlerted() throws InterruptedException {
        Optional<CloudSpec> cloudSpec = world.run().dut().cloud();
        if (cloudSpec.isEmpty()) {
            world.evidence("cloud contact after the altered boot", "the IXIT (11-ComMech) declares no cloud service: the rig plays none, "
                    + "so the DUT has nothing beyond the rig to reach");
            return;
        }
        Optional<CloudRequestSpec> alert = spec().cloudAlert();
        FakeCloud cloud = world.run().cloud();
        Timeout watch = Timeout.of("ixit.cloud.contact-within x2", cloudSpec.get().contactWithin().multipliedBy(2));
        if (alert.isPresent()) {
            cloud.awaitRequests(r -> sincePowerOn(r).stream().anyMatch(q -> isAlert(alert, q)), watch);
        }
        // waiting for a request that should not come: the watch running out is the good outcome
        cloud.awaitRequests(r -> sincePowerOn(r).stream().anyMatch(q -> !isAlert(alert, q)), watch);
        List<CloudRequest> received = sincePowerOn(cloud.requests());
        world.evidence("requests the cloud received from the altered boot on (watched " + watch.describe() + " after the alert)",
                received.isEmpty() ? "none" : received.stream().map(CloudRequest::describe).collect(Collectors.joining("\n")));
        alert.ifPresent(a -> NonConformity.require(received.stream().anyMatch(q -> isAlert(alert, q)),
                "the cloud received no alert (" + a.describe() + ") after the DUT booted with " + spec().program() + " altered"));
        List<CloudRequest> others = received.stream().filter(q -> !isAlert(alert, q)).toList();
        NonConformity.require(others.isEmpty(), "after detecting altered software the DUT still contacts its cloud beyond "
                + (alert.isPresent() ? "the alert" : "nothing, as the IXIT declares no cloud alert") + ": " + others.size()
                + " other request(s), e.g. " + (others.isEmpty() ? "?" : ReportText.oneLine(others.get(0).describe(), 200)));
    }

    private static boolean isAlert(Optional<CloudRequestSpec> alert, CloudRequest q) {
        return alert.isPresent() && alert.get().matches(q.method(), q.path());
    }

    private List<CloudRequest> sincePowerOn(List<CloudRequest> requests) {
        return requests.stream().filter(q -> !q.at().isBefore(poweredOnAt)).toList();
    }

    /** The altered byte is put back, so that later scenarios meet the device as it was. */
    @After("@provision=5.7-1 or @provision=5.7-2")
    public void restore() {
        if (tamper != null && tamper.altered()) {
            LifecycleShell.prepare(world, storage);
            tamper.restore(storage);
            world.boot().markDirty("the program altered for secure boot was restored");
        }
    }

    private SecureBootSpec spec() {
        return world.run().dut().secureBoot().orElseThrow(() -> new RigFault(
                "the IXIT (20-SecBoot) has no 'secure-boot' section naming an installed program and the alert"));
    }
}

package org.hil303.steps.glue;

import io.cucumber.java.After;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import java.util.Optional;
import org.hil303.fixtures.dut.SecureBootSpec;
import org.hil303.fixtures.lifecycle.ConsoleShell;
import org.hil303.fixtures.lifecycle.ProgramTamper;
import org.hil303.rigs.RigFault;
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
    private Optional<String> notReady = Optional.empty();

    public SecureBootSteps(DutWorld world) {
        this.world = world;
    }

    @When("one byte of the installed program the IXIT names is altered in the DUT's storage while it is off")
    public void alterProgram() {
        SecureBootSpec spec = spec();
        storage = LifecycleShell.storage(world);
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
        try {
            world.boot().awaitReady();
        } catch (DutNotReady e) {
            world.rig().fault().ifPresent(f -> {
                throw new RigFault(f);
            });
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

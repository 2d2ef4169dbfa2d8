package org.hil303.steps.glue;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.hil303.fixtures.debug.BootInterruptCheck;
import org.hil303.fixtures.dut.LoginSurfaceSpec;
import org.hil303.fixtures.dut.SurfaceKind;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.console.ConsoleLogin;
import org.hil303.rigs.console.ConsolePrompts;
import org.hil303.steps.report.NonConformity;

/** 5.6-4: the UART as an attacker with a serial cable sees it. */
public final class DebugInterfaceSteps {
    private final DutWorld world;
    private BootInterruptCheck.Result interrupt;

    public DebugInterfaceSteps(DutWorld world) {
        this.world = world;
    }

    @Then("the UART console asks for credentials before offering a shell")
    public void asksForCredentials() {
        ConsoleLogin.Result r = consoleLogin().probe();
        world.evidence("UART probe", r.outcome() + ": " + r.detail());
        if (r.outcome() == ConsoleLogin.Outcome.NO_PROMPT) {
            throw new RigFault("the UART showed neither a login prompt nor a shell: " + r.detail());
        }
        NonConformity.require(r.outcome() != ConsoleLogin.Outcome.NO_AUTHENTICATION,
                "the UART gives a shell without authentication: " + r.detail());
    }

    @When("the DUT is power-cycled while keys and breaks are sent on the UART throughout its boot")
    public void interruptBoot() {
        interrupt = new BootInterruptCheck(world.boot(), world.rig().console(), consoleLogin(),
                world.rig().config().console().breakLength()).run(world.run().dut().interruptWindow());
        world.evidence("boot interrupt attempt", interrupt.evidence());
    }

    @Then("no shell is offered without authentication")
    public void noShellAfterInterrupt() {
        NonConformity.require(!interrupt.shellWithoutLogin(), "keys sent during boot opened a shell without authentication: "
                + interrupt.detail());
    }

    @Then("the DUT completes its boot")
    public void bootCompleted() {
        NonConformity.require(interrupt.bootCompleted(), "the boot stopped when keys were sent on the UART and did not complete");
    }

    private ConsoleLogin consoleLogin() {
        ConsolePrompts prompts = world.run().dut().surface(SurfaceKind.CONSOLE).map(LoginSurfaceSpec::prompts).orElse(ConsolePrompts.defaults());
        return new ConsoleLogin(world.rig().console(), prompts, world.run().dut().timeouts().login());
    }
}

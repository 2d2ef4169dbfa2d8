package org.hil303.steps.glue;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.security.SecureRandom;
import java.util.List;
import org.hil303.fixtures.auth.DutLogins;
import org.hil303.fixtures.auth.PasswordChange;
import org.hil303.fixtures.dut.IxitIncomplete;
import org.hil303.fixtures.dut.LoginSurfaceSpec;
import org.hil303.fixtures.login.LoginAttempt;
import org.hil303.fixtures.login.LoginOutcome;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.console.ConsoleLogin;
import org.hil303.steps.report.NonConformity;

/** 5.1-4: changing the authentication value. */
public final class PasswordSteps {
    private final DutWorld world;
    private LoginSurfaceSpec changedOn;
    private String user;
    private String oldPassword;
    private String newPassword;

    public PasswordSteps(DutWorld world) {
        this.world = world;
    }

    @When("the user changes the password with the mechanism the IXIT describes")
    public void change() {
        changedOn = world.run().dut().loginSurfaces().stream().filter(s -> s.changeCommand().isPresent()).findFirst()
                .orElseThrow(() -> new IxitIncomplete("the IXIT (1-AuthMech) names no 'change-password' mechanism on any login surface"));
        user = changedOn.user();
        oldPassword = world.run().accounts().password(user).orElseThrow(() -> new RigFault("no current password known for " + user));
        newPassword = "Hil303-" + Long.toHexString(new SecureRandom().nextLong());
        ConsoleLogin console = new ConsoleLogin(world.rig().console(), changedOn.prompts(), world.run().dut().timeouts().login());
        PasswordChange.Outcome outcome = new PasswordChange(console, changedOn.changeCommand().get()).change(user, oldPassword, newPassword);
        world.evidence("password change", outcome.transcript());
        NonConformity.require(outcome.reportedSuccess(), "'" + changedOn.changeCommand().get() + "' did not confirm the change");
    }

    @Then("the new password is accepted on every login surface for that user")
    public void newAccepted() {
        List<LoginAttempt> attempts = tryOnEverySurface(newPassword);
        if (attempts.stream().anyMatch(a -> a.outcome() == LoginOutcome.ACCEPTED)) {
            world.run().accounts().changed(user, newPassword); // later scenarios log in with what the unit now accepts
        }
        String refused = describe(attempts, LoginOutcome.ACCEPTED, false);
        NonConformity.require(refused.isEmpty(), "the new password does not work: " + refused);
    }

    @Then("the old password is refused on every login surface for that user")
    public void oldRefused() {
        List<LoginAttempt> attempts = tryOnEverySurface(oldPassword);
        String accepted = describe(attempts, LoginOutcome.ACCEPTED, true);
        NonConformity.require(accepted.isEmpty(), "the old password still works: " + accepted);
    }

    private List<LoginAttempt> tryOnEverySurface(String password) {
        List<LoginAttempt> out = new DutLogins(world.rig(), world.run().dut()).tryOnEverySurface(user, password);
        world.evidence("logins with the " + (password.equals(newPassword) ? "new" : "old") + " password",
                String.join("\n", out.stream().map(a -> a.surface() + ": " + a.outcome() + " " + a.detail()).toList()));
        return out;
    }

    private static String describe(List<LoginAttempt> attempts, LoginOutcome outcome, boolean matching) {
        return String.join(", ", attempts.stream().filter(a -> (a.outcome() == outcome) == matching)
                .map(a -> a.surface() + " (" + a.outcome() + ")").toList());
    }
}

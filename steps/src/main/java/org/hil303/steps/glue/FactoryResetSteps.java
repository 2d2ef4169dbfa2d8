package org.hil303.steps.glue;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import org.hil303.fixtures.auth.DutLogins;
import org.hil303.fixtures.auth.PasswordChange;
import org.hil303.fixtures.dut.FactoryResetSpec;
import org.hil303.fixtures.dut.IxitIncomplete;
import org.hil303.fixtures.dut.LoginSurfaceSpec;
import org.hil303.fixtures.lifecycle.ConsoleShell;
import org.hil303.fixtures.lifecycle.UserData;
import org.hil303.fixtures.login.LoginAttempt;
import org.hil303.fixtures.login.LoginOutcome;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.boot.BootStrategy;
import org.hil303.rigs.console.ConsoleLogin;
import org.hil303.rigs.console.ReportText;
import org.hil303.steps.report.NonConformity;
import org.opentest4j.TestAbortedException;

/** 5.11-1: a factory reset erases what the user stored, from the file system and from the chip. */
public final class FactoryResetSteps {
    private final DutWorld world;
    private final UserData data = new UserData();
    private String user;
    private String userPassword;

    public FactoryResetSteps(DutWorld world) {
        this.world = world;
    }

    @Given("the user has set their own password and stored a Wi-Fi key, personal data, a log entry and a cloud pairing")
    public void storeUserData() {
        FactoryResetSpec reset = spec();
        LoginSurfaceSpec surface = world.run().dut().loginSurfaces().stream().filter(s -> s.changeCommand().isPresent()).findFirst()
                .orElseThrow(() -> new IxitIncomplete("the IXIT (1-AuthMech) names no 'change-password' mechanism to set the user's own password"));
        user = surface.user();
        String current = world.run().accounts().password(user).orElseThrow(() -> new RigFault("no current password known for " + user));
        userPassword = data.create("password").value();
        ConsoleLogin login = new ConsoleLogin(world.rig().console(), surface.prompts(), world.run().dut().timeouts().login());
        PasswordChange.Outcome changed = new PasswordChange(login, surface.changeCommand().get()).change(user, current, userPassword);
        if (!changed.reportedSuccess()) {
            throw new RigFault("the user's own password could not be set: " + changed.transcript());
        }
        world.run().accounts().changed(user, userPassword);
        try (ConsoleShell shell = LifecycleShell.open(world)) {
            for (String kind : reset.userData().keySet()) {
                shell.require(reset.storeCommand(kind, data.create(kind).value()));
            }
            // what the device keeps of the password: its hash must go with the reset too
            String hash = shell.run("sed -n 's/^" + user + ":\\([^:]*\\):.*/\\1/p' /etc/shadow").text().strip();
            if (hash.length() >= 20 && hash.matches("[A-Za-z0-9./$]+")) { // crypt's alphabet: what the device printed goes on a command line
                data.derived("password hash", hash);
            }
            // control: the search must find what was just stored, or "not found" after the reset would prove nothing
            List<String> found = data.inFileSystem(shell, reset.locations());
            for (String kind : reset.userData().keySet()) {
                if (found.stream().noneMatch(f -> f.startsWith(kind + " in "))) {
                    throw new RigFault("the " + kind + " just stored was not found under " + reset.locations()
                            + ": the IXIT's 'locations' do not cover where the device keeps it");
                }
            }
            world.evidence("user data stored", String.join("\n", data.markers().stream().map(m -> m.kind() + ": " + m.value()).toList())
                    + "\n\nfound before the reset:\n" + String.join("\n", found));
        }
    }

    @When("the DUT is reset to its factory state with its reset button")
    public void resetWithButton() {
        FactoryResetSpec.ButtonReset button = spec().button()
                .orElseThrow(() -> new TestAbortedException("the IXIT (25-DelFunc) declares no reset button"));
        FactoryReset.withButton(world, button);
    }

    @When("the DUT is reset to its factory state with the command the IXIT names")
    public void resetWithCommand() {
        String command = spec().command().orElseThrow(() -> new TestAbortedException("the IXIT (25-DelFunc) declares no reset command"));
        FactoryReset.withCommand(world, command);
    }

    @Then("the factory credentials work again and the user's password is refused")
    public void factoryCredentials() {
        world.boot().ensure(BootStrategy.State.NETWORK_UP);
        String factory = world.run().accounts().restoreFactory(user)
                .orElseThrow(() -> new IxitIncomplete("the IXIT gives no factory credential for " + user + " to try after the reset"));
        List<LoginAttempt> withFactory = tryOnEverySurface(factory);
        List<LoginAttempt> withUsers = tryOnEverySurface(userPassword);
        world.evidence("logins after the reset", String.join("\n", describe(withFactory, "factory")) + "\n"
                + String.join("\n", describe(withUsers, "user's")));
        List<String> refused = withFactory.stream().filter(a -> a.outcome() != LoginOutcome.ACCEPTED).map(LoginAttempt::surface).toList();
        List<String> accepted = withUsers.stream().filter(a -> a.outcome() == LoginOutcome.ACCEPTED).map(LoginAttempt::surface).toList();
        if (!accepted.isEmpty()) {
            world.run().accounts().changed(user, userPassword);
        }
        NonConformity.require(accepted.isEmpty(), "after the factory reset the password the user set still works on " + accepted);
        NonConformity.require(refused.isEmpty(), "after the factory reset the factory credential is refused on " + refused);
    }

    @Then("none of the user's data is left in the file system")
    public void goneFromFileSystem() {
        List<String> found;
        try (ConsoleShell shell = LifecycleShell.open(world)) {
            found = data.inFileSystem(shell, spec().locations());
        }
        world.evidence("user data in the file system after the reset", found.isEmpty() ? "none" : String.join("\n", found));
        NonConformity.require(found.isEmpty(), "the user's data is still in the file system after the factory reset: "
                + ReportText.oneLine(String.join(", ", found), 500));
    }

    @Then("none of the user's data is left in the raw storage")
    public void goneFromStorage() {
        var storage = LifecycleShell.storage(world);
        LifecycleShell.prepare(world, storage);
        List<String> found = data.inStorage(storage);
        world.evidence("user data in the raw storage after the reset", storage.describe() + " (" + storage.size() + " bytes): "
                + (found.isEmpty() ? "none of " + data.markers().size() + " values found" : String.join("\n", found)));
        NonConformity.require(found.isEmpty(), "the user's data is still in the raw storage after the factory reset (only unlinked?): "
                + String.join(", ", found));
    }

    private List<LoginAttempt> tryOnEverySurface(String password) {
        return new DutLogins(world.rig(), world.run().dut()).tryOnEverySurface(user, password);
    }

    private static List<String> describe(List<LoginAttempt> attempts, String which) {
        return attempts.stream().map(a -> which + " password on " + a.surface() + ": " + a.outcome() + " " + a.detail()).toList();
    }

    private FactoryResetSpec spec() {
        return world.run().dut().factoryReset().orElseThrow(() -> new RigFault(
                "the IXIT (25-DelFunc) has no 'factory-reset' section: how the reset is started and how user data is stored"));
    }
}

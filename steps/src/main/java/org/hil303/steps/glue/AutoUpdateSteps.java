package org.hil303.steps.glue;

import io.cucumber.java.After;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hil303.fixtures.dut.AutomaticUpdates;
import org.hil303.fixtures.dut.FactoryResetSpec;
import org.hil303.fixtures.dut.UpdateSpec;
import org.hil303.fixtures.lifecycle.ConsoleShell;
import org.hil303.fixtures.update.UpdateImages;
import org.hil303.fixtures.update.UpdateOffer;
import org.hil303.fixtures.update.UpdateServer;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.base.Timeout;
import org.hil303.rigs.boot.BootStrategy;
import org.hil303.rigs.boot.DutNotReady;
import org.hil303.rigs.console.ReportText;
import org.hil303.steps.report.NonConformity;
import org.opentest4j.TestAbortedException;

/**
 * 5.3-4, 5.3-5, 5.3-6: automatic updates. The played update server's log (each connection with the
 * moment it was opened) shows the checks the DUT makes by itself; the version it runs after a
 * restart shows what it installed with no user action.
 */
public final class AutoUpdateSteps {

    private final DutWorld world;
    private int before = -1;
    private int published = -1;
    /** The server log's length when the image was published (or the DUT powered on): later connections are the DUT's checks. */
    private int from;
    private Optional<UpdateServer.Connection> firstCheck = Optional.empty();
    private Instant ready;
    /** The console's mark when the image was published: an installed line after it is this install's. */
    private long publishedMark;

    public AutoUpdateSteps(DutWorld world) {
        this.world = world;
    }

    @When("a valid newer image is published on the update server and nobody asks the DUT to check")
    public void publish() {
        UpdateSpec spec = spec();
        automatic();
        UpdateServer server = world.run().updateServer();
        try (ConsoleShell shell = LifecycleShell.open(world)) {
            before = UpdateOffer.runningVersion(shell, spec);
        }
        UpdateImages.Offered image = UpdateContext.images(world).newer(before);
        published = image.version();
        from = server.connections().size();
        publishedMark = world.rig().console().mark();
        server.offer(image.bytes(), true, image.signatureSuffix(), image.signature());
        world.evidence("published", "version " + published + " published at " + Instant.now() + "; the DUT ran version " + before);
    }

    @Then("the DUT fetches the published image by itself within the check interval the IXIT declares")
    public void fetchesByItself() throws InterruptedException {
        AutomaticUpdates auto = automatic();
        UpdateServer server = world.run().updateServer();
        long t0 = System.nanoTime();
        Optional<UpdateServer.Connection> fetch = server.awaitConnection(from, c -> c.checked() && c.imageBytes() > 0,
                auto.checkInterval().deadlineNanos());
        log(server);
        NonConformity.require(fetch.isPresent(), "the DUT did not fetch the published image by itself within "
                + auto.checkInterval().describe() + checksSeen(server));
        world.progress(String.format("the DUT fetched version %d by itself %.1f s after it was published", published,
                (System.nanoTime() - t0) / 1e9));
        awaitInstalled(auto);
        server.withdraw();
    }

    @When("the check interval the IXIT declares passes")
    public void intervalPasses() throws InterruptedException {
        AutomaticUpdates auto = automatic();
        UpdateServer server = world.run().updateServer();
        // an observation window, not a wait for something: whatever the DUT does in it is logged
        server.awaitConnection(Integer.MAX_VALUE, c -> false, Timeout.of(auto.checkInterval().name() + " + install-within",
                auto.checkInterval().duration().plus(auto.installWithin())).deadlineNanos());
        log(server);
    }

    @Then("after a restart the DUT runs the published version")
    public void runsPublished() {
        int now = versionAfterRestart();
        NonConformity.require(now == published, "version " + published + " was published and not installed with no user action: after a restart"
                + " the DUT runs version " + now);
    }

    @Then("after a restart the DUT still runs the version it ran before the image was published")
    public void runsBefore() {
        int now = versionAfterRestart();
        NonConformity.require(now == before, "with automatic updates switched off the DUT installed version " + now
                + " by itself (it ran " + before + ")");
    }

    @When("the user switches automatic updates off with the command the IXIT names")
    public void switchOff() {
        userCommand(automatic().switchOff());
    }

    @When("the user switches automatic updates on with the command the IXIT names")
    public void switchOn() {
        from = world.run().updateServer().connections().size(); // the image is still published: what follows is the DUT's own doing
        userCommand(automatic().switchOn());
    }

    /** Nothing left on offer for the scenarios after, whatever became of this one. */
    @After("@provision=5.3-4 or @provision=5.3-6")
    public void withdraw() {
        if (published >= 0) {
            world.run().updateServer().withdraw();
        }
    }

    @When("the DUT is powered on with the update server listening")
    public void poweredOn() {
        automatic();
        UpdateServer server = world.run().updateServer();
        server.withdraw();
        from = server.connections().size();
        world.boot().powerCycle();
        awaitReady(world.run().dut().boot().boot());
        ready = Instant.now();
    }

    /** 5.3-6: a factory reset brings back the initialized state, whatever the user had switched. */
    @When("the DUT is reset to its factory state with the update server listening")
    public void factoryResetListening() {
        automatic();
        FactoryResetSpec reset = world.run().dut().factoryReset().orElseThrow(() -> new RigFault(
                "the IXIT (25-DelFunc) declares no factory reset: the initialized state cannot be brought back"));
        UpdateServer server = world.run().updateServer();
        server.withdraw();
        from = server.connections().size();
        FactoryReset.anyWay(world, reset);
        ready = Instant.now();
        // the reset restores the factory credentials: later logins must use them
        world.run().dut().loginSurfaces().forEach(surface -> world.run().accounts().restoreFactory(surface.user()));
    }

    @Then("the DUT checks the update server within the check interval the IXIT declares after it is ready")
    public void checksAfterInitialisation() throws InterruptedException {
        AutomaticUpdates auto = automatic();
        UpdateServer server = world.run().updateServer();
        firstCheck = server.awaitConnection(from, UpdateServer.Connection::checked, auto.checkInterval().deadlineNanos());
        log(server);
        NonConformity.require(firstCheck.isPresent(), "the DUT did not check the update server within " + auto.checkInterval().describe()
                + " after it was ready" + checksSeen(server));
        world.progress(String.format("first update check %.1f s after the DUT was ready",
                Duration.between(ready, firstCheck.get().at()).toMillis() / 1000.0));
    }

    @Then("the DUT checks it again within the check interval after that")
    public void checksPeriodically() throws InterruptedException {
        AutomaticUpdates auto = automatic();
        UpdateServer server = world.run().updateServer();
        Instant first = firstCheck.orElseThrow().at();
        int after = server.connections().indexOf(firstCheck.get()) + 1;
        Duration left = Duration.between(Instant.now(), first.plus(auto.checkInterval().duration()));
        Optional<UpdateServer.Connection> second = server.awaitConnection(after, UpdateServer.Connection::checked,
                System.nanoTime() + Math.max(0, left.toNanos()));
        log(server);
        NonConformity.require(second.isPresent(), "the DUT checked the update server once after it was ready and not again within "
                + auto.checkInterval().describe() + checksSeen(server));
        world.progress(String.format("second update check %.1f s after the first", Duration.between(first, second.get().at()).toMillis() / 1000.0));
    }

    private int versionAfterRestart() {
        world.boot().powerCycle();
        awaitReady(world.run().dut().boot().boot());
        try (ConsoleShell shell = LifecycleShell.open(world)) {
            int v = UpdateOffer.runningVersion(shell, spec());
            world.evidence("version after restart", Integer.toString(v));
            return v;
        }
    }

    private void awaitReady(Timeout timeout) {
        try {
            world.boot().awaitReady(timeout);
        } catch (DutNotReady e) {
            throw NonConformity.of("the DUT does not boot: " + e.getMessage());
        }
    }

    private void userCommand(String command) {
        world.boot().ensure(BootStrategy.State.NETWORK_UP);
        try (ConsoleShell shell = LifecycleShell.open(world)) {
            ConsoleShell.Output o = shell.run(command);
            world.evidence("user: " + command, "exit status " + o.status() + "\n" + o.text());
            if (o.status() != 0) {
                throw new RigFault("the IXIT's command '" + command + "' exited " + o.status() + ": the harness could not switch automatic updates");
            }
        }
    }

    /**
     * Waits for the console line the IXIT says the DUT prints once an update is installed; a DUT that
     * prints none is given the whole declared install time, as nothing outside it shows that moment.
     * Either way the version it runs after the restart is what is judged.
     */
    private void awaitInstalled(AutomaticUpdates auto) throws InterruptedException {
        Timeout timeout = Timeout.of("ixit.update.automatic.install-within", auto.installWithin());
        if (auto.installedLine().isPresent()) {
            Optional<String> line = world.rig().console().await(auto.installedLine().get(), publishedMark, timeout).map(m -> ReportText.oneLine(m.text(), 200));
            world.evidence("installed line", line.orElse("none within " + timeout.describe()));
            return;
        }
        Thread.sleep(auto.installWithin().toMillis()); // no signal to wait for: the declared time is all there is
    }

    private String checksSeen(UpdateServer server) {
        var seen = server.connections();
        var since = seen.subList(Math.min(from, seen.size()), seen.size());
        return since.isEmpty() ? "; the update server heard nothing from it" : "; the update server logged " + since.size() + " connection(s)";
    }

    private void log(UpdateServer server) {
        var seen = server.connections();
        world.evidence("update server log", seen.subList(Math.min(from, seen.size()), seen.size()).stream()
                .map(c -> c.at() + " " + c.describe()).collect(Collectors.joining("\n")));
    }

    private AutomaticUpdates automatic() {
        return spec().automatic().orElseThrow(() -> new TestAbortedException(
                "not applicable: the IXIT (7-UpdMech) declares no 'automatic' updates"));
    }

    private UpdateSpec spec() {
        return UpdateContext.spec(world);
    }
}

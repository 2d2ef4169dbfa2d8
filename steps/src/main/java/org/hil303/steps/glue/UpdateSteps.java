package org.hil303.steps.glue;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.hil303.fixtures.dut.IxitIncomplete;
import org.hil303.fixtures.dut.UpdateSpec;
import org.hil303.fixtures.lifecycle.ConsoleShell;
import org.hil303.fixtures.lifecycle.SeededPowerCuts;
import org.hil303.fixtures.update.PowerCutSeries;
import org.hil303.fixtures.update.RollbackCount;
import org.hil303.fixtures.update.UpdateImages;
import org.hil303.fixtures.update.UpdateJudgement;
import org.hil303.fixtures.update.UpdateOffer;
import org.hil303.fixtures.update.UpdateServer;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.base.Timeout;
import org.hil303.rigs.boot.BootStrategy;
import org.hil303.rigs.boot.DutNotReady;
import org.hil303.steps.report.NonConformity;

/**
 * 5.3-2, 5.3-9, 5.3-10: the played update server offers images and the DUT is asked to check for
 * updates; after a restart the version it runs tells what it installed (5.3-2-2c: the image's digest
 * after each power cut tells whether it is whole).
 */
public final class UpdateSteps {
    private final DutWorld world;
    private final List<UpdateOffer> offers = new ArrayList<>();
    private int before = -1;
    private int newer = -1;
    private Optional<String> notReady = Optional.empty();
    private final Set<String> wholeImages = new HashSet<>();
    private final List<SeededPowerCuts.Cut<PowerCutSeries.Outcome>> cuts = new ArrayList<>();
    private Duration updateTakes = Duration.ZERO;
    private Optional<String> seriesShort = Optional.empty();
    private RollbackCount rollback;

    public UpdateSteps(DutWorld world) {
        this.world = world;
    }

    @When("the update server offers, one update check each, images altered from a valid newer one: one byte flipped, truncated, signature stripped, signed with a key the DUT does not trust")
    public void offerAltered() {
        UpdateImages images = images();
        offer(running -> images.altered(running).stream().map(i -> new Image(i, true)).toList());
        requireFetched();
    }

    @When("the update server offers a valid newer image")
    public void offerValid() {
        UpdateImages images = images();
        offer(running -> List.of(new Image(images.newer(running), true)));
        newer = offers.get(0).version();
    }

    @When("the update server offers an older validly signed image")
    public void offerOlder() {
        UpdateImages images = images();
        offer(running -> List.of(new Image(images.older(running), true)));
        requireFetched();
    }

    @When("the update server offers a valid newer image under a TLS certificate from a CA the DUT does not trust")
    public void offerOverUntrustedTls() {
        UpdateImages images = images();
        offer(running -> {
            UpdateImages.Offered i = images.newer(running);
            return List.of(new Image(i.named(i.name() + ", over an untrusted TLS certificate"), false));
        });
        List<UpdateOffer> silent = offers.stream().filter(o -> !o.contacted()).toList();
        if (!silent.isEmpty()) {
            throw new RigFault("the DUT did not contact the update server when asked to check: " + silent.get(0).describe());
        }
    }

    @When("the update server offers a valid newer image that fails its own health check")
    public void offerBroken() {
        UpdateImages images = images();
        if (spec().rollbackWithin() == 0) {
            throw new IxitIncomplete("the IXIT (7-UpdMech) declares no 'rollback-within': in how many boots a failing update is rolled back");
        }
        offer(running -> List.of(new Image(images.failingHealthCheck(running), true)));
        requireFetched();
    }

    /** The DUT may restart by itself while it tries the new image: each boot is counted by the line it starts with. */
    @When("the DUT is restarted and its boots are counted on the console")
    public void restartCountingBoots() {
        UpdateSpec spec = spec();
        var bootLine = spec.bootLine().orElseThrow(() -> new RigFault(
                "the IXIT (7-UpdMech) declares no 'boot-line': the console line each boot starts with, by which a rollback's boots are counted"));
        var profile = world.run().dut().boot();
        long poweredOn = world.boot().powerCycle();
        rollback = RollbackCount.count(world.rig().console(),
                bootStart -> world.boot().awaitReady(), // ready since power-on, all counted boots included
                bootLine, profile.ready(), poweredOn, profile.boot(), spec.restartAfterReady().orElse(profile.boot()),
                spec.rollbackWithin(), before, () -> {
                    try (ConsoleShell shell = LifecycleShell.open(world)) {
                        return UpdateOffer.runningVersion(shell, spec);
                    }
                });
        world.evidence("boots counted", rollback.describe());
        world.progress(rollback.describe());
    }

    @Then("the DUT runs the version it ran before again within the boots the IXIT declares")
    public void rolledBackWithinDeclaredBoots() {
        rollback.finding().ifPresent(finding -> NonConformity.require(false, "a newer image failing its own health check was not rolled back in time: "
                + finding + " (" + offers.get(0).describe() + ")"));
    }

    @When("the time an update takes is measured with a valid newer image")
    public void measureUpdate() {
        UpdateSpec spec = spec();
        String digest = spec.imageDigest().orElseThrow(() -> new RigFault(
                "the IXIT (7-UpdMech) declares no 'image-digest' command: the harness cannot tell a whole image from a torn one"));
        UpdateServer server = world.run().updateServer();
        world.boot().ensure(BootStrategy.State.NETWORK_UP);
        try (ConsoleShell shell = LifecycleShell.open(world, spec.within())) {
            before = UpdateOffer.runningVersion(shell, spec);
            wholeImages.add(shell.require(digest).strip());
            UpdateImages.Whole control = seriesImage(before);
            long t0 = System.nanoTime();
            UpdateOffer o = UpdateOffer.make(control.image().named("valid and newer, uncut (the control)"), true, server, shell, spec);
            updateTakes = Duration.ofNanos(System.nanoTime() - t0);
            world.evidence("the uncut update", o.describe() + "; took " + updateTakes.toMillis() + " ms");
            if (o.status() != 0 || !o.fetched()) {
                throw new RigFault("the uncut update did not complete, so the moments to cut cannot be placed: " + o.describe());
            }
            wholeImages.add(control.payloadSha256());
            newer = control.image().version();
        }
    }

    @When("the power is cut at seeded moments spread over an update, restoring it each time")
    public void cutDuringUpdates() throws InterruptedException {
        UpdateSpec spec = spec();
        UpdateServer server = world.run().updateServer();
        List<Duration> offsets = PowerCutSeries.offsets(spec.powerCuts().count(), spec.powerCuts().seed(), updateTakes);
        long t0 = System.nanoTime();
        int version = newer;
        for (int i = 0; i < offsets.size(); i++) {
            // the next image above the running one: after a cut that left the old image, the same one again
            Optional<UpdateImages.Whole> next = images().forPowerCut(version);
            if (next.isEmpty()) {
                seriesShort = Optional.of("the supplier's series ran out after " + i + " of " + offsets.size() + " cuts: each cut the unit "
                        + "took used one of its images ('images: series'; the DUT runs version " + version + ")");
                break;
            }
            UpdateImages.Whole offered = next.get();
            ConsoleShell shell = LifecycleShell.open(world, spec.within());
            server.offer(offered.image().bytes(), true, offered.image().signatureSuffix(), offered.image().signature());
            long started = System.nanoTime();
            shell.sendAndLeave(spec.check());
            // its automatic check after the boot must not install the image the cut interrupted
            Optional<String> notBooted = PowerCut.at(world, started, offsets.get(i), server::withdraw);
            SeededPowerCuts.Cut<PowerCutSeries.Outcome> cut;
            if (notBooted.isPresent()) {
                cut = new SeededPowerCuts.Cut<>(i + 1, offsets.get(i), PowerCutSeries.Outcome.DID_NOT_BOOT, notBooted.get());
                cuts.add(cut);
                world.progress(cut.describe());
                break; // a device that no longer boots cannot be cut again
            }
            try (ConsoleShell after = LifecycleShell.open(world)) {
                String digest = after.require(spec.imageDigest().orElseThrow()).strip();
                version = UpdateOffer.runningVersion(after, spec);
                cut = new SeededPowerCuts.Cut<>(i + 1, offsets.get(i), PowerCutSeries.judge(digest, offered.payloadSha256(), wholeImages),
                        "version " + version + ", image " + digest.substring(0, Math.min(12, digest.length())));
            }
            wholeImages.add(offered.payloadSha256());
            cuts.add(cut);
            world.progress(cut.describe());
        }
        PowerCut.report(world, cuts, t0, "the uncut update took " + updateTakes.toMillis() + " ms", spec.powerCuts().seed());
    }

    /** A valid image above the running version for the series, or why there is none. */
    private UpdateImages.Whole seriesImage(int running) {
        return images().forPowerCut(running).orElseThrow(() -> new RigFault("the power-cut series needs valid images newer than the "
                + "running version " + running + ", one for each cut the unit takes: 'images: generated' makes them; with the supplier's "
                + "images, list them under 'images: series'"));
    }

    @Then("after every cut the DUT booted a whole image, the old or the new")
    public void wholeImageAfterEveryCut() {
        List<SeededPowerCuts.Cut<PowerCutSeries.Outcome>> bad = PowerCutSeries.failures(cuts);
        NonConformity.require(bad.isEmpty(), "power cuts during an update left the DUT without a whole image: "
                + bad.stream().map(SeededPowerCuts.Cut::describe).collect(Collectors.joining("; ")));
        // every cut made was fine, but fewer than declared: the series proves less than the lab asked for
        seriesShort.ifPresent(why -> {
            throw new RigFault(why);
        });
    }

    @When("the DUT is restarted")
    public void restart() {
        restart(world.run().dut().boot().boot());
    }

    private void restart(Timeout timeout) {
        world.boot().powerCycle();
        try {
            world.boot().awaitReady(timeout);
        } catch (DutNotReady e) {
            notReady = Optional.of(e.getMessage());
        }
    }

    @Then("the DUT still runs the version it ran before")
    public void stillRunsBefore() {
        int now = runningAfterRestart();
        UpdateJudgement.refusedAll(offers, before, now).ifPresent(finding -> NonConformity.require(false, finding));
    }

    @Then("the DUT runs the newer version")
    public void runsNewer() {
        int now = runningAfterRestart();
        NonConformity.require(now == newer, "a valid newer image (version " + newer + ") was not installed: the DUT runs version " + now
                + " (" + offers.get(offers.size() - 1).describe() + ")");
    }

    private int runningAfterRestart() {
        NonConformity.require(notReady.isEmpty(), "the DUT does not boot after the update offers: " + notReady.orElse(""));
        try (ConsoleShell shell = LifecycleShell.open(world)) {
            int v = UpdateOffer.runningVersion(shell, spec());
            world.evidence("version after restart", Integer.toString(v));
            return v;
        }
    }

    private record Image(UpdateImages.Offered offered, boolean trustedCertificate) {}

    private void offer(IntFunction<List<Image>> images) {
        UpdateSpec spec = spec();
        UpdateServer server = world.run().updateServer();
        offers.clear();
        List<String> offered = new ArrayList<>();
        world.boot().ensure(BootStrategy.State.NETWORK_UP);
        try (ConsoleShell shell = LifecycleShell.open(world, spec.within())) {
            before = UpdateOffer.runningVersion(shell, spec);
            for (Image i : images.apply(before)) {
                offered.add(i.offered().name() + ": version " + i.offered().version() + ", SHA-256 " + i.offered().sha256());
                offers.add(UpdateOffer.make(i.offered(), i.trustedCertificate(), server, shell, spec));
            }
        }
        world.evidence("update offers", "running version " + before + "\n"
                + offers.stream().map(UpdateOffer::describe).collect(Collectors.joining("\n")) + "\n\n" + images().describe()
                + "\noffered:\n" + String.join("\n", offered));
    }

    /** An image the DUT never fetched proves nothing about whether it would have refused it. */
    private void requireFetched() {
        offers.stream().filter(o -> !o.fetched()).findFirst().ifPresent(o -> {
            throw new RigFault("the DUT did not fetch the offered image when asked to check: " + o.describe());
        });
    }

    private UpdateImages images() {
        return UpdateContext.images(world);
    }

    private UpdateSpec spec() {
        return UpdateContext.spec(world);
    }
}

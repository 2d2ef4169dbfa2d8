package org.hil303.steps.glue;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hil303.fixtures.dut.UpdateSpec;
import org.hil303.fixtures.lifecycle.ConsoleShell;
import org.hil303.fixtures.update.UpdateBundle;
import org.hil303.fixtures.update.UpdateJudgement;
import org.hil303.fixtures.update.UpdateOffer;
import org.hil303.fixtures.update.UpdatePki;
import org.hil303.fixtures.update.UpdateServer;
import org.hil303.rigs.RigFault;
import org.hil303.rigs.boot.DutNotReady;
import org.hil303.steps.report.NonConformity;

/**
 * 5.3-2, 5.3-9, 5.3-10: the played update server offers images and the DUT is asked to check for
 * updates; after a restart the version it runs tells what it installed.
 */
public final class UpdateSteps {
    /** Versions above the running one: the valid newer image, the older one below it, the altered ones above it. */
    private static final int NEWER = 10;
    private static final int OLDER = 5;

    private final DutWorld world;
    private final List<UpdateOffer> offers = new ArrayList<>();
    private int before = -1;
    private int newer = -1;
    private Optional<String> notReady = Optional.empty();

    public UpdateSteps(DutWorld world) {
        this.world = world;
    }

    @When("the update server offers, one update check each, images altered from a valid newer one: one byte flipped, truncated, signature stripped, signed with a key the DUT does not trust")
    public void offerAltered() {
        UpdatePki pki = pki();
        offer(running -> List.of(
                new Image("one payload byte flipped", UpdateBundle.signed(running + NEWER + 1, UpdateBundle.payloadFor(running + NEWER + 1), pki.vendorKey()).byteFlipped(), true),
                new Image("truncated in its payload", UpdateBundle.signed(running + NEWER + 2, UpdateBundle.payloadFor(running + NEWER + 2), pki.vendorKey()).truncated(), true),
                new Image("signature stripped", UpdateBundle.signed(running + NEWER + 3, UpdateBundle.payloadFor(running + NEWER + 3), pki.vendorKey()).unsigned(), true),
                new Image("signed with a key the DUT does not trust", UpdateBundle.signed(running + NEWER + 4, UpdateBundle.payloadFor(running + NEWER + 4), pki.vendorKey()).signedBy(pki.strangerKey()), true)));
        requireFetched();
    }

    @When("the update server offers a valid newer image")
    public void offerValid() {
        UpdatePki pki = pki();
        offer(running -> List.of(new Image("valid and newer", valid(running + NEWER, pki), true)));
        newer = before + NEWER;
    }

    @When("the update server offers an older validly signed image")
    public void offerOlder() {
        UpdatePki pki = pki();
        offer(running -> List.of(new Image("validly signed but older", valid(running - NEWER + OLDER, pki), true)));
        requireFetched();
    }

    @When("the update server offers a valid newer image under a TLS certificate from a CA the DUT does not trust")
    public void offerOverUntrustedTls() {
        UpdatePki pki = pki();
        offer(running -> List.of(new Image("valid and newer, over an untrusted TLS certificate", valid(running + NEWER, pki), false)));
        List<UpdateOffer> silent = offers.stream().filter(o -> !o.contacted()).toList();
        if (!silent.isEmpty()) {
            throw new RigFault("the DUT did not contact the update server when asked to check: " + silent.get(0).describe());
        }
    }

    @When("the DUT is restarted")
    public void restart() {
        world.boot().powerCycle();
        try {
            world.boot().awaitReady();
        } catch (DutNotReady e) {
            world.rig().fault().ifPresent(f -> {
                throw new RigFault(f);
            });
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

    private record Image(String name, UpdateBundle bundle, boolean trustedCertificate) {}

    private void offer(java.util.function.IntFunction<List<Image>> images) {
        UpdateSpec spec = spec();
        UpdateServer server = world.run().updateServer();
        offers.clear();
        world.boot().ensure(org.hil303.rigs.boot.BootStrategy.State.NETWORK_UP);
        try (ConsoleShell shell = LifecycleShell.open(world, spec.within())) {
            before = UpdateOffer.runningVersion(shell, spec);
            for (Image i : images.apply(before)) {
                offers.add(UpdateOffer.make(i.name(), i.bundle(), i.trustedCertificate(), server, shell, spec));
            }
        }
        world.evidence("update offers", "running version " + before + "\n"
                + offers.stream().map(UpdateOffer::describe).collect(Collectors.joining("\n")));
    }

    /** An image the DUT never fetched proves nothing about whether it would have refused it. */
    private void requireFetched() {
        offers.stream().filter(o -> !o.fetched()).findFirst().ifPresent(o -> {
            throw new RigFault("the DUT did not fetch the offered image when asked to check: " + o.describe());
        });
    }

    private static UpdateBundle valid(int version, UpdatePki pki) {
        return UpdateBundle.signed(version, UpdateBundle.payloadFor(version), pki.vendorKey());
    }

    private UpdatePki pki() {
        world.run().updateServer();
        return world.run().updatePki().orElseThrow();
    }

    private UpdateSpec spec() {
        return world.run().dut().update().orElseThrow(() -> new RigFault(
                "the IXIT (7-UpdMech) has no 'update' section: how the DUT fetches updates and how to ask it"));
    }
}

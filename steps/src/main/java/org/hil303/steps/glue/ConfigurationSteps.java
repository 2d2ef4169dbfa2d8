package org.hil303.steps.glue;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.hil303.fixtures.dut.ConfigurationSpec;
import org.hil303.fixtures.dut.LocalApi;
import org.hil303.fixtures.lifecycle.SeededPowerCuts;
import org.hil303.fixtures.network.HttpProbe;
import org.hil303.fixtures.resilience.ConfigurationApi;
import org.hil303.fixtures.resilience.ConfigurationCuts;
import org.hil303.fixtures.resilience.ConfigurationSnapshot;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.boot.BootStrategy;
import org.hil303.rigs.boot.DutNotReady;
import org.hil303.rigs.console.ReportText;
import org.hil303.steps.report.NonConformity;
import org.hil303.steps.run.ApiAccounts;

/**
 * 5.9-1: power cuts at seeded moments of a configuration write through the local API; after each the
 * configuration read back must be whole, the one before the write or the one it wrote.
 */
public final class ConfigurationSteps {
    private final DutWorld world;
    private ConfigurationApi config;
    private Duration writeTakes = Duration.ZERO;
    private String entry;
    private ConfigurationSnapshot current;
    private ConfigurationSnapshot earliest;
    private final List<SeededPowerCuts.Cut<ConfigurationCuts.Outcome>> cuts = new ArrayList<>();

    public ConfigurationSteps(DutWorld world) {
        this.world = world;
    }

    @When("the time a configuration write takes is measured through the local API")
    public void measureWrite() {
        config = api();
        world.boot().ensure(BootStrategy.State.NETWORK_UP);
        try {
            measureUncutWrite();
        } catch (IOException e) {
            throw new RigFault("the local API could not be reached for the uncut configuration write: " + e.getMessage(), e);
        }
    }

    private void measureUncutWrite() throws IOException {
        ConfigurationApi.Read before = config.read();
        if (before.configuration().isEmpty()) {
            throw new RigFault("the configuration could not be read before any cut (" + ReportText.oneLine(before.answer(), 200)
                    + "): the IXIT's read endpoint must return it as a JSON object");
        }
        earliest = before.configuration().get();
        String value = config.freshValue();
        AtomicLong sent = new AtomicLong();
        Optional<HttpProbe.Response> written = config.write(value, () -> sent.set(System.nanoTime()));
        writeTakes = Duration.ofNanos(System.nanoTime() - sent.get());
        if (written.isEmpty() || written.get().status() / 100 != 2) {
            throw new RigFault("the uncut configuration write (" + config.describeWrite() + ") was not accepted ("
                    + written.map(r -> "HTTP " + r.status()).orElse("no HTTP answer") + "), so the moments to cut cannot be placed");
        }
        ConfigurationApi.Read after = config.read();
        current = after.configuration().orElseThrow(() -> new RigFault("the configuration could not be read after the uncut write ("
                + ReportText.oneLine(after.answer(), 200) + ")"));
        entry = current.keyHolding(value).orElseThrow(() -> new RigFault("the value written with " + config.describeWrite()
                + " is nowhere in the configuration read back: the IXIT's read and write endpoints do not name the same configuration"));
        world.evidence("the uncut configuration write", config.describeWrite() + " took " + writeTakes.toMillis() + " ms; the entry '"
                + entry + "' holds the value; before: " + before.configuration().get().describe() + "; after: " + current.describe());
    }

    @When("the power is cut at seeded moments spread over a configuration write, restoring it each time")
    public void cutDuringWrites() throws InterruptedException {
        ConfigurationSpec spec = spec();
        List<Duration> offsets = ConfigurationCuts.offsets(spec.powerCuts(), writeTakes);
        long t0 = System.nanoTime();
        for (int i = 0; i < offsets.size(); i++) {
            String value = config.freshValue();
            ConfigurationSnapshot next = current.with(entry, value);
            ConfigurationApi.PendingWrite write = config.writeInBackground(value);
            long sent = write.awaitSent(world.run().dut().timeouts().command()).orElseThrow(() -> new RigFault(
                    "the configuration write could not be sent to the local API (connection or TLS handshake failed) before the cut"));
            Optional<String> notBooted = PowerCut.at(world, sent, offsets.get(i));
            boolean acknowledged = write.acknowledgedBefore(sent + offsets.get(i).toNanos());
            SeededPowerCuts.Cut<ConfigurationCuts.Outcome> cut;
            if (notBooted.isPresent()) {
                cut = new SeededPowerCuts.Cut<>(i + 1, offsets.get(i), ConfigurationCuts.Outcome.DID_NOT_BOOT, notBooted.get());
                cuts.add(cut);
                world.progress(cut.describe());
                break; // a device that no longer boots cannot be cut again
            }
            ConfigurationCuts.Judgement j = ConfigurationCuts.judge(readAfterBoot(), current, next, acknowledged, earliest);
            cut = new SeededPowerCuts.Cut<>(i + 1, offsets.get(i), j.outcome(),
                    (acknowledged ? "after the DUT acknowledged the write" : "before any answer") + (j.detail().isEmpty() ? "" : "; " + j.detail()));
            // from here on the DUT holds what the cut left, whole or not
            current = j.now().orElse(current);
            cuts.add(cut);
            world.progress(cut.describe());
        }
        PowerCut.report(world, cuts, t0, "the uncut write took " + writeTakes.toMillis() + " ms", spec.powerCuts().seed());
    }

    @Then("after every cut the DUT's configuration is whole, the old or the new")
    public void wholeAfterEveryCut() {
        List<SeededPowerCuts.Cut<ConfigurationCuts.Outcome>> bad = SeededPowerCuts.failures(cuts, ConfigurationCuts.WHOLE);
        NonConformity.require(bad.isEmpty(), "power cuts during a configuration write left the DUT without a whole configuration: "
                + bad.stream().map(SeededPowerCuts.Cut::describe).collect(Collectors.joining("; ")));
    }

    /** The configuration once the DUT is back; a local API that does not answer has no readable configuration. */
    private Optional<ConfigurationSnapshot> readAfterBoot() {
        try {
            world.boot().ensure(BootStrategy.State.NETWORK_UP);
            return config.read().configuration();
        } catch (DutNotReady | IOException e) {
            return Optional.empty();
        }
    }

    private ConfigurationApi api() {
        ConfigurationSpec spec = spec();
        LocalApi api = world.run().dut().localApi().orElseThrow();
        Map<String, String> passwords = ApiAccounts.passwords(api, world.rig().label());
        for (LocalApi.Endpoint e : List.of(spec.write(), spec.read())) {
            if (!e.isPublic() && !passwords.containsKey(e.access())) {
                throw new RigFault("the lab holds no credential for the API user '" + e.access() + "' that " + e.describe() + " needs");
            }
        }
        return new ConfigurationApi(spec, world.rig().network().dutPort(api.service().port()), api.service().tls(),
                e -> ApiAccounts.basicAuth(e, passwords), world.run().dut().timeouts().command());
    }

    private ConfigurationSpec spec() {
        return world.run().dut().configuration().orElseThrow(() -> new RigFault(
                "the IXIT (23-ResMech) has no 'configuration' section: how the DUT's configuration is written and read back"));
    }
}

package org.hil303.steps.run;

import java.net.InetAddress;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hil303.fixtures.cloud.CloudPki;
import org.hil303.fixtures.cloud.FakeCloud;
import org.hil303.fixtures.dut.CloudSpec;
import org.hil303.fixtures.dut.DutFile;
import org.hil303.fixtures.dut.IxitIncomplete;
import org.hil303.fixtures.publications.SiteAccess;
import org.hil303.fixtures.publications.TrustRoots;
import org.hil303.fixtures.publications.WebFetcher;
import org.hil303.fixtures.update.UpdatePki;
import org.hil303.fixtures.update.UpdateServer;
import org.hil303.fixtures.vendor.VendorSite;
import org.hil303.rigs.Rig;
import org.hil303.rigs.RigConfig;
import org.hil303.rigs.Rigs;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.base.Timeout;
import org.hil303.rigs.boot.BootStrategy;
import org.hil303.rigs.health.HealthCheck;
import org.hil303.rigs.virtual.RefdevImage;
import org.hil303.rigs.virtual.VirtualRig;

/**
 * The one owner of the rig for a whole run. The rig is opened when the first scenario needs it; if
 * opening fails, every scenario that needs it is INCONCLUSIVE with the same reason, without retrying.
 */
public final class HarnessRun implements AutoCloseable {
    private static volatile HarnessRun current;

    private final RigConfig rigConfig;
    private final DutFile dut;
    private final Path runDir;
    private final Optional<RefdevImage> image;
    private String rigId;
    private Optional<FaultInjector> injector = Optional.empty();
    private java.util.function.ToLongFunction<String> expectedMillis = provision -> 60_000;
    private Rig rig;
    private BootStrategy boot;
    private Accounts accounts;
    private RigFault openFailure;
    private WebFetcher fetcher;
    private volatile VendorSite vendorSite;
    private CloudPki cloudPki;
    private volatile FakeCloud cloud;
    private RigFault cloudFailure;
    private TransitCapture transit;
    private RigFault transitFailure;
    private long fuzzSeed;
    private org.hil303.fixtures.dut.FuzzBudget fuzzBudget;
    private UpdatePki updatePki;
    private volatile UpdateServer updateServer;

    public HarnessRun(RigConfig rigConfig, DutFile dut, Path runDir, Optional<RefdevImage> image) {
        this.rigConfig = rigConfig;
        this.dut = dut;
        this.runDir = runDir;
        this.image = image;
        this.rigId = rigConfig.name();
        // the verdict gate asks the rig what broke since a scenario began: nothing, until the rig is open
        org.hil303.steps.report.VerdictGate.watch(since -> openedRig()
                .map(r -> r.health().faultsSince(since).stream().map(org.hil303.rigs.health.FaultJournal.Entry::describe).toList())
                .orElse(List.of()));
    }

    /** The rig's name within the run (numbered when a run uses the same rig file several times). */
    public void rigId(String id) {
        rigId = id;
    }

    public String rigId() {
        return rigId;
    }

    /** Breaks the rig on purpose once per scenario (hil303 run --inject-faults). */
    public void injectFaults(FaultInjector faults, java.util.function.ToLongFunction<String> expectedScenarioMillis) {
        injector = Optional.of(faults);
        expectedMillis = expectedScenarioMillis;
    }

    public Optional<FaultInjector> injector() {
        return injector;
    }

    /** How long a scenario of this provision is expected to take (for placing an injected fault within it). */
    public java.time.Duration expectedScenario(String provision) {
        return java.time.Duration.ofMillis(expectedMillis.applyAsLong(provision));
    }

    /** The serial number of the unit on the rig, once the rig is open and the unit has a label. */
    public synchronized Optional<String> unitSerial() {
        return Optional.ofNullable(rig).flatMap(Rig::label).map(org.hil303.rigs.UnitLabel::serial);
    }

    public static void begin(HarnessRun run) {
        current = run;
    }

    /** The run in progress in this process, if any (a run's coordinator has none: its workers do). */
    public static Optional<HarnessRun> currentIfAny() {
        return Optional.ofNullable(current);
    }

    public static HarnessRun current() {
        HarnessRun r = current;
        if (r == null) {
            throw new IllegalStateException("no hil303 run in progress: start scenarios through `hil303 run`");
        }
        return r;
    }

    /** The seed of this run's fuzzers and their budget (the DUT file's unless the command line overrides it). */
    public void fuzzing(long seed, java.util.OptionalInt inputsPerTarget) {
        fuzzSeed = seed;
        fuzzBudget = inputsPerTarget.isPresent() ? dut.fuzz().withInputs(inputsPerTarget.getAsInt()) : dut.fuzz();
    }

    public long fuzzSeed() {
        return fuzzSeed;
    }

    public org.hil303.fixtures.dut.FuzzBudget fuzzBudget() {
        return fuzzBudget == null ? dut.fuzz() : fuzzBudget;
    }

    public DutFile dut() {
        return dut;
    }

    public RigConfig rigConfig() {
        return rigConfig;
    }

    public Path runDir() {
        return runDir;
    }

    public synchronized Rig rig() {
        if (openFailure != null) {
            throw openFailure;
        }
        if (rig == null) {
            try {
                Optional<VirtualRig.Dut> virtual = image.map(img -> {
                    DutFile.Refdev r = dut.refdev().orElseThrow(() ->
                            new RigFault("the DUT file " + dut.file() + " has no 'virtual.profile': it cannot run on the virtual rig"));
                    Map<String, Path> provisioned = new HashMap<>(cloudProvisioning());
                    provisioned.putAll(updateProvisioning());
                    return new VirtualRig.Dut(img, r.profile(), r.flaws(), provisioned);
                });
                rig = Rigs.open(rigConfig, runDir, virtual);
                // the services the rig plays are parts of the rig: one that stops listening is the rig's fault
                rig.health().add(new HealthCheck("fake cloud", () -> cloud == null ? Optional.empty() : cloud.problem()));
                rig.health().add(new HealthCheck("update server", () -> updateServer == null ? Optional.empty() : updateServer.problem()));
                rig.health().add(new HealthCheck("vendor site", () -> vendorSite == null ? Optional.empty() : vendorSite.problem()));
                startCloud();
            } catch (RigFault e) {
                openFailure = new RigFault("rig '" + rigConfig.name() + "' could not be opened: " + e.getMessage(), e);
                throw openFailure;
            }
        }
        return rig;
    }

    /**
     * The test CA and token of the fake cloud are made before the unit leaves the factory: on the
     * virtual rig they are provisioned into it like its label; otherwise the lab installs the CA
     * written to the run folder.
     */
    private Map<String, Path> cloudProvisioning() {
        Optional<CloudSpec> spec = dut.cloud();
        if (spec.isEmpty()) {
            return Map.of();
        }
        cloudPki = new CloudPki(spec.get().hosts());
        Map<String, Path> files = cloudPki.writeProvisioning(runDir.resolve("cloud"));
        return spec.get().trustAnchor() == CloudSpec.TrustAnchorDelivery.PROVISIONED ? files : Map.of();
    }

    /** The update server's CA and the vendor's update key go into the unit at the factory, like the cloud's CA. */
    private Map<String, Path> updateProvisioning() {
        return dut.update().map(u -> {
            updatePki = new UpdatePki(u.host());
            // the supplier's images verify only with the supplier's key: the unit trusts that one instead of the run's
            return u.supplied().map(s -> updatePki.writeProvisioning(runDir.resolve("update"), s.vendorKeyPem()))
                    .orElseGet(() -> updatePki.writeProvisioning(runDir.resolve("update")));
        }).orElse(Map.of());
    }

    /** The DUT's update server as the rig plays it (7-UpdMech), started when a scenario first needs it. */
    public synchronized UpdateServer updateServer() {
        var spec = dut.update().orElseThrow(() -> new IxitIncomplete(
                "the IXIT declares no 'update' (7-UpdMech): the harness does not know how the DUT fetches its updates"));
        rig();
        if (updatePki == null) {
            throw new RigFault("the update server's keys go into the unit at the factory: only the virtual rig's reference device has them yet");
        }
        if (updateServer == null) {
            updateServer = new UpdateServer(updatePki, rigConfig.network().harnessAddress(), spec.port());
        }
        return updateServer;
    }

    public synchronized Optional<UpdatePki> updatePki() {
        return Optional.ofNullable(updatePki);
    }

    /** A fake cloud that cannot listen makes only the scenarios that need it INCONCLUSIVE. */
    private void startCloud() {
        Optional<CloudSpec> spec = dut.cloud();
        if (spec.isEmpty()) {
            return;
        }
        if (cloudPki == null) {
            cloudPki = new CloudPki(spec.get().hosts());
            cloudPki.writeProvisioning(runDir.resolve("cloud"));
        }
        try {
            cloud = new FakeCloud(cloudPki, rigConfig.network().harnessAddress(), spec.get().port(), FakeCloud.CLEAR_PORT);
        } catch (RigFault e) {
            cloudFailure = e;
        }
    }

    /**
     * A fake cloud that stopped listening (its port taken by another process) started again on the same
     * port with the same keys, so that the next scenario meets a working rig; a failure stays recorded.
     */
    public synchronized void restartCloud() {
        if (cloud == null || cloud.problem().isEmpty()) {
            return;
        }
        cloud.close();
        cloud = null;
        cloudFailure = null;
        startCloud();
    }

    /** The DUT's cloud service as the rig plays it, once the rig is open. */
    public synchronized FakeCloud cloud() {
        if (dut.cloud().isEmpty()) {
            throw new IxitIncomplete("the IXIT declares no 'cloud' (11-ComMech): the harness does not know which cloud the DUT talks to");
        }
        rig();
        if (cloudFailure != null) {
            throw cloudFailure;
        }
        return cloud;
    }

    /** The DUT's traffic captured once per run while it talks to its cloud with planted markers (5.5-6, 5.5-7, 5.8-1, 5.8-2). */
    public synchronized TransitCapture transit(java.util.function.Supplier<TransitCapture> capture) {
        if (transitFailure != null) {
            throw transitFailure; // one failed capture is not retried by every test case that reads it
        }
        if (transit == null) {
            try {
                transit = capture.get();
            } catch (RigFault e) {
                transitFailure = e;
                throw e;
            }
        }
        return transit;
    }

    public synchronized Optional<Rig> openedRig() {
        return Optional.ofNullable(rig);
    }

    public synchronized BootStrategy boot() {
        if (boot == null) {
            boot = new BootStrategy(rig(), dut.boot());
        }
        return boot;
    }

    public synchronized Accounts accounts() {
        if (accounts == null) {
            accounts = Accounts.fromFactory(dut, rig().label());
        }
        return accounts;
    }

    /**
     * Reads a manufacturer's published pages. On the virtual rig, the reference device's vendor site
     * is played on the rig network (started here, once the rig and its network are up).
     */
    public synchronized WebFetcher webFetcher() {
        if (fetcher == null) {
            Map<String, InetAddress> played = new HashMap<>();
            List<X509Certificate> anchors = new ArrayList<>();
            Optional<String> site = image.flatMap(i -> dut.refdev()).flatMap(DutFile.Refdev::vendorSite);
            if (site.isPresent()) {
                rig();
                InetAddress at = rigConfig.network().harnessAddress();
                vendorSite = VendorSite.start(site.get(), dut.refdev().get().profile(), at);
                played.put(site.get(), at);
                anchors.add(vendorSite.trustAnchor());
            }
            fetcher = new WebFetcher(new SiteAccess(played, rigConfig.network().allowed(), rigConfig.network().publicSites()),
                    TrustRoots.systemPlus(anchors), Timeout.of("page fetch (20 s, fixed)", Duration.ofSeconds(20)));
        }
        return fetcher;
    }

    public synchronized Optional<VendorSite> vendorSite() {
        return Optional.ofNullable(vendorSite);
    }

    @Override
    public synchronized void close() {
        injector.ifPresent(FaultInjector::close);
        if (fetcher != null) {
            fetcher.close();
        }
        if (vendorSite != null) {
            vendorSite.close();
        }
        if (cloud != null) {
            cloud.close();
        }
        if (updateServer != null) {
            updateServer.close();
        }
        if (rig != null) {
            rig.close();
        }
    }
}

package org.hil303.steps.run;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.hil303.fixtures.cloud.CloudRequest;
import org.hil303.fixtures.cloud.FakeCloud;
import org.hil303.fixtures.dut.CredentialSource;
import org.hil303.fixtures.dut.IxitIncomplete;
import org.hil303.fixtures.dut.LoginSurfaceSpec;
import org.hil303.fixtures.dut.ServiceSpec;
import org.hil303.fixtures.dut.SurfaceKind;
import org.hil303.fixtures.lifecycle.ConsoleShell;
import org.hil303.fixtures.units.IdentityProbes;
import org.hil303.fixtures.units.StorageSecrets;
import org.hil303.fixtures.units.UnitFacts;
import org.hil303.fixtures.units.UnitIdentity;
import org.hil303.rigs.UnitLabel;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.base.Timeout;
import org.hil303.rigs.boot.BootStrategy;
import org.hil303.rigs.console.ReportText;
import org.hil303.rigs.storage.RawStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At the end of a rig's share of a run, what the cross-unit test cases need of its unit: the label
 * and pre-installed password (5.1-2), what it shows its peers (5.4-4: SSH host keys, TLS server keys,
 * its cloud credential as the fake cloud saw it, identities the IXIT names), and the key material in
 * its raw storage (5.4-3). What cannot be had is noted as a gap, which makes the test cases that need
 * it INCONCLUSIVE rather than blind.
 */
public final class UnitSurvey {
    private static final Logger LOG = LoggerFactory.getLogger(UnitSurvey.class);

    private UnitSurvey() {}

    public static UnitFacts collect(HarnessRun run, Consumer<String> progress) {
        List<String> gaps = new ArrayList<>();
        UnitLabel label = run.rig().label().orElse(new UnitLabel("", ""));
        String[] pw = preinstalled(run, label);
        List<UnitIdentity> identities = new ArrayList<>();
        try {
            run.boot().ensure(BootStrategy.State.NETWORK_UP);
            identities.addAll(network(run, gaps));
            identities.addAll(cloud(run, gaps));
            identities.addAll(console(run, gaps));
        } catch (RigFault | IxitIncomplete e) {
            gaps.add("the unit could not be brought up to read its identities: " + e.getMessage());
        }
        List<UnitIdentity> storage = List.of();
        String storageGap = "";
        try {
            RawStorage raw = UnitAccess.storage(run, Optional.empty(), progress);
            UnitAccess.prepare(run, raw);
            progress.accept("searching " + raw.describe() + " for private keys and password hashes");
            storage = StorageSecrets.in(raw);
        } catch (RigFault | IxitIncomplete e) {
            storageGap = "its raw storage could not be read: " + e.getMessage();
        }
        String mac = label.printed().getOrDefault("mac", "");
        Map<String, String> printed = new LinkedHashMap<>(label.fields());
        if (!mac.isEmpty()) {
            printed.put("mac", mac);
        }
        return new UnitFacts(run.rigId(), label.serial(), pw[0], pw[1], printed, identities, gaps, storage, storageGap);
    }

    /** The password the unit leaves the factory with, and where it comes from (1-AuthMech). */
    private static String[] preinstalled(HarnessRun run, UnitLabel label) {
        for (LoginSurfaceSpec s : run.dut().loginSurfaces()) {
            if (s.credential() instanceof CredentialSource.Label) {
                return new String[] {label.password(), "label"};
            }
        }
        for (LoginSurfaceSpec s : run.dut().loginSurfaces()) {
            if (s.credential() instanceof CredentialSource.Fixed f) {
                return new String[] {f.password(), "fixed"};
            }
        }
        return new String[] {"", "none"};
    }

    private static List<UnitIdentity> network(HarnessRun run, List<String> gaps) {
        Timeout t = Timeout.of("identity probe (the DUT file's timeouts.network)", run.dut().boot().network().duration());
        List<UnitIdentity> out = new ArrayList<>();
        Set<Integer> sshPorts = new LinkedHashSet<>();
        run.dut().loginSurfaces().stream().filter(s -> s.kind() == SurfaceKind.SSH).forEach(s -> sshPorts.add(s.port().orElse(22)));
        for (int port : sshPorts) {
            try {
                out.addAll(IdentityProbes.sshHostKeys(run.rig().network().dutPort(port), t));
            } catch (RigFault | IxitIncomplete e) {
                gaps.add(e.getMessage());
            }
        }
        for (ServiceSpec s : run.dut().services()) {
            if (s.tls()) {
                try {
                    InetSocketAddress target = run.rig().network().dutPort(s.port());
                    out.add(IdentityProbes.tlsServerKey(target, t));
                } catch (RigFault | IxitIncomplete e) {
                    gaps.add(e.getMessage());
                }
            }
        }
        return out;
    }

    /** The credential the unit presents to its cloud, as the rig's fake cloud received it. */
    private static List<UnitIdentity> cloud(HarnessRun run, List<String> gaps) {
        if (run.dut().cloud().isEmpty()) {
            return List.of();
        }
        Duration within = run.dut().cloud().get().contactWithin().multipliedBy(2);
        try {
            FakeCloud cloud = run.cloud();
            cloud.awaitRequests(rs -> rs.stream().anyMatch(r -> !r.credential().isEmpty()),
                    Timeout.of("cloud contact (twice the IXIT's cloud.contact-within)", within));
            Set<String> seen = new LinkedHashSet<>();
            for (CloudRequest r : cloud.requests()) {
                if (!r.credential().isEmpty()) {
                    seen.add(r.credential());
                }
            }
            if (seen.isEmpty()) {
                gaps.add("the fake cloud received no request with a credential from the unit within " + within.toSeconds() + " s");
            }
            return seen.stream().map(f -> new UnitIdentity("cloud credential", "Authorization header to its cloud", f)).toList();
        } catch (RigFault | IxitIncomplete e) {
            gaps.add("its cloud credential could not be seen: " + e.getMessage());
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            gaps.add("interrupted while waiting for the unit to contact its cloud");
            return List.of();
        }
    }

    /** The identities the IXIT says a unit prints on its console (10-SecParam per-unit), each kept as a fingerprint. */
    private static List<UnitIdentity> console(HarnessRun run, List<String> gaps) {
        var perUnit = run.dut().securityParameters().perUnit();
        if (perUnit.isEmpty()) {
            return List.of();
        }
        List<UnitIdentity> out = new ArrayList<>();
        try (ConsoleShell shell = UnitAccess.shell(run, run.dut().timeouts().command())) {
            for (var p : perUnit) {
                ConsoleShell.Output o = shell.run(p.command());
                String text = o.text().strip();
                if (o.status() != 0 || text.isEmpty()) {
                    gaps.add("'" + p.command() + "' (" + p.name() + ") printed nothing usable on the console (status " + o.status() + "): "
                            + ReportText.oneLine(text, 200));
                } else {
                    out.add(new UnitIdentity(p.name(), "console: " + p.command(), IdentityProbes.fingerprint(text)));
                }
            }
        } catch (RigFault | IxitIncomplete e) {
            gaps.add("the identities the IXIT names could not be read on the console: " + e.getMessage());
        }
        LOG.debug("console identities: {}", out);
        return out;
    }
}

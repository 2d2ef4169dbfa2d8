package org.hil303.rigs.virtual;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.network.EphemeralPorts;
import org.hil303.rigs.network.Uplink;

/**
 * The virtual rig's uplink: the fake cloud lives on the harness's own address, so cutting it means
 * dropping, inside the namespace, every packet with which the device starts or continues a
 * connection of its own: TCP and UDP from its tap to any port below the namespace's ephemeral
 * range, where every harness service listens (policy-routing blackhole rules: no answer and no
 * refusal, as on a dead link). The answers to the harness's own connections go to ephemeral ports
 * and pass, so the local API stays reachable. The rules must come before the kernel's local
 * table, which is therefore moved behind them once.
 */
final class NamespaceUplink implements Uplink {
    private static final int CUT_PREF = 100;
    private static final int LOCAL_PREF = 200;

    private final String tap;
    private boolean cut;
    private String services = "";

    NamespaceUplink(String tap) {
        this.tap = tap;
    }

    @Override
    public synchronized void cut() {
        if (cut) {
            return;
        }
        if (!NetworkNamespace.entered()) {
            throw new RigFault("the virtual rig cuts the uplink only inside its own network namespace; start it through `hil303 run`");
        }
        if (!run("ip", "rule", "show").contains(LOCAL_PREF + ":")) {
            run("ip", "rule", "add", "pref", String.valueOf(LOCAL_PREF), "lookup", "local");
            run("ip", "rule", "del", "pref", "0", "lookup", "local");
        }
        services = "1-" + (EphemeralPorts.first() - 1);
        for (String proto : List.of("tcp", "udp")) {
            run("ip", "rule", "add", "pref", String.valueOf(CUT_PREF), "iif", tap, "ipproto", proto, "dport", services, "blackhole");
        }
        cut = true;
    }

    @Override
    public synchronized void restore() {
        while (run("ip", "rule", "show").contains(CUT_PREF + ":")) {
            run("ip", "rule", "del", "pref", String.valueOf(CUT_PREF));
        }
        cut = false;
    }

    @Override
    public synchronized String describe() {
        if (services.isEmpty()) {
            services = "1-" + (EphemeralPorts.first() - 1);
        }
        return "TCP and UDP from " + tap + " to the harness's service ports (" + services + ") blackholed in the rig's network namespace; answers to the harness's own connections pass";
    }

    private static String run(String... cmd) {
        try {
            Process p = new ProcessBuilder(new ArrayList<>(List.of(cmd))).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() != 0) {
                throw new RigFault("`" + String.join(" ", cmd) + "` failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new RigFault("cannot run " + cmd[0] + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RigFault("interrupted while switching the uplink");
        }
    }
}

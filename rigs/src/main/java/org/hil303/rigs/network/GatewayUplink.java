package org.hil303.rigs.network;

import java.time.Duration;
import java.util.List;
import java.util.function.IntSupplier;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.base.Timeout;
import org.hil303.rigs.host.HostCommands;

/**
 * The uplink of a DUT whose gateway is the Pi. The fake cloud and every other service the DUT
 * reaches live on the Pi, so a cut with {@code nft} drops, on the DUT's link, what the DUT starts
 * itself: TCP and UDP to the Pi's ports below the ephemeral range, and anything the Pi would route
 * on. The answers to the harness's own connections go to ephemeral ports and pass, so the local API
 * stays reachable. {@code link-down} takes down an interface that carries only the uplink instead.
 * The rules live in a table of their own, so restoring removes exactly what the cut added.
 */
public final class GatewayUplink implements Uplink {
    static final String TABLE = "hil303_uplink";
    private static final Timeout COMMAND = Timeout.of("uplink switching command", Duration.ofSeconds(10));

    private final UplinkConfig config;
    private final HostCommands host;
    private final IntSupplier firstEphemeralPort;

    public GatewayUplink(UplinkConfig config, HostCommands host) {
        this(config, host, EphemeralPorts::first);
    }

    GatewayUplink(UplinkConfig config, HostCommands host, IntSupplier firstEphemeralPort) {
        this.config = config;
        this.host = host;
        this.firstEphemeralPort = firstEphemeralPort;
    }

    @Override
    public synchronized void cut() {
        switch (config.method()) {
            case NFT -> {
                requireTool("nft", "nftables");
                removeTable();
                host.run(List.of("nft", "-f", "-"), ruleset(), COMMAND);
            }
            case LINK_DOWN -> {
                requireTool("ip", "iproute2");
                host.run(List.of("ip", "link", "set", "dev", config.iface(), "down"), "", COMMAND);
            }
        }
    }

    @Override
    public synchronized void restore() {
        switch (config.method()) {
            case NFT -> removeTable();
            case LINK_DOWN -> host.run(List.of("ip", "link", "set", "dev", config.iface(), "up"), "", COMMAND);
        }
    }

    @Override
    public String describe() {
        return switch (config.method()) {
            case NFT -> "nftables table inet " + TABLE + " on " + config.iface() + ": TCP and UDP from the DUT to the rig's service ports (1-"
                    + (firstEphemeralPort.getAsInt() - 1) + ") and everything forwarded to or from " + config.iface()
                    + " dropped; answers to the harness's own connections pass";
            case LINK_DOWN -> "interface " + config.iface() + " (the DUT's uplink) taken down with ip link";
        };
    }

    /** The table that cuts the uplink, in nft's own syntax, read from standard input. */
    String ruleset() {
        String dev = "\"" + config.iface() + "\"";
        int services = firstEphemeralPort.getAsInt() - 1;
        return "table inet " + TABLE + " {\n"
                + "  chain input {\n"
                + "    type filter hook input priority filter - 10; policy accept;\n"
                + "    iifname " + dev + " meta l4proto { tcp, udp } th dport 1-" + services + " drop\n"
                + "  }\n"
                + "  chain forward {\n"
                + "    type filter hook forward priority filter - 10; policy accept;\n"
                + "    iifname " + dev + " drop\n"
                + "    oifname " + dev + " drop\n"
                + "  }\n"
                + "}\n";
    }

    private void removeTable() {
        if (host.run(List.of("nft", "list", "tables"), "", COMMAND).lines().anyMatch(l -> l.strip().equals("table inet " + TABLE))) {
            host.run(List.of("nft", "delete", "table", "inet", TABLE), "", COMMAND);
        }
    }

    private void requireTool(String tool, String debianPackage) {
        if (!host.available(tool)) {
            throw new RigFault("the rig cuts the DUT's uplink with " + tool + ", which is not installed on the rig: "
                    + "sudo apt-get install " + debianPackage);
        }
    }
}

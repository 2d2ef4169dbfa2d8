package org.hil303.rigs.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hil303.rigs.base.Timeout;
import org.hil303.rigs.host.HostCommands;
import org.hil303.rigs.host.ProcessCommands;
import org.hil303.rigs.virtual.Tools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The nft cut for real: a "Pi" and a "DUT" in two private network namespaces joined by a veth pair
 * (198.18.0.1 and .2, nothing else reachable). A port with no listener answers a connection with a
 * reset at once, so "refused" means the path is there and a timeout means it is cut. Needs root,
 * nft (nftables), unshare and nsenter; skipped without them.
 */
class GatewayUplinkNamespaceTest {
    private final List<Process> namespaces = new ArrayList<>();

    @Test
    void the_cut_drops_what_the_dut_starts_and_lets_the_harness_reach_the_dut() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root for network namespaces");
        for (String tool : List.of("nft", "unshare", "nsenter", "ip", "timeout", "bash")) {
            assumeTrue(Tools.onPath(tool), tool + " is not installed");
        }
        long pi = namespace();
        long dut = namespace();
        sh(pi, "ip link set lo up && ip link add eth1 type veth peer name dut0 netns " + dut
                + " && ip addr add 198.18.0.1/24 dev eth1 && ip link set eth1 up");
        sh(dut, "ip link set lo up && ip addr add 198.18.0.2/24 dev dut0 && ip link set dut0 up");
        assertThat(connect(dut, "198.18.0.1", 8443)).as("the DUT reaches its cloud's port on the Pi").isEqualTo("refused");

        GatewayUplink uplink = new GatewayUplink(new UplinkConfig(UplinkConfig.Method.NFT, "eth1"), inNamespace(pi), () -> 32768);
        uplink.cut();
        assertThat(connect(dut, "198.18.0.1", 8443)).as("the DUT's connection to its cloud during the cut").isEqualTo("no answer");
        assertThat(connect(dut, "198.18.0.1", 53)).as("DNS on the Pi during the cut").isEqualTo("no answer");
        assertThat(connect(pi, "198.18.0.2", 443)).as("the harness reaches the DUT's local API during the cut").isEqualTo("refused");
        uplink.cut(); // twice: still one table
        assertThat(sh(pi, "nft list tables")).containsOnlyOnce("hil303_uplink");

        uplink.restore();
        assertThat(connect(dut, "198.18.0.1", 8443)).as("after the restore").isEqualTo("refused");
        assertThat(sh(pi, "nft list tables")).doesNotContain("hil303_uplink");
    }

    @AfterEach
    void end() {
        namespaces.forEach(Process::destroyForcibly);
    }

    /**
     * A process in a new network namespace, used only once it says it is there: entering it before
     * unshare has run would set up the host's own network.
     */
    private long namespace() throws IOException {
        Process p = new ProcessBuilder("unshare", "-n", "sh", "-c", "echo ready; exec sleep 120").start();
        namespaces.add(p);
        String first = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        assertThat(first).as("unshare -n started").isEqualTo("ready");
        assertThat(java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc", String.valueOf(p.pid()), "ns", "net")))
                .as("a network namespace of its own").isNotEqualTo(java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/ns/net")));
        return p.pid();
    }

    /** Runs the driver's commands inside the "Pi" namespace. */
    private static HostCommands inNamespace(long pid) {
        ProcessCommands host = new ProcessCommands();
        return new HostCommands() {
            @Override
            public String run(List<String> command, String input, Timeout timeout) {
                List<String> in = new ArrayList<>(List.of("nsenter", "-t", String.valueOf(pid), "-n"));
                in.addAll(command);
                return host.run(in, input, timeout);
            }

            @Override
            public boolean available(String program) {
                return host.available(program);
            }
        };
    }

    private static String connect(long from, String address, int port) throws Exception {
        Process p = new ProcessBuilder("nsenter", "-t", String.valueOf(from), "-n", "timeout", "2", "bash", "-c",
                "exec 3<>/dev/tcp/" + address + "/" + port).redirectErrorStream(true).start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() == 124) {
            return "no answer";
        }
        // a reset from the far end, not an unreachable network or any other error
        return said.contains("Connection refused") ? "refused" : "exit " + p.exitValue() + ": " + said.strip();
    }

    private static String sh(long pid, String script) {
        return new ProcessCommands().run(List.of("nsenter", "-t", String.valueOf(pid), "-n", "sh", "-c", script), "",
                Timeout.of("namespace setup", Duration.ofSeconds(10)));
    }
}

package org.hil303.rigs.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.base.Timeout;
import org.junit.jupiter.api.Test;

class NetworkPathTest {
    private static final InetAddress LOOPBACK = Subnet.ipv4("127.0.0.1");

    private static NetworkPath labPath() {
        return new NetworkPath(Subnet.ipv4("198.18.0.2"), Subnet.parse("198.18.0.0/15"));
    }

    @Test
    void target_inside_the_dut_network() {
        InetSocketAddress a = labPath().target(Subnet.ipv4("198.19.1.1"), 22);
        assertThat(a.getAddress().getHostAddress()).isEqualTo("198.19.1.1");
        assertThat(a.getPort()).isEqualTo(22);
        assertThat(labPath().dutPort(80)).isEqualTo(new InetSocketAddress(Subnet.ipv4("198.18.0.2"), 80));
    }

    @Test
    void refuses_addresses_outside_the_dut_network() {
        NetworkPath path = labPath();
        for (String outside : new String[] {"8.8.8.8", "1.1.1.1", "198.20.0.1", "127.0.0.1", "10.0.0.1"}) {
            assertThatThrownBy(() -> path.target(Subnet.ipv4(outside), 53)).isInstanceOf(RigFault.class)
                    .hasMessageContaining("refusing to contact " + outside).hasMessageContaining("198.18.0.0/15");
        }
    }

    @Test
    void refuses_ipv6_targets() throws Exception {
        InetAddress v6 = InetAddress.getByAddress(new byte[16]);
        assertThatThrownBy(() -> labPath().target(v6, 53)).isInstanceOf(RigFault.class);
    }

    @Test
    void refuses_ports_out_of_range() {
        assertThatThrownBy(() -> labPath().dutPort(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> labPath().dutPort(65536)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dut_must_be_inside_the_allowed_network() {
        assertThatThrownBy(() -> new NetworkPath(Subnet.ipv4("8.8.8.8"), Subnet.parse("198.18.0.0/15")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8.8.8.8");
    }

    @Test
    void await_port_gives_up_after_its_timeout_on_an_unused_port() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            port = s.getLocalPort(); // closed again: nothing listens there now
        }
        NetworkPath path = new NetworkPath(LOOPBACK, Subnet.parse("127.0.0.0/8"));
        long t0 = System.nanoTime();
        boolean up = path.awaitPort(port, Timeout.of("network", Duration.ofMillis(600)));
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertThat(up).isFalse();
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(550)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void await_port_sees_a_listening_port() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 10, LOOPBACK)) {
            NetworkPath path = new NetworkPath(LOOPBACK, Subnet.parse("127.0.0.0/8"));
            long t0 = System.nanoTime();
            assertThat(path.awaitPort(s.getLocalPort(), Timeout.of("network", Duration.ofSeconds(5)))).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void await_port_sees_a_port_that_opens_while_waiting() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, LOOPBACK)) {
            port = probe.getLocalPort();
        }
        NetworkPath path = new NetworkPath(LOOPBACK, Subnet.parse("127.0.0.0/8"));
        var result = new java.util.concurrent.CompletableFuture<Boolean>();
        Thread waiter = new Thread(() -> result.complete(path.awaitPort(port, Timeout.of("network", Duration.ofSeconds(10)))));
        waiter.start();
        // let it fail at least once (a refused attempt paces itself for 200 ms)
        org.hil303.rigs.Eventually.await("the waiter to be pacing between attempts", Duration.ofSeconds(5),
                () -> waiter.getState() == Thread.State.TIMED_WAITING);
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(LOOPBACK, port));
            assertThat(result.get(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
    }
}

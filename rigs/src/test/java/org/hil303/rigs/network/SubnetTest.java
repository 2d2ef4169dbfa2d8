package org.hil303.rigs.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubnetTest {
    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByAddress(parseBytes(s));
    }

    private static byte[] parseBytes(String s) {
        String[] p = s.split("\\.");
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            b[i] = (byte) Integer.parseInt(p[i]);
        }
        return b;
    }

    @Test
    void parses_and_contains() throws Exception {
        Subnet s = Subnet.parse("198.18.0.0/15");
        assertThat(s.prefix()).isEqualTo(15);
        assertThat(s.toString()).isEqualTo("198.18.0.0/15");
        assertThat(s.contains(ip("198.18.0.2"))).isTrue();
        assertThat(s.contains(ip("198.18.0.0"))).isTrue();
        assertThat(s.contains(ip("198.19.255.255"))).isTrue();
        assertThat(s.contains(ip("198.20.0.0"))).isFalse();
        assertThat(s.contains(ip("198.17.255.255"))).isFalse();
        assertThat(s.contains(ip("8.8.8.8"))).isFalse();
        assertThat(s.contains(ip("10.0.0.1"))).isFalse();
    }

    @Test
    void host_bits_are_masked_off() throws Exception {
        Subnet s = Subnet.parse(" 198.19.7.9/15 ");
        assertThat(s).isEqualTo(Subnet.parse("198.18.0.0/15"));
        assertThat(s.toString()).isEqualTo("198.18.0.0/15");
    }

    @Test
    void extreme_prefixes() throws Exception {
        Subnet all = Subnet.parse("0.0.0.0/0");
        assertThat(all.contains(ip("8.8.8.8"))).isTrue();
        assertThat(all.contains(ip("255.255.255.255"))).isTrue();
        Subnet one = Subnet.parse("198.18.0.2/32");
        assertThat(one.contains(ip("198.18.0.2"))).isTrue();
        assertThat(one.contains(ip("198.18.0.3"))).isFalse();
        Subnet high = Subnet.parse("240.0.0.0/4");
        assertThat(high.contains(ip("255.1.2.3"))).isTrue();
        assertThat(high.contains(ip("127.0.0.1"))).isFalse();
        assertThat(high.toString()).isEqualTo("240.0.0.0/4");
    }

    @Test
    void ipv6_addresses_are_never_inside() throws Exception {
        Subnet all = Subnet.parse("0.0.0.0/0");
        assertThat(all.contains(InetAddress.getByName("::1"))).isFalse();
        assertThat(all.contains(InetAddress.getByName("2001:db8::1"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"198.18.0.0", "198.18.0.0/", "198.18.0.0/33", "198.18.0.0/-1", "198.18.0.0/x", "198.18.0.0/15/2",
            "::1/128"})
    void bad_prefixes_are_refused(String cidr) {
        assertThatThrownBy(() -> Subnet.parse(cidr)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(cidr);
        assertThatThrownBy(() -> Subnet.parse("/15")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost/8", "dut.example/24", "example.com/32", "0x7f.0.0.1/8", "198.18.0/15", "198.18.0.0.1/15"})
    void hostnames_and_odd_literals_are_refused(String cidr) {
        assertThatThrownBy(() -> Subnet.parse(cidr)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("IPv4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.0.0.1", "999.1.1.1", "1.2.3.300", "localhost", "dut.example"})
    void ipv4_refuses_anything_but_a_valid_literal(String s) {
        assertThatThrownBy(() -> Subnet.ipv4(s)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(s);
    }

    @Test
    void ipv4_accepts_literals() throws Exception {
        assertThat(Subnet.ipv4(" 198.18.0.2 ")).isEqualTo(ip("198.18.0.2"));
        assertThat(Subnet.ipv4("255.255.255.255")).isEqualTo(ip("255.255.255.255"));
        assertThat(Subnet.ipv4("0.0.0.0")).isEqualTo(ip("0.0.0.0"));
    }

    /**
     * Proves that no name resolution happens: a child JVM resolves names only from a hosts file
     * that maps the tricky strings to an address inside the allowed network. If Subnet handed any of
     * them to the resolver, it would come back as a valid address instead of being refused. The
     * control name shows the hosts file really is in effect in the child.
     */
    @Test
    void never_asks_the_resolver(@TempDir Path dir) throws Exception {
        Path hosts = dir.resolve("hosts");
        Files.writeString(hosts, """
                198.18.0.5 999.1.1.1
                198.18.0.6 256.0.0.1
                198.18.0.7 dut.example
                198.18.0.8 resolver-control.example
                """);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Djdk.net.hosts.file=" + hosts);
        cmd.add("-cp");
        cmd.add(classpathOf(Subnet.class) + File.pathSeparator + classpathOf(SubnetDnsProbe.class));
        cmd.add(SubnetDnsProbe.class.getName());
        cmd.addAll(List.of("999.1.1.1", "256.0.0.1", "dut.example", "999.1.1.1/24", "dut.example/24"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("control resolver-control.example -> 198.18.0.8");
        assertThat(out).contains("999.1.1.1 refused", "256.0.0.1 refused", "dut.example refused", "999.1.1.1/24 refused",
                "dut.example/24 refused");
        assertThat(out).doesNotContain("accepted");
    }

    private static String classpathOf(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}

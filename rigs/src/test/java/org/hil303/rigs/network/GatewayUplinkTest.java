package org.hil303.rigs.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.host.FakeHostCommands;
import org.junit.jupiter.api.Test;

class GatewayUplinkTest {
    private final FakeHostCommands host = new FakeHostCommands();

    @Test
    void nft_cut_loads_one_table_that_drops_what_the_dut_starts_and_restore_deletes_it() {
        GatewayUplink uplink = new GatewayUplink(new UplinkConfig(UplinkConfig.Method.NFT, "eth1"), host, () -> 32768);
        uplink.cut();
        assertThat(host.ran).containsExactly("nft list tables", "nft -f -");
        String rules = host.inputs.get(1);
        assertThat(rules).startsWith("table inet hil303_uplink {")
                .contains("type filter hook input priority filter - 10; policy accept;")
                .contains("iifname \"eth1\" meta l4proto { tcp, udp } th dport 1-32767 drop")
                .contains("type filter hook forward priority filter - 10; policy accept;")
                .contains("iifname \"eth1\" drop").contains("oifname \"eth1\" drop");
        assertThat(rules).as("answers to the harness's own connections (ephemeral ports) pass").doesNotContain("32768");

        host.ran.clear();
        host.answers.put("nft list tables", "table inet filter\ntable inet hil303_uplink\n");
        uplink.restore();
        assertThat(host.ran).containsExactly("nft list tables", "nft delete table inet hil303_uplink");
    }

    @Test
    void a_table_left_by_a_killed_run_is_replaced_not_doubled() {
        host.answers.put("nft list tables", "table inet hil303_uplink");
        new GatewayUplink(new UplinkConfig(UplinkConfig.Method.NFT, "eth1"), host, () -> 32768).cut();
        assertThat(host.ran).containsExactly("nft list tables", "nft delete table inet hil303_uplink", "nft -f -");
    }

    @Test
    void restore_when_nothing_was_cut_changes_nothing() {
        new GatewayUplink(new UplinkConfig(UplinkConfig.Method.NFT, "eth1"), host, () -> 32768).restore();
        assertThat(host.ran).containsExactly("nft list tables");
    }

    @Test
    void link_down_takes_the_uplink_interface_down_and_up() {
        GatewayUplink uplink = new GatewayUplink(new UplinkConfig(UplinkConfig.Method.LINK_DOWN, "wlan0"), host, () -> 32768);
        uplink.cut();
        uplink.restore();
        assertThat(host.ran).containsExactly("ip link set dev wlan0 down", "ip link set dev wlan0 up");
        assertThat(uplink.describe()).contains("wlan0").contains("taken down");
    }

    @Test
    void missing_nft_says_what_to_install() {
        host.missing.add("nft");
        GatewayUplink uplink = new GatewayUplink(new UplinkConfig(UplinkConfig.Method.NFT, "eth1"), host, () -> 32768);
        assertThatThrownBy(uplink::cut).isInstanceOf(RigFault.class).hasMessageContaining("nft").hasMessageContaining("apt-get install nftables");
        assertThat(host.ran).isEmpty();
    }

    @Test
    void a_refused_rule_set_is_a_rig_fault() {
        host.failing.add("nft -f -");
        GatewayUplink uplink = new GatewayUplink(new UplinkConfig(UplinkConfig.Method.NFT, "eth1"), host, () -> 32768);
        assertThatThrownBy(uplink::cut).isInstanceOf(RigFault.class).hasMessageContaining("nft -f -");
    }

    @Test
    void describe_names_the_interface_and_the_ports_dropped() {
        assertThat(new GatewayUplink(new UplinkConfig(UplinkConfig.Method.NFT, "eth1"), host, () -> 40000).describe())
                .contains("eth1").contains("1-39999").contains("answers to the harness's own connections pass");
    }
}

package org.hil303.rigs;

import static org.hil303.rigs.RigFiles.error;
import static org.hil303.rigs.RigFiles.lineOf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.hil303.rigs.config.ConfigException;
import org.hil303.rigs.gpio.Pi4jGpio;
import org.hil303.rigs.network.Subnet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RigConfigTest {
    /** Surefire runs in the module folder; the rig files sit next to the pom. */
    private static final Path VIRTUAL = Path.of("virtual.yaml");
    private static final Path PI = Path.of("pi-example.yaml");

    @TempDir
    Path dir;

    @Test
    void virtual_rig_file_loads() {
        RigConfig c = RigConfig.read(VIRTUAL);
        assertThat(c.name()).isEqualTo("virtual");
        assertThat(c.kind()).isEqualTo(RigConfig.Kind.VIRTUAL);
        assertThat(c.gpio()).isEqualTo(Pi4jGpio.Provider.MOCK);
        assertThat(c.relay().pin()).isEqualTo(17);
        assertThat(c.relay().activeLow()).isFalse();
        assertThat(c.relay().name()).isEqualTo("power");
        assertThat(c.relayOffTime()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.buttons()).containsOnlyKeys("reset");
        assertThat(c.buttons().get("reset").pin()).isEqualTo(27);
        assertThat(c.console().port()).isEqualTo("pty");
        assertThat(c.console().baud()).isEqualTo(115200);
        assertThat(c.console().breakLength()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.network().dutAddress().getHostAddress()).isEqualTo("198.18.0.2");
        assertThat(c.network().allowed()).isEqualTo(Subnet.parse("198.18.0.0/15"));
        assertThat(c.network().allowed().toString()).isEqualTo("198.18.0.0/15");
        assertThat(c.network().harnessCidr()).isEqualTo("198.18.0.1/24");
        assertThat(c.network().iface()).isEmpty();
        assertThat(c.virtual()).hasValue(new RigConfig.Virtual("qemu-system-x86_64", "256M", "hil303tap0"));
        assertThat(c.labelFile()).isEmpty();
    }

    @Test
    void pi_example_rig_file_loads_and_resolves_its_label_file() {
        RigConfig c = RigConfig.read(PI);
        assertThat(c.name()).isEqualTo("pi-lab-1");
        assertThat(c.kind()).isEqualTo(RigConfig.Kind.PI);
        assertThat(c.gpio()).isEqualTo(Pi4jGpio.Provider.GPIOD);
        assertThat(c.relay().pin()).isEqualTo(17);
        assertThat(c.relay().activeLow()).isTrue();
        assertThat(c.relayOffTime()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.buttons().get("reset").activeLow()).isFalse();
        assertThat(c.console().port()).isEqualTo("/dev/serial/by-id/usb-FTDI_FT232R_USB_UART_A10K1234-if00-port0");
        assertThat(c.network().dutAddress().getHostAddress()).isEqualTo("198.18.0.2");
        assertThat(c.network().allowed()).isEqualTo(Subnet.parse("198.18.0.0/15"));
        assertThat(c.network().iface()).hasValue("eth1");
        assertThat(c.network().publicSites()).as("a lab opts in to reaching public sites").isFalse();
        assertThat(c.virtual()).isEmpty();
        Path label = c.labelFile().orElseThrow();
        assertThat(label).isAbsolute().isEqualTo(PI.toAbsolutePath().getParent().resolve("pi-example-label.yaml"));
        assertThat(label).isRegularFile();
        UnitLabel unit = LabelFile.read(label);
        assertThat(unit.serial()).isEqualTo("RD-000123");
        assertThat(unit.password()).isNotEmpty();
        assertThat(unit.toString()).contains("RD-000123").doesNotContain(unit.password());
    }

    @Test
    void label_file_resolves_next_to_the_rig_file_not_the_working_directory() throws Exception {
        Path f = copy(PI, "pi.yaml");
        RigConfig c = RigConfig.read(f);
        assertThat(c.labelFile()).hasValue(dir.resolve("pi-example-label.yaml").toAbsolutePath());
    }

    @Test
    void a_qemu_path_resolves_next_to_the_rig_file_a_bare_command_stays_for_path_lookup() throws Exception {
        Path f = broken(VIRTUAL, "qemu: qemu-system-x86_64", "qemu: ../tools/qemu-system-x86_64");
        assertThat(dir).isNotEqualTo(Path.of("").toAbsolutePath());
        assertThat(RigConfig.read(f).virtual().orElseThrow().qemu())
                .isEqualTo(f.getParent().resolve("../tools/qemu-system-x86_64").normalize().toString());
        Path absolute = broken(VIRTUAL, "qemu: qemu-system-x86_64", "qemu: /opt/qemu/bin/qemu-system-x86_64");
        assertThat(RigConfig.read(absolute).virtual().orElseThrow().qemu()).isEqualTo("/opt/qemu/bin/qemu-system-x86_64");
        assertThat(RigConfig.read(VIRTUAL).virtual().orElseThrow().qemu()).isEqualTo("qemu-system-x86_64");
    }

    @Test
    void dut_address_outside_allowed_names_the_field_and_its_line() throws Exception {
        Path f = broken(VIRTUAL, "dut-address: 198.18.0.2", "dut-address: 10.1.2.3");
        ConfigException e = error(f);
        assertThat(e.getMessage()).startsWith(f + ":" + lineOf(f, "dut-address: 10.1.2.3") + ":")
                .contains("network.dut-address").contains("10.1.2.3").contains("outside").contains("198.18.0.0/15");
        assertThat(e.field()).isEqualTo("network.dut-address");
    }

    @Test
    void dut_address_must_be_a_literal() throws Exception {
        Path f = broken(VIRTUAL, "dut-address: 198.18.0.2", "dut-address: dut.example");
        assertThat(error(f).getMessage()).contains("network.dut-address").contains("expected an IPv4 address");
    }

    @Test
    void public_sites_is_allowed_or_refused() throws Exception {
        Path f = broken(PI, "public-sites: refused", "public-sites: sometimes");
        assertThat(error(f).getMessage()).contains("network.public-sites").contains("allowed or refused");
        assertThat(RigConfig.read(broken(PI, "public-sites: refused", "public-sites: allowed")).network().publicSites()).isTrue();
    }

    @Test
    void harness_address_needs_a_prefix() throws Exception {
        Path f = broken(VIRTUAL, "harness-address: 198.18.0.1/24", "harness-address: 198.18.0.1");
        assertThat(error(f).getMessage()).contains("network.harness-address").contains("prefix");
    }

    @Test
    void button_on_the_relay_pin_is_refused() throws Exception {
        Path f = broken(VIRTUAL, "reset: {pin: 27, active: high}", "reset: {pin: 17, active: high}");
        ConfigException e = error(f);
        assertThat(e.getMessage()).startsWith(f + ":" + lineOf(f, "reset: {pin: 17") + ":")
                .contains("buttons.reset.pin").contains("pin 17 is already used by power.relay");
    }

    @Test
    void virtual_rig_with_gpiod_provider_is_refused() throws Exception {
        Path f = broken(VIRTUAL, "provider: mock", "provider: gpiod");
        ConfigException e = error(f);
        assertThat(e.getMessage()).startsWith(f + ":" + lineOf(f, "provider: gpiod") + ":")
                .contains("gpio.provider").contains("mock");
    }

    @Test
    void pi_rig_with_mock_provider_is_refused() throws Exception {
        Path f = broken(PI, "provider: gpiod ", "provider: mock ");
        assertThat(error(f).getMessage()).contains("gpio.provider").contains("real GPIO");
    }

    @Test
    void pi_rig_with_pty_console_is_refused() throws Exception {
        Path f = broken(PI, "port: /dev/serial/by-id/usb-FTDI_FT232R_USB_UART_A10K1234-if00-port0", "port: pty");
        ConfigException e = error(f);
        assertThat(e.getMessage()).startsWith(f + ":" + lineOf(f, "port: pty") + ":")
                .contains("console.port").contains("device path");
    }

    @Test
    void pin_99_is_refused() throws Exception {
        Path f = broken(PI, "relay: {pin: 17, active: low}", "relay: {pin: 99, active: low}");
        ConfigException e = error(f);
        assertThat(e.getMessage()).startsWith(f + ":" + lineOf(f, "pin: 99") + ":")
                .contains("power.relay.pin").contains("between 0 and 53").contains("99");
    }

    @Test
    void unknown_active_level_lists_the_choices() throws Exception {
        Path f = broken(PI, "active: low}", "active: lo}");
        assertThat(error(f).getMessage()).contains("power.relay.active").contains("'lo' is not one of high, low");
    }

    @Test
    void misspelt_field_is_reported_with_a_suggestion() throws Exception {
        Path f = broken(VIRTUAL, "off-time: 500ms", "off_time: 500ms");
        ConfigException e = error(f);
        assertThat(e.getMessage()).startsWith(f + ":" + lineOf(f, "off_time") + ":")
                .contains("power.off_time").contains("unknown field").contains("did you mean 'off-time'");
    }

    @Test
    void pi_rig_must_not_carry_a_virtual_section() throws Exception {
        Path f = copy(PI, "pi.yaml");
        Files.writeString(f, Files.readString(f) + "virtual:\n  qemu: qemu-system-x86_64\n");
        assertThat(error(f).getMessage()).contains("virtual").contains("unknown field");
    }

    @Test
    void bare_number_off_time_is_refused() throws Exception {
        Path f = broken(PI, "off-time: 2s ", "off-time: 2 ");
        assertThat(error(f).getMessage()).contains("power.off-time").contains("expected a duration");
    }

    // --- helpers

    private Path copy(Path source, String name) throws Exception {
        return RigFiles.copy(dir, source, name);
    }

    private Path broken(Path source, String from, String to) throws Exception {
        return RigFiles.broken(dir, source, from, to);
    }
}

package org.hil303.rigs;

import static org.hil303.rigs.RigFiles.error;
import static org.hil303.rigs.RigFiles.lineOf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.hil303.rigs.config.ConfigException;
import org.hil303.rigs.network.UplinkConfig;
import org.hil303.rigs.storage.StorageConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rig file's 'storage' and 'uplink' sections: how a Pi rig reads the DUT's storage and cuts its uplink. */
class RigSeamsConfigTest {
    private static final Path VIRTUAL = Path.of("virtual.yaml");
    private static final Path PI = Path.of("pi-example.yaml");
    private static final String PI_STORAGE = """
            storage:                   # how the harness reads the DUT's raw storage (5.11-1) and alters it (5.7), with the DUT off
              sd-mux:                  # a USB SD mux between the DUT's card slot and the Pi (usbsdmux)
                control: /dev/usb-sd-mux/id-000000001234
                device: /dev/disk/by-id/usb-LinuxAut_sdmux_HS-SD_MMC_000000001234-0:0   # the card as the Pi sees it once switched
                appear-within: 15s
            """;

    @TempDir
    Path dir;

    @Test
    void pi_example_declares_an_sd_mux_and_an_nft_uplink() {
        RigConfig c = RigConfig.read(PI);
        StorageConfig.SdMux mux = c.storage().orElseThrow().sdMux().orElseThrow();
        assertThat(mux.control()).isEqualTo(Path.of("/dev/usb-sd-mux/id-000000001234"));
        assertThat(mux.device().toString()).startsWith("/dev/disk/by-id/usb-LinuxAut_sdmux");
        assertThat(mux.appearWithin()).isEqualTo(Duration.ofSeconds(15));
        assertThat(c.storage().orElseThrow().dutConsole()).isEmpty();
        assertThat(c.uplink()).hasValue(new UplinkConfig(UplinkConfig.Method.NFT, "eth1"));
    }

    @Test
    void virtual_rig_declares_neither_and_reads_its_flash_image() {
        RigConfig c = RigConfig.read(VIRTUAL);
        assertThat(c.storage()).isEmpty();
        assertThat(c.uplink()).isEmpty();
    }

    @Test
    void dut_console_with_device_and_size_limit() throws Exception {
        Path f = replaced(PI, PI_STORAGE, "storage:\n  dut-console: {device: /dev/mmcblk0, max-size: 64MiB}\n");
        assertThat(RigConfig.read(f).storage().orElseThrow().dutConsole())
                .hasValue(new StorageConfig.DutConsole("/dev/mmcblk0", 64L << 20));
        Path dflt = replaced(PI, PI_STORAGE, "storage:\n  dut-console: {device: /dev/mmcblk0p3}\n");
        assertThat(RigConfig.read(dflt).storage().orElseThrow().dutConsole().orElseThrow().maxBytes()).isEqualTo(256L << 20);
    }

    @Test
    void the_virtual_rig_may_read_through_the_dut_console_but_has_no_sd_card() throws Exception {
        Path ok = appended(VIRTUAL, "storage:\n  dut-console: {device: /dev/vda}\n");
        assertThat(RigConfig.read(ok).storage().orElseThrow().dutConsole()).isPresent();
        Path f = appended(VIRTUAL, "storage:\n  sd-mux: {control: /dev/usb-sd-mux/id-1, device: /dev/sda}\n");
        ConfigException e = error(f);
        assertThat(e.getMessage()).startsWith(f + ":" + lineOf(f, "sd-mux:") + ":").contains("storage.sd-mux").contains("no SD card");
    }

    @Test
    void a_device_that_would_be_shell_code_on_the_dut_is_refused() throws Exception {
        Path f = replaced(PI, PI_STORAGE, "storage:\n  dut-console: {device: \"/dev/mmcblk0; rm -rf /\"}\n");
        ConfigException e = error(f);
        assertThat(e.getMessage()).startsWith(f + ":" + lineOf(f, "dut-console:") + ":")
                .contains("storage.dut-console.device").contains("expected the DUT's block device");
    }

    @Test
    void a_size_without_a_binary_unit_is_refused() throws Exception {
        Path f = replaced(PI, PI_STORAGE, "storage:\n  dut-console:\n    device: /dev/mmcblk0\n    max-size: 64000000\n");
        ConfigException e = error(f);
        assertThat(e.getMessage()).startsWith(f + ":" + lineOf(f, "max-size") + ":")
                .contains("storage.dut-console.max-size").contains("expected a size such as");
    }

    @Test
    void storage_needs_exactly_one_method() throws Exception {
        Path none = replaced(PI, PI_STORAGE, "storage: {}\n");
        assertThat(error(none).getMessage()).contains("storage").contains("exactly one way");
        Path both = replaced(PI, PI_STORAGE, PI_STORAGE + "  dut-console: {device: /dev/mmcblk0}\n");
        assertThat(error(both).getMessage()).contains("exactly one way");
    }

    @Test
    void sd_mux_paths_must_be_devices_and_its_fields_are_checked() throws Exception {
        Path f = broken(PI, "control: /dev/usb-sd-mux/id-000000001234", "control: usb-sd-mux-1");
        ConfigException e = error(f);
        assertThat(e.getMessage()).startsWith(f + ":" + lineOf(f, "control: usb-sd-mux-1") + ":")
                .contains("storage.sd-mux.control").contains("expected a device path");
        Path typo = broken(PI, "appear-within: 15s", "appear_within: 15s");
        assertThat(error(typo).getMessage()).contains("storage.sd-mux.appear_within").contains("did you mean 'appear-within'");
        Path missing = broken(PI, "    device: /dev/disk/by-id/usb-LinuxAut_sdmux_HS-SD_MMC_000000001234-0:0", "    ");
        assertThat(error(missing).getMessage()).contains("storage.sd-mux.device").contains("missing required field");
    }

    @Test
    void uplink_method_is_checked_and_nft_defaults_to_the_dut_link() throws Exception {
        Path f = broken(PI, "method: nft ", "method: relay ");
        ConfigException e = error(f);
        assertThat(e.getMessage()).startsWith(f + ":" + lineOf(f, "method: relay") + ":")
                .contains("uplink.method").contains("'relay' is not one of nft, link-down");
        Path dflt = broken(PI, "  interface: eth1\n", "");
        assertThat(RigConfig.read(dflt).uplink()).hasValue(new UplinkConfig(UplinkConfig.Method.NFT, "eth1"));
    }

    @Test
    void link_down_on_the_link_the_harness_uses_is_refused() throws Exception {
        Path f = broken(PI, "method: nft ", "method: link-down ");
        ConfigException e = error(f);
        assertThat(e.getMessage()).contains("uplink.interface").contains("eth1 is also the link the harness reaches the DUT on");
        Path wlan = broken(PI, "method: nft ", "method: link-down ");
        Files.writeString(wlan, Files.readString(wlan).replace("  interface: eth1\n", "  interface: wlan0\n"));
        assertThat(RigConfig.read(wlan).uplink()).hasValue(new UplinkConfig(UplinkConfig.Method.LINK_DOWN, "wlan0"));
    }

    @Test
    void uplink_interface_must_be_an_interface_name() throws Exception {
        Path f = broken(PI, "  interface: eth1\n", "  interface: \"eth1; reboot\"\n");
        assertThat(error(f).getMessage()).contains("uplink.interface").contains("not a network interface name");
    }

    @Test
    void the_virtual_rig_has_its_own_uplink_cut() throws Exception {
        Path f = appended(VIRTUAL, "uplink: {method: nft, interface: eth1}\n");
        ConfigException e = error(f);
        assertThat(e.getMessage()).startsWith(f + ":" + lineOf(f, "uplink:") + ":").contains("uplink").contains("network namespace");
    }

    // --- helpers

    private Path copy(Path source) throws Exception {
        return RigFiles.copy(dir, source, "rig-" + source.getFileName());
    }

    private Path appended(Path source, String text) throws Exception {
        Path f = copy(source);
        Files.writeString(f, Files.readString(f) + text);
        return f;
    }

    private Path replaced(Path source, String from, String to) throws Exception {
        return broken(source, from, to);
    }

    private Path broken(Path source, String from, String to) throws Exception {
        return RigFiles.broken(dir, source, from, to);
    }
}

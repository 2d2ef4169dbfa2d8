package org.hil303.rigs.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.host.FakeHostCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SD mux's switching, with a file standing in for the card's block device. */
class SdMuxStorageTest {
    @TempDir
    Path dir;

    private final FakeHostCommands host = new FakeHostCommands();
    private final AtomicBoolean off = new AtomicBoolean(true);

    @Test
    void switches_the_card_to_the_rig_for_each_operation_and_back_to_the_dut() throws Exception {
        Path card = dir.resolve("sdb");
        byte[] content = new byte[9 << 20]; // more than one 4 MiB read
        byte[] marker = "hil303personaldata".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(marker, 0, content, (4 << 20) - 5, marker.length); // straddles two reads
        Files.write(card, content);
        SdMuxStorage storage = storage(card, dir.resolve("control"));
        Files.createFile(dir.resolve("control"));

        assertThat(storage.find(marker)).containsExactly((4L << 20) - 5);
        storage.write(7, (byte) 0x42);
        assertThat(storage.read(7)).isEqualTo((byte) 0x42);
        String ctl = dir.resolve("control").toString();
        assertThat(host.ran).containsExactly("usbsdmux " + ctl + " host", "usbsdmux " + ctl + " dut", "usbsdmux " + ctl + " host",
                "usbsdmux " + ctl + " dut", "usbsdmux " + ctl + " host", "usbsdmux " + ctl + " dut");
        assertThat(storage.access()).isEqualTo(RawStorage.Access.DUT_OFF);
    }

    @Test
    void refused_while_the_dut_is_powered_before_anything_switches() throws Exception {
        off.set(false);
        Files.createFile(dir.resolve("control"));
        SdMuxStorage storage = storage(dir.resolve("sdb"), dir.resolve("control"));
        assertThatThrownBy(() -> storage.find(new byte[] {1})).isInstanceOf(RigFault.class).hasMessageContaining("while the DUT is off");
        assertThat(host.ran).isEmpty();
    }

    @Test
    void an_unwired_mux_or_a_missing_tool_says_what_to_do() throws Exception {
        SdMuxStorage storage = storage(dir.resolve("sdb"), dir.resolve("no-control"));
        assertThatThrownBy(() -> storage.read(0)).isInstanceOf(RigFault.class).hasMessageContaining("no-control does not exist")
                .hasMessageContaining("wire the USB SD mux");
        host.missing.add("usbsdmux");
        assertThatThrownBy(() -> storage.read(0)).isInstanceOf(RigFault.class).hasMessageContaining("usbsdmux, which is not installed");
        assertThat(host.ran).isEmpty();
    }

    @Test
    void a_card_that_never_appears_is_a_rig_fault_and_the_card_goes_back_to_the_dut() throws Exception {
        Files.createFile(dir.resolve("control"));
        SdMuxStorage storage = storage(dir.resolve("no-card"), dir.resolve("control"));
        assertThatThrownBy(() -> storage.read(0)).isInstanceOf(RigFault.class).hasMessageContaining("did not appear at")
                .hasMessageContaining("storage.sd-mux.appear-within");
        assertThat(host.ran).last().asString().endsWith(" dut");
    }

    private SdMuxStorage storage(Path card, Path control) {
        return new SdMuxStorage(new StorageConfig.SdMux(control, card, Duration.ofMillis(300)), host, off::get, p -> {
            try {
                return Files.size(p);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}

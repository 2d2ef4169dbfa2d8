package org.hil303.rigs.virtual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hil303.rigs.UnitLabel;
import org.hil303.rigs.base.RigFault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VirtualUnitTest {
    @TempDir
    Path dir;

    private static long allocatedBytes(Path f) throws Exception {
        Process p = new ProcessBuilder("stat", "-c", "%b %B", f.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        String[] parts = out.split(" ");
        return Long.parseLong(parts[0]) * Long.parseLong(parts[1]);
    }

    @Test
    void factory_new_unit_has_blank_sparse_flash_and_a_label() throws Exception {
        VirtualUnit unit = VirtualUnit.factoryNew(dir.resolve("unit"), List.of());
        Path flash = unit.flash();
        assertThat(flash).isEqualTo(dir.resolve("unit").resolve("flash.img")).isRegularFile();
        assertThat(Files.size(flash)).isEqualTo(64L << 20);
        assertThat(allocatedBytes(flash)).as("sparse").isLessThan(1L << 20);

        UnitLabel label = unit.label();
        assertThat(label.serial()).matches("RD-\\d{6}");
        assertThat(label.password()).hasSize(12).matches("[A-Za-z0-9]{12}");
        assertThat(Files.readString(unit.labelFile(), StandardCharsets.US_ASCII))
                .isEqualTo("serial=" + label.serial() + "\npassword=" + label.password() + "\nmac=" + unit.mac() + "\n");
        assertThat(unit.labelFile()).isEqualTo(dir.resolve("unit").resolve("label.txt"));
    }

    @Test
    void two_units_have_different_passwords() {
        UnitLabel a = VirtualUnit.factoryNew(dir.resolve("a"), List.of()).label();
        UnitLabel b = VirtualUnit.factoryNew(dir.resolve("b"), List.of()).label();
        assertThat(a.password()).isNotEqualTo(b.password());
        assertThat(a).isNotEqualTo(b);
        assertThat(a.printed().get("mac")).matches("52:54:00(:[0-9a-f]{2}){3}");
    }

    @Test
    void a_factory_that_derives_passwords_from_the_serial_number_prints_one_anyone_can_compute() throws Exception {
        UnitLabel l = VirtualUnit.factoryNew(dir.resolve("a"), List.of(VirtualUnit.SERIAL_DERIVED)).label();
        String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(l.serial().getBytes(StandardCharsets.US_ASCII)));
        assertThat(l.password()).isEqualTo(hash.substring(0, 12));
    }

    @Test
    void factory_new_wipes_a_used_flash() throws Exception {
        VirtualUnit used = VirtualUnit.factoryNew(dir.resolve("unit"), List.of());
        try (RandomAccessFile f = new RandomAccessFile(used.flash().toFile(), "rw")) {
            f.seek(4096);
            f.write("configured".getBytes(StandardCharsets.US_ASCII));
            f.setLength(100L << 20);
        }
        VirtualUnit fresh = VirtualUnit.factoryNew(dir.resolve("unit"), List.of());
        assertThat(Files.size(fresh.flash())).isEqualTo(64L << 20);
        try (RandomAccessFile f = new RandomAccessFile(fresh.flash().toFile(), "r")) {
            byte[] b = new byte[16];
            f.seek(4096);
            f.readFully(b);
            assertThat(b).containsOnly((byte) 0);
        }
    }

    @Test
    void unwritable_folder_is_a_rig_fault() throws Exception {
        Path file = dir.resolve("not-a-folder");
        Files.writeString(file, "x");
        assertThatThrownBy(() -> VirtualUnit.factoryNew(file.resolve("unit"), List.of())).isInstanceOf(RigFault.class)
                .hasMessageContaining("cannot create the emulated unit's flash");
    }
}

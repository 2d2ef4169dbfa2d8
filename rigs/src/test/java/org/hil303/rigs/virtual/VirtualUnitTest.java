package org.hil303.rigs.virtual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.hil303.rigs.RigFault;
import org.hil303.rigs.UnitLabel;
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
        VirtualUnit unit = VirtualUnit.factoryNew(dir.resolve("unit"));
        Path flash = unit.flash();
        assertThat(flash).isEqualTo(dir.resolve("unit").resolve("flash.img")).isRegularFile();
        assertThat(Files.size(flash)).isEqualTo(64L << 20);
        assertThat(allocatedBytes(flash)).as("sparse").isLessThan(1L << 20);

        UnitLabel label = unit.label();
        assertThat(label.serial()).matches("RD-\\d{6}");
        assertThat(label.password()).hasSize(12).matches("[A-Za-z0-9]{12}");
        assertThat(Files.readString(unit.labelFile(), StandardCharsets.US_ASCII))
                .isEqualTo("serial=" + label.serial() + "\npassword=" + label.password() + "\n");
        assertThat(unit.labelFile()).isEqualTo(dir.resolve("unit").resolve("label.txt"));
    }

    @Test
    void two_units_have_different_passwords() {
        UnitLabel a = VirtualUnit.factoryNew(dir.resolve("a")).label();
        UnitLabel b = VirtualUnit.factoryNew(dir.resolve("b")).label();
        assertThat(a.password()).isNotEqualTo(b.password());
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void factory_new_wipes_a_used_flash() throws Exception {
        VirtualUnit used = VirtualUnit.factoryNew(dir.resolve("unit"));
        try (RandomAccessFile f = new RandomAccessFile(used.flash().toFile(), "rw")) {
            f.seek(4096);
            f.write("configured".getBytes(StandardCharsets.US_ASCII));
            f.setLength(100L << 20);
        }
        VirtualUnit fresh = VirtualUnit.factoryNew(dir.resolve("unit"));
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
        assertThatThrownBy(() -> VirtualUnit.factoryNew(file.resolve("unit"))).isInstanceOf(RigFault.class)
                .hasMessageContaining("cannot create the emulated unit's flash");
    }
}

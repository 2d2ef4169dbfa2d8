package org.hil303.rigs.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hil303.rigs.base.RigFault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFileStorageTest {
    @Test
    void finds_every_occurrence_including_at_the_edges() {
        ByteBuffer b = ByteBuffer.wrap("abcXabcabXab".getBytes(StandardCharsets.US_ASCII));
        assertThat(ByteSearch.all(b, "abc".getBytes(StandardCharsets.US_ASCII))).containsExactly(0L, 4L);
        assertThat(ByteSearch.all(b, "Xab".getBytes(StandardCharsets.US_ASCII))).containsExactly(3L, 9L);
        assertThat(ByteSearch.all(b, "abcd".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    }

    @Test
    void reads_and_writes_bytes_only_while_the_device_is_off(@TempDir Path dir) throws Exception {
        Path image = dir.resolve("flash.img");
        byte[] content = new byte[1 << 20];
        byte[] marker = "hil303marker".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(marker, 0, content, 700_000, marker.length);
        Files.write(image, content);
        AtomicBoolean off = new AtomicBoolean(true);
        ImageFileStorage storage = new ImageFileStorage(image, off::get);

        assertThat(storage.find(marker)).containsExactly(700_000L);
        storage.write(700_000L, (byte) 'H');
        assertThat(storage.read(700_000L)).isEqualTo((byte) 'H');
        assertThat(storage.find(marker)).isEmpty();

        off.set(false);
        assertThatThrownBy(() -> storage.find(marker)).isInstanceOf(RigFault.class).hasMessageContaining("while the DUT is off");
        assertThatThrownBy(() -> storage.write(0, (byte) 1)).isInstanceOf(RigFault.class);
    }
}

package org.hil303.rigs.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.hil303.rigs.base.RigFault;
import org.junit.jupiter.api.Test;

/** What a DUT prints for a piece of its storage is untrusted: anything but a clean dump is an error, never wrong bytes. */
class ChunkDumpTest {
    private static final byte[] BYTES = random(1000);

    @Test
    void decodes_base64_lines_checked_by_their_sha256() {
        assertThat(ChunkDump.decode(dump(BYTES), 1000, "piece 0")).isEqualTo(BYTES);
        assertThat(ChunkDump.decode(dump(BYTES).replace("\n", "\r\n"), 1000, "piece 0")).as("a terminal's line ends").isEqualTo(BYTES);
    }

    @Test
    void a_line_cut_short_is_an_error() {
        String d = dump(BYTES);
        String cut = d.substring(0, 30) + d.substring(34); // four characters lost on the line: still valid base64
        assertThatThrownBy(() -> ChunkDump.decode(cut, 1000, "piece 0")).isInstanceOf(RigFault.class)
                .hasMessageContaining("piece 0").hasMessageContaining("997 bytes arrived, 1000 expected");
        String odd = d.substring(0, 30) + d.substring(31);
        assertThatThrownBy(() -> ChunkDump.decode(odd, 1000, "piece 0")).isInstanceOf(RigFault.class).hasMessageContaining("not valid base64");
    }

    @Test
    void a_garbled_character_is_caught_by_the_hash() {
        String d = dump(BYTES);
        int i = d.indexOf('A') >= 0 && d.indexOf('A') < 70 ? d.indexOf('A') : 5;
        String garbled = d.substring(0, i) + (d.charAt(i) == 'B' ? 'C' : 'B') + d.substring(i + 1);
        assertThatThrownBy(() -> ChunkDump.decode(garbled, 1000, "piece 0")).isInstanceOf(RigFault.class)
                .hasMessageContaining("do not match the SHA-256");
    }

    @Test
    void escape_sequences_kernel_messages_and_binary_are_errors_that_show_them_safely() {
        String d = dump(BYTES);
        int nl = d.indexOf('\n');
        String withKernel = d.substring(0, nl + 1) + "[   12.345] EXT4-fs (vda): error <script>\u001b]0;pwned\u0007\n" + d.substring(nl + 1);
        assertThatThrownBy(() -> ChunkDump.decode(withKernel, 1000, "piece 0")).isInstanceOf(RigFault.class)
                .hasMessageContaining("line 2 of the dump is not base64")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u001b").doesNotContain("\u0007"));
        String binary = "\u0000\u00ff\u0001garbage\n" + d;
        assertThatThrownBy(() -> ChunkDump.decode(binary, 1000, "piece 0")).isInstanceOf(RigFault.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u0000"));
    }

    @Test
    void padding_only_at_the_end() {
        byte[] two = {1, 2};
        String b64 = Base64.getEncoder().encodeToString(two); // AQI=
        String d = b64 + "\n" + b64 + "\n" + ChunkDump.sha256Hex(new byte[] {1, 2, 1, 2}) + "  -\n";
        assertThatThrownBy(() -> ChunkDump.decode(d, 4, "piece 0")).isInstanceOf(RigFault.class).hasMessageContaining("line 1");
    }

    @Test
    void a_missing_or_foreign_hash_line_is_an_error() {
        String d = dump(BYTES);
        String noHash = d.substring(0, d.lastIndexOf(ChunkDump.sha256Hex(BYTES)));
        assertThatThrownBy(() -> ChunkDump.decode(noHash, 1000, "piece 0")).isInstanceOf(RigFault.class)
                .hasMessageContaining("expected the SHA-256 line last");
        assertThatThrownBy(() -> ChunkDump.decode("", 1000, "piece 0")).isInstanceOf(RigFault.class).hasMessageContaining("printed nothing");
        assertThatThrownBy(() -> ChunkDump.decode(d + "sh: dd: not found\n", 1000, "piece 0")).isInstanceOf(RigFault.class)
                .hasMessageContaining("sh: dd: not found");
    }

    @Test
    void hash_lists_must_be_complete_and_clean() {
        String h = ChunkDump.sha256Hex(BYTES);
        assertThat(ChunkDump.hashes(h + "  -\n" + h + "  -\n", 2, "pieces 0-1")).containsExactly(h, h);
        assertThatThrownBy(() -> ChunkDump.hashes(h + "  -\n", 2, "pieces 0-1")).isInstanceOf(RigFault.class)
                .hasMessageContaining("1 hashes arrived, 2 expected");
        assertThatThrownBy(() -> ChunkDump.hashes(h.substring(0, 40) + "  -\n" + h + "  -\n", 2, "pieces 0-1"))
                .isInstanceOf(RigFault.class).hasMessageContaining("expected one SHA-256 per line");
        assertThat(ChunkDump.hashes("", 0, "none")).isEqualTo(List.of());
    }

    /** As busybox and coreutils print it: base64 wrapped at 76 characters, then sha256sum of standard input. */
    static String dump(byte[] bytes) {
        String b64 = Base64.getMimeEncoder(76, "\n".getBytes()).encodeToString(bytes);
        return b64 + "\n" + ChunkDump.sha256Hex(bytes) + "  -\n";
    }

    static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(303).nextBytes(b);
        return b;
    }
}

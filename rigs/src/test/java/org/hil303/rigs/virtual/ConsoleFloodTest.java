package org.hil303.rigs.virtual;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.hil303.rigs.base.Timeout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console path through a real pseudo-terminal and jSerialComm takes a hostile flood and still finds the prompt after it. */
class ConsoleFloodTest {
    @TempDir
    Path dir;

    @Test
    void a_hostile_flood_leaves_the_console_usable_and_the_transcript_free_of_control_bytes() throws Exception {
        ConsoleFlood.Figures f = ConsoleFlood.push(4 << 20, dir, Timeout.of("test: console drained", Duration.ofMinutes(1)));
        assertThat(f.bytes()).isEqualTo(4 << 20);
        assertThat(f.promptFoundAfter()).isTrue();
        assertThat(f.transcriptClean()).isTrue();
        String transcript = Files.readString(dir.resolve("console-flood.log"), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(transcript).contains("<script>alert(document.cookie)</script>").contains("\\x1b").doesNotContain("\u001b").doesNotContain("\u0000");
    }

    @Test
    void the_flood_takes_turns_at_its_kinds_of_output() {
        byte[] chunk = new byte[64 << 10];
        ConsoleFlood.fill(chunk, chunk.length, 1L * (64 << 10), new java.util.Random(1));
        assertThat(chunk).containsOnly(0);
        ConsoleFlood.fill(chunk, chunk.length, 2L * (64 << 10), new java.util.Random(1));
        assertThat(new String(chunk, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("\u001b[2J");
    }
}

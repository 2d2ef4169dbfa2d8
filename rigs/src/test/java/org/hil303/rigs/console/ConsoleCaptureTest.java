package org.hil303.rigs.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.hil303.rigs.base.Timeout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleCaptureTest {
    @TempDir
    Path dir;

    private static void append(ConsoleCapture c, String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        c.append(b, b.length);
    }

    @Test
    void every_byte_value_but_escape_survives_one_to_one() throws Exception {
        try (ConsoleCapture c = new ConsoleCapture(dir.resolve("c.log"))) {
            byte[] all = new byte[255];
            for (int i = 0, b = 0; i < 255; i++, b++) {
                if (b == 0x1b) {
                    b++; // ESC starts a terminal sequence, which matching does not see
                }
                all[i] = (byte) b;
            }
            c.append(all, all.length);
            assertThat(c.mark()).isEqualTo(255);
            String text = c.textSince(0);
            assertThat(text).hasSize(255);
            assertThat(text.getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(all);
            assertThat(c.find(Pattern.compile("\u00ff"), 0).orElseThrow().start()).isEqualTo(254);
        }
    }

    @Test
    void window_is_trimmed_but_offsets_stay_absolute() throws Exception {
        try (ConsoleCapture c = new ConsoleCapture(dir.resolve("c.log"))) {
            append(c, "EARLY-MARKER\n");
            byte[] filler = new byte[1 << 20];
            Arrays.fill(filler, (byte) 'x');
            for (int i = 0; i < 5; i++) {
                filler[filler.length - 1] = '\n';
                c.append(filler, filler.length);
            }
            append(c, "LATE-MARKER\n");
            long total = 13 + 5L * (1 << 20) + 12;
            assertThat(c.mark()).isEqualTo(total);
            assertThat(c.textSince(0).length()).isLessThanOrEqualTo(ConsoleCapture.WINDOW_CHARS);
            assertThat(c.find(Pattern.compile("EARLY-MARKER"), 0)).as("trimmed away").isEmpty();
            ConsoleMatch late = c.find(Pattern.compile("LATE-MARKER"), 0).orElseThrow();
            assertThat(late.start()).isEqualTo(total - 12);
            assertThat(c.find(Pattern.compile("LATE-MARKER"), late.start() + 1)).isEmpty();
            assertThat(c.textSince(late.start())).isEqualTo("LATE-MARKER\n");
            assertThat(c.textSince(total + 100)).isEmpty();
        }
    }

    @Test
    void over_long_lines_are_split_in_the_transcript() throws Exception {
        try (ConsoleCapture c = new ConsoleCapture(dir.resolve("c.log"))) {
            append(c, "y".repeat(10_000) + "\n");
            String t = c.transcriptSince(0, 1 << 20);
            assertThat(t.lines().count()).isEqualTo(3);
            assertThat(t.lines().allMatch(l -> l.length() <= 4096 + 20)).isTrue();
        }
    }

    @Test
    void a_crash_is_still_recognised_after_a_thousand_earlier_events() throws Exception {
        try (ConsoleCapture c = new ConsoleCapture(dir.resolve("c.log"))) {
            // a daemon in a respawn loop: one segfault line per restart, for a long soak run
            for (int i = 0; i < 1500; i++) {
                append(c, "[ " + i + ".0] netd[" + (100 + i) + "]: segfault at 0 ip 0 sp 0 error 4\n");
            }
            long before = c.mark();
            append(c, "[ 9999.0] Kernel panic - not syncing: Fatal exception\n");
            assertThat(c.eventsSince(before)).extracting(ConsoleEvent::kind).containsExactly(ConsoleEvent.Kind.PANIC);
            assertThat(c.eventsSince(0)).as("memory stays bounded").hasSizeLessThanOrEqualTo(1000);
        }
    }

    @Test
    void await_with_a_mark_in_the_future_waits_for_new_output() throws Exception {
        try (ConsoleCapture c = new ConsoleCapture(dir.resolve("c.log"))) {
            append(c, "# ");
            assertThat(c.await(Pattern.compile("# "), c.mark() + 10, Timeout.of("t", Duration.ofMillis(100)))).isEmpty();
            assertThat(c.await(Pattern.compile("# "), 0, Timeout.of("t", Duration.ofMillis(100)))).isPresent();
        }
    }

    @Test
    void a_flood_past_the_transcripts_limit_is_counted_not_written() throws Exception {
        Path file = dir.resolve("flood.log");
        byte[] chunk = ("<script>alert(1)</script>\u0000\u001b[31m" + "x".repeat(5000) + "\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        try (ConsoleCapture c = new ConsoleCapture(file, 1 << 20)) {
            for (int i = 0; i < 2000; i++) { // about 10 MB
                c.append(chunk, chunk.length);
            }
            assertThat(c.dropped()[0]).isGreaterThan(1000);
            assertThat(c.find(java.util.regex.Pattern.compile("alert"), c.mark() - 6000)).isPresent(); // matching still sees the newest
        }
        assertThat(java.nio.file.Files.size(file)).isLessThan((1 << 20) + 4096);
        assertThat(java.nio.file.Files.readString(file)).contains("reached its limit of 1 MiB").contains("lines (")
                .doesNotContain("\u0000");
    }

    /** Latin-1 letters take two bytes on disk: the limit counts bytes, not characters. */
    @Test
    void the_limit_counts_bytes_on_disk() throws Exception {
        Path file = dir.resolve("latin1.log");
        byte[] chunk = ("\u00e9".repeat(3000) + "\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        try (ConsoleCapture c = new ConsoleCapture(file, 1 << 20)) {
            for (int i = 0; i < 400; i++) { // 1.2 M characters, 2.4 MB in UTF-8
                c.append(chunk, chunk.length);
            }
        }
        assertThat(java.nio.file.Files.size(file)).isLessThan((1 << 20) + 4096);
    }
}

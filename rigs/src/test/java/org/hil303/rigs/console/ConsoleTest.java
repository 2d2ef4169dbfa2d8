package org.hil303.rigs.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.hil303.rigs.Eventually;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.base.Timeout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleTest {
    private static final Pattern LOGIN = Pattern.compile("login: $", Pattern.MULTILINE);
    private static final Timeout LONG = Timeout.of("test", Duration.ofSeconds(10));

    @TempDir
    Path dir;
    FakeSerialLine line;
    Console console;

    @BeforeEach
    void open() throws Exception {
        line = new FakeSerialLine();
        console = new Console(line, dir.resolve("run").resolve("console.log"));
    }

    @AfterEach
    void close() {
        console.close();
    }

    /** Feeds device output and waits until the console's reader has captured it. */
    private void feed(String text) {
        long before = console.mark();
        line.deviceWrite(text);
        int visible = text.replaceAll("\u001b\\[[0-9;?]*[@-~]", "").length(); // terminal sequences are not matched text
        Eventually.await("console to capture " + visible + " characters", Duration.ofSeconds(10),
                () -> console.mark() >= before + visible);
    }

    @Test
    void await_finds_a_pattern_that_arrives_later_in_fragments() throws Exception {
        long from = console.mark();
        CompletableFuture<Optional<ConsoleMatch>> waiting = new CompletableFuture<>();
        Thread waiter = new Thread(() -> waiting.complete(console.await(LOGIN, from, LONG)));
        waiter.start();
        Eventually.await("waiter blocked in await", Duration.ofSeconds(5), () -> waiter.getState() == Thread.State.TIMED_WAITING);

        feed("Welcome\r\nrefdev log");
        assertThat(console.find(LOGIN, from)).isEmpty();
        assertThat(waiting).as("half a prompt is no prompt").isNotDone();

        line.deviceWrite("in: ");
        Optional<ConsoleMatch> m = waiting.get(10, TimeUnit.SECONDS);
        assertThat(m).isPresent();
        assertThat(m.get().text()).isEqualTo("login: ");
        assertThat(m.get().start()).isEqualTo(from + "Welcome\r\nrefdev ".length());
        assertThat(m.get().end()).isEqualTo(from + "Welcome\r\nrefdev login: ".length());
    }

    @Test
    void await_returns_empty_once_the_timeout_passes() {
        feed("nothing of interest\r\n");
        long t0 = System.nanoTime();
        Optional<ConsoleMatch> m = console.await(LOGIN, 0, Timeout.of("test", Duration.ofMillis(300)));
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertThat(m).isEmpty();
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(290)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void await_ignores_output_before_its_mark() throws Exception {
        feed("refdev login: ");
        long from = console.mark();
        assertThat(console.find(LOGIN, 0)).as("the old prompt is there").isPresent();
        assertThat(console.await(LOGIN, from, Timeout.of("test", Duration.ofMillis(200)))).as("but before the mark").isEmpty();

        feed("\r\nrefdev login: ");
        Optional<ConsoleMatch> m = console.await(LOGIN, from, LONG);
        assertThat(m).isPresent();
        assertThat(m.get().start()).isGreaterThanOrEqualTo(from);
        assertThat(console.textSince(from)).isEqualTo("\r\nrefdev login: ");
    }

    @Test
    void groups_are_reported() {
        feed("eth0: link up, ip 198.18.0.2\n");
        ConsoleMatch m = console.find(Pattern.compile("ip (\\d+\\.\\d+\\.\\d+\\.\\d+)"), 0).orElseThrow();
        assertThat(m.groups()).containsExactly("ip 198.18.0.2", "198.18.0.2");
    }

    @Test
    void transcript_has_timestamped_lines() throws Exception {
        feed("first line\r\nsecond line\n");
        feed("refdev login: ");
        String slice = console.transcriptSince(0, 1 << 20);
        assertThat(slice.lines().toList()).hasSize(3);
        assertThat(slice.lines().toList().get(0)).matches("\\[ *\\d+\\.\\d{3}\\] first line");
        assertThat(slice.lines().toList().get(1)).matches("\\[ *\\d+\\.\\d{3}\\] second line");
        assertThat(slice.lines().toList().get(2)).as("the unfinished prompt line too").matches("\\[ *\\d+\\.\\d{3}\\] refdev login: ");

        console.close();
        List<String> file = Files.readAllLines(dir.resolve("run").resolve("console.log"), StandardCharsets.UTF_8);
        assertThat(file).hasSize(3);
        assertThat(file).allMatch(l -> l.matches("\\[ *\\d+\\.\\d{3}\\] .*"));
        assertThat(file.get(0)).endsWith("] first line");
        assertThat(file.get(2)).endsWith("] refdev login: ");
    }

    @Test
    void transcript_slice_starts_at_a_position_and_is_capped() {
        feed("before\n");
        long pos = console.transcriptPosition();
        assertThat(pos).isPositive();
        feed("after\n");
        assertThat(console.transcriptSince(pos, 1 << 20)).doesNotContain("before").contains("after");
        feed("x".repeat(200) + "\n");
        String capped = console.transcriptSince(0, 100);
        assertThat(capped).startsWith("[... ").contains("earlier bytes cut]");
        assertThat(capped.length()).isLessThan(160);
    }

    @Test
    void control_characters_are_escaped_in_the_transcript_and_csi_sequences_left_out_of_matching() throws Exception {
        feed("\u001b[31mred\u001b[0m\u0000bell\u0007\tTab\r\n");
        console.close();
        byte[] raw = Files.readAllBytes(dir.resolve("run").resolve("console.log"));
        String text = new String(raw, StandardCharsets.UTF_8);
        assertThat(text).contains("\\x1b[31mred\\x1b[0m\\x00bell\\x07\tTab");
        for (byte b : raw) {
            assertThat(b == 0x1b || b == 0 || b == 7 || b == '\r').as("raw control byte %02x in transcript", b).isFalse();
        }
        assertThat(console.find(Pattern.compile("red\\x00bell"), 0)).as("matching sees the text a terminal shows").isPresent();
        assertThat(console.find(Pattern.compile("\u001b"), 0)).isEmpty();
    }

    @Test
    void a_cursor_query_after_a_prompt_does_not_hide_the_prompt() throws Exception {
        feed("root@refdev:~# \u001b[6n");
        assertThat(console.await(Pattern.compile("# $", Pattern.MULTILINE), 0, org.hil303.rigs.base.Timeout.of("t", java.time.Duration.ofSeconds(2))))
                .isPresent();
    }

    @Test
    void a_20_mb_binary_flood_keeps_the_window_bounded_and_matching_working() throws Exception {
        Random random = new Random(303645);
        int chunks = 20 * 128; // 20 MiB in 8 KiB chunks
        byte[] chunk = new byte[8192];
        long flood = (long) chunks * chunk.length;
        for (int i = 0; i < chunks; i++) {
            random.nextBytes(chunk);
            for (int j = 0; j < chunk.length; j++) {
                if (chunk[j] == ':' || chunk[j] == 0x1b) {
                    chunk[j] = ';'; // keep "login:" out of the noise; no ESC, so offsets count every byte
                }
            }
            line.deviceWrite(chunk);
        }
        line.deviceWrite("\r\nafter the flood\r\nrefdev login: ");
        Optional<ConsoleMatch> m = console.await(Pattern.compile("after the flood\r\nrefdev (login: )$", Pattern.MULTILINE), 0,
                Timeout.of("flood", Duration.ofSeconds(120)));
        assertThat(m).isPresent();
        assertThat(m.get().start()).isEqualTo(flood + 2);
        assertThat(console.mark()).isEqualTo(flood + "\r\nafter the flood\r\nrefdev login: ".length());
        assertThat(console.textSince(0).length()).as("window").isLessThanOrEqualTo(ConsoleCapture.WINDOW_CHARS);
        assertThat(console.textSince(0)).endsWith("refdev login: ");
        long from = console.mark();
        feed("\r\nrefdev login: ");
        assertThat(console.await(LOGIN, from, LONG).orElseThrow().start()).isGreaterThan(from);
    }

    @Test
    void crash_and_restart_lines_become_events() {
        long from = console.mark();
        feed("[    2.100] Kernel panic - not syncing: VFS: Unable to mount root fs\r\n");
        feed("ordinary line\r\n");
        feed("[    7.300] reboot: Restarting system\r\n");
        List<ConsoleEvent> events = console.eventsSince(from);
        assertThat(events).extracting(ConsoleEvent::kind).containsExactly(ConsoleEvent.Kind.PANIC, ConsoleEvent.Kind.REBOOT);
        assertThat(events.get(0).line()).contains("Kernel panic - not syncing");
        assertThat(events.get(1).line()).contains("reboot: Restarting system");
        assertThat(events.get(1).at()).isGreaterThanOrEqualTo(events.get(0).at());
        long after = console.mark();
        assertThat(console.eventsSince(after)).isEmpty();
        feed("Oops: 0000 [#1] SMP\n");
        assertThat(console.eventsSince(after)).extracting(ConsoleEvent::kind).containsExactly(ConsoleEvent.Kind.OOPS);
    }

    @Test
    void send_writes_to_the_line() {
        console.sendLine("root");
        console.send("\u0003");
        console.sendBreak(Duration.ofMillis(250));
        assertThat(line.drainSent()).isEqualTo("root\r\u0003");
        assertThat(line.breaks).containsExactly(Duration.ofMillis(250));
    }

    @Test
    void a_line_that_closes_makes_the_next_await_and_send_fail() {
        feed("last words\r\n");
        line.hangUp();
        Eventually.await("the console to notice the closed line", Duration.ofSeconds(10), () -> {
            try {
                console.send("");
                return false;
            } catch (RigFault e) {
                return true;
            }
        });
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> console.await(LOGIN, 0, LONG)).isInstanceOf(RigFault.class)
                .hasMessageContaining("fake-uart").hasMessageContaining("closed");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("fails at once, not after the timeout").isLessThan(Duration.ofSeconds(2));
        assertThatThrownBy(() -> console.sendLine("root")).isInstanceOf(RigFault.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> console.sendBreak(Duration.ofMillis(1))).isInstanceOf(RigFault.class);
        assertThat(console.textSince(0)).as("what came before stays readable").isEqualTo("last words\r\n");
    }
}

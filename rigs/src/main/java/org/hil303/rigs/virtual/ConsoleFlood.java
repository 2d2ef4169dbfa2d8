package org.hil303.rigs.virtual;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import org.hil303.rigs.base.Timeout;
import org.hil303.rigs.console.Console;
import org.hil303.rigs.console.ConsoleMatch;
import org.hil303.rigs.console.JSerialCommLine;

/**
 * Floods the harness's console path with what a hostile or broken device prints (binary, NUL runs,
 * escape sequences, endless lines, HTML and script text) and measures what the harness keeps of it.
 * The bytes enter where the emulated UART's do: the master of a pseudo-terminal whose slave the
 * harness opens with jSerialComm, read by the same Console and transcript as in a run. The emulated
 * UART itself carries about 150 KB/s, so a gigabyte can only be pushed from here.
 */
public final class ConsoleFlood {
    /** What the device prints once the flood is over: the console must still find it. */
    static final String AFTER = "flood over\r\nunit login: ";
    private static final Pattern AFTER_PROMPT = Pattern.compile("flood over\\s+unit login: $");
    private static final int CHUNK = 64 << 10;

    /** What the flood cost: bytes pushed, time, and what the transcript kept and dropped. */
    public record Figures(long bytes, Duration elapsed, long transcriptBytes, long droppedLines, long droppedBytes,
            boolean promptFoundAfter, boolean transcriptClean) {
        public double megabytesPerSecond() {
            return bytes / 1e6 / Math.max(1e-9, elapsed.toNanos() / 1e9);
        }
    }

    private ConsoleFlood() {}

    /** Pushes {@code bytes} of hostile output through the console path; the transcript goes into {@code dir}. */
    public static Figures push(long bytes, Path dir, Timeout timeout) throws IOException {
        Files.createDirectories(dir);
        Path transcript = dir.resolve("console-flood.log");
        Random random = new Random(303645);
        Optional<ConsoleMatch> prompt;
        Duration elapsed;
        long sent = 0;
        long[] dropped;
        String slice;
        try (Pty pty = Pty.open(); Console console = new Console(JSerialCommLine.open(pty.slavePath(), 115200), transcript)) {
            long mark = console.mark();
            long start = System.nanoTime();
            byte[] chunk = new byte[CHUNK];
            while (sent < bytes) {
                int n = (int) Math.min(CHUNK, bytes - sent);
                fill(chunk, n, sent, random);
                pty.write(chunk, n);
                sent += n;
            }
            byte[] after = AFTER.getBytes(StandardCharsets.US_ASCII);
            pty.write(after, after.length);
            prompt = console.await(AFTER_PROMPT, mark, timeout);
            elapsed = Duration.ofNanos(System.nanoTime() - start);
            slice = console.transcriptSince(0, 1 << 20);
            dropped = console.dropped();
        }
        return new Figures(sent, elapsed, Files.size(transcript), dropped[0], dropped[1], prompt.isPresent(), clean(slice));
    }

    /**
     * One chunk of the flood, taking turns: random binary, a run of NUL bytes, escape sequences that
     * would clear a terminal or retitle it, markup and script text, and a line that never ends.
     */
    static void fill(byte[] chunk, int n, long offset, Random random) {
        switch ((int) ((offset / CHUNK) % 5)) {
            case 0 -> random.nextBytes(chunk);
            case 1 -> java.util.Arrays.fill(chunk, 0, n, (byte) 0);
            case 2 -> repeat(chunk, n, "\u001b[2J\u001b[H\u001b]0;owned\u0007\u001b[31;1mred\u001b[0m\u001b[6n\u001bP+q\u001b\\\r\n");
            case 3 -> repeat(chunk, n, "<script>alert(document.cookie)</script></pre><img src=x onerror=alert(1)>\"}]},{\"verdict\": \"PASS\"\r\n");
            default -> java.util.Arrays.fill(chunk, 0, n, (byte) 'A');
        }
    }

    private static void repeat(byte[] chunk, int n, String text) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < n; i++) {
            chunk[i] = b[i % b.length];
        }
    }

    /** The transcript as a report would show it holds no control byte but line breaks and tabs. */
    private static boolean clean(String slice) {
        return slice.chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\t' || c == 0x7f);
    }
}

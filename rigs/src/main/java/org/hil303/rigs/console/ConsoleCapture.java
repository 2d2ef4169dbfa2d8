package org.hil303.rigs.console;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hil303.rigs.base.Timeout;

/**
 * Every byte the console delivers, from rig open to rig close, whether a step reads it or not.
 * Bytes map one to one onto chars (ISO-8859-1), so a flood of binary cannot break decoding.
 * The transcript file keeps everything (escaped, timestamped); the window that prompts are
 * matched against holds the text as a terminal would show it, without CSI escape sequences
 * (a shell asking for the cursor position after its prompt must not hide the prompt). Offsets
 * count window characters. Memory is bounded: only a window of recent output is kept. Disk is
 * bounded too: past {@link #TRANSCRIPT_LIMIT} the transcript keeps no more lines but counts them, and
 * says how much it dropped (a device that floods its console must not fill the lab's disk).
 */
public final class ConsoleCapture implements AutoCloseable {
    static final int WINDOW_CHARS = 4 << 20;
    /** The most the transcript file holds: hours of a chatty device, a fraction of a flood. */
    public static final long TRANSCRIPT_LIMIT = 64L << 20;
    private static final int MAX_LINE = 4096;
    private static final int MAX_EVENTS = 1000;

    private final long startNanos = System.nanoTime();
    private final Path transcript;
    private final BufferedWriter writer;
    private final StringBuilder window = new StringBuilder();
    private final StringBuilder line = new StringBuilder();
    private final List<ConsoleEvent> events = new ArrayList<>();
    private final List<long[]> eventOffsets = new ArrayList<>();
    private long windowStart;
    private long total;
    private long lineStartNanos = -1;
    private boolean ended;
    private int escape; // 0 text, 1 after ESC, 2 inside a CSI sequence
    private long lastDataNanos = System.nanoTime();
    private final long limit;
    private long written;
    private long droppedLines;
    private long droppedBytes;

    public ConsoleCapture(Path transcript) throws IOException {
        this(transcript, TRANSCRIPT_LIMIT);
    }

    ConsoleCapture(Path transcript, long limit) throws IOException {
        this.limit = limit;
        this.transcript = transcript;
        Files.createDirectories(transcript.toAbsolutePath().getParent());
        this.writer = Files.newBufferedWriter(transcript, StandardCharsets.UTF_8);
    }

    public Path transcript() {
        return transcript;
    }

    public synchronized void append(byte[] buf, int n) {
        for (int i = 0; i < n; i++) {
            char c = (char) (buf[i] & 0xff);
            if (!inEscape(c)) {
                window.append(c);
                total++;
            }
            if (lineStartNanos < 0) {
                lineStartNanos = System.nanoTime();
            }
            if (c == '\n') {
                completeLine();
            } else {
                line.append(c);
                if (line.length() >= MAX_LINE) {
                    completeLine();
                }
            }
        }
        lastDataNanos = System.nanoTime();
        if (window.length() > WINDOW_CHARS) {
            int drop = window.length() - WINDOW_CHARS / 2;
            window.delete(0, drop);
            windowStart += drop;
        }
        notifyAll();
    }

    /** Tracks ESC [ ... final-byte sequences, which the window leaves out. */
    private boolean inEscape(char c) {
        switch (escape) {
            case 1:
                escape = c == '[' ? 2 : 0;
                return true;
            case 2:
                if (c >= 0x40 && c <= 0x7e) {
                    escape = 0;
                }
                return true;
            default:
                if (c == 0x1b) {
                    escape = 1;
                    return true;
                }
                return false;
        }
    }

    private void completeLine() {
        Duration at = Duration.ofNanos(lineStartNanos - startNanos);
        try {
            if (droppedLines > 0) {
                droppedLines++; // past the limit: counted, not formatted (a flood must not cost the harness more than its bytes)
                droppedBytes += line.length() + 1;
            } else {
                String entry = String.format(java.util.Locale.ROOT, "[%10.3f] %s%n", at.toNanos() / 1e9, ReportText.sanitize(line, MAX_LINE * 4));
                long bytes = utf8Length(entry);
                if (written + bytes > limit) {
                    writer.write(String.format(java.util.Locale.ROOT, "[%10.3f] [hil303: the transcript reached its limit of %d MiB; "
                            + "further lines are dropped and counted]%n", at.toNanos() / 1e9, limit >> 20));
                    droppedLines++;
                    droppedBytes += line.length() + 1;
                } else {
                    writer.write(entry);
                    written += bytes;
                }
            }
        } catch (IOException e) {
            // the transcript file is evidence, but losing it must not stop the capture used for matching
        }
        ConsoleEvent.recognise(line.toString(), at).ifPresent(ev -> {
            if (events.size() >= MAX_EVENTS) {
                // keep the most recent: a crash after many earlier events must still be seen
                events.remove(0);
                eventOffsets.remove(0);
            }
            events.add(ev);
            eventOffsets.add(new long[] {total});
        });
        line.setLength(0);
        lineStartNanos = -1;
    }

    /** Bytes on disk: the sanitized text is ASCII but for the Latin-1 letters a device printed, two bytes each in UTF-8. */
    private static long utf8Length(String s) {
        long n = s.length();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                n++;
            }
        }
        return n;
    }

    /** Waits until nothing has arrived for {@code quiet}; false if the device keeps talking past the timeout. */
    public boolean awaitQuiet(Duration quiet, Timeout timeout) throws InterruptedException {
        long deadline = timeout.deadlineNanos();
        synchronized (this) {
            while (true) {
                long silentUntil = lastDataNanos + quiet.toNanos();
                long now = System.nanoTime();
                if (now >= silentUntil || ended) {
                    return true;
                }
                if (now >= deadline) {
                    return false;
                }
                long waitNanos = Math.min(silentUntil, deadline) - now;
                wait(Math.max(1, waitNanos / 1_000_000));
            }
        }
    }

    /** No more bytes will come (the line was lost): waiters stop waiting. */
    public synchronized void end() {
        ended = true;
        notifyAll();
    }

    /** Offset of the next byte to arrive: a mark to match or slice from. */
    public synchronized long mark() {
        return total;
    }

    /** A match found at or after {@code from}; waits for more output until the timeout. */
    public Optional<ConsoleMatch> await(Pattern pattern, long from, Timeout timeout) throws InterruptedException {
        long deadline = timeout.deadlineNanos();
        synchronized (this) {
            while (true) {
                Optional<ConsoleMatch> m = find(pattern, from);
                if (m.isPresent()) {
                    return m;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || ended) {
                    return Optional.empty();
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    public synchronized Optional<ConsoleMatch> find(Pattern pattern, long from) {
        int start = (int) Math.max(0, from - windowStart);
        if (start > window.length()) {
            return Optional.empty();
        }
        Matcher m = pattern.matcher(window);
        m.region(start, window.length());
        if (!m.find()) {
            return Optional.empty();
        }
        List<String> groups = new ArrayList<>();
        for (int g = 0; g <= m.groupCount(); g++) {
            groups.add(m.group(g));
        }
        return Optional.of(new ConsoleMatch(windowStart + m.start(), windowStart + m.end(), groups));
    }

    /** Raw text received since a mark (as far as the window still holds it). */
    public synchronized String textSince(long from) {
        int start = (int) Math.max(0, from - windowStart);
        return start >= window.length() ? "" : window.substring(start);
    }

    public synchronized List<ConsoleEvent> eventsSince(long from) {
        List<ConsoleEvent> out = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (eventOffsets.get(i)[0] > from) {
                out.add(events.get(i));
            }
        }
        return out;
    }

    /** Transcript file position, for slicing what a scenario saw. */
    public synchronized long transcriptPosition() {
        try {
            writer.flush();
            return Files.size(transcript);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The timestamped transcript from a position on, plus the unfinished last line (a prompt), capped. */
    public synchronized String transcriptSince(long position, int maxChars) {
        StringBuilder out = new StringBuilder();
        try {
            writer.flush();
            try (RandomAccessFile f = new RandomAccessFile(transcript.toFile(), "r")) {
                long len = f.length();
                long from = Math.max(position, len - maxChars);
                if (from > position) {
                    out.append("[... ").append(from - position).append(" earlier bytes cut]\n");
                }
                byte[] bytes = new byte[(int) (len - from)];
                f.seek(from);
                f.readFully(bytes);
                out.append(new String(bytes, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            out.append("[transcript unreadable: ").append(e.getMessage()).append("]\n");
        }
        if (line.length() > 0) {
            out.append(String.format(java.util.Locale.ROOT, "[%10.3f] %s%n",
                    (lineStartNanos - startNanos) / 1e9, ReportText.sanitize(line, MAX_LINE * 4)));
        }
        return out.toString();
    }

    /** Lines (and their bytes, as received) the transcript dropped past its limit. */
    public synchronized long[] dropped() {
        return new long[] {droppedLines, droppedBytes};
    }

    @Override
    public synchronized void close() {
        try {
            if (line.length() > 0) {
                completeLine();
            }
            if (droppedLines > 0) {
                writer.write(String.format(java.util.Locale.ROOT, "[hil303: %d lines (%d bytes as received) were dropped past the "
                        + "transcript's limit of %d MiB]%n", droppedLines, droppedBytes, limit >> 20));
            }
            writer.close();
        } catch (IOException e) {
            // nothing more can be saved
        }
    }
}

package org.hil303.rigs.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.base.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DUT's console: one reader thread copies every byte into the capture from rig open to rig
 * close; steps match against the capture with expect-style waits and write to the line.
 */
public final class Console implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Console.class);

    private final SerialLine line;
    private final ConsoleCapture capture;
    private final Thread reader;
    private volatile String lost;

    public Console(SerialLine line, Path transcript) throws IOException {
        this.line = line;
        this.capture = new ConsoleCapture(transcript);
        this.reader = new Thread(this::readLoop, "console-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void readLoop() {
        byte[] buf = new byte[8192];
        InputStream in = line.in();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                int n = in.read(buf);
                if (n < 0) {
                    lost = "console line " + line.describe() + " closed";
                    capture.end();
                    break;
                }
                if (n > 0) {
                    capture.append(buf, n);
                }
            }
        } catch (IOException e) {
            if (!Thread.currentThread().isInterrupted()) {
                lost = "console line " + line.describe() + " failed: " + e.getMessage();
                capture.end();
                LOG.warn(lost);
            }
        }
    }

    public String describe() {
        return line.describe();
    }

    public long mark() {
        return capture.mark();
    }

    /** Waits for the pattern in output since {@code from}; empty when the timeout passes first. */
    public Optional<ConsoleMatch> await(Pattern pattern, long from, Timeout timeout) {
        checkAlive();
        try {
            Optional<ConsoleMatch> m = capture.await(pattern, from, timeout);
            if (m.isEmpty()) {
                checkAlive();
            }
            return m;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RigFault("interrupted while waiting on the console");
        }
    }

    /** Waits for the device to stop printing for a moment, e.g. before typing at a prompt that may be redrawn. */
    public boolean awaitQuiet(Duration quiet, Timeout timeout) {
        checkAlive();
        try {
            return capture.awaitQuiet(quiet, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RigFault("interrupted while waiting on the console");
        }
    }

    public Optional<ConsoleMatch> find(Pattern pattern, long from) {
        return capture.find(pattern, from);
    }

    public String textSince(long from) {
        return capture.textSince(from);
    }

    public List<ConsoleEvent> eventsSince(long from) {
        return capture.eventsSince(from);
    }

    public void send(String text) {
        checkAlive();
        try {
            OutputStream out = line.out();
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new RigFault("cannot write to console " + line.describe() + ": " + e.getMessage(), e);
        }
    }

    /** Sends raw bytes, which need not be text (input validation sends invalid UTF-8 on purpose). */
    public void sendBytes(byte[] bytes) {
        checkAlive();
        try {
            OutputStream out = line.out();
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new RigFault("cannot write to console " + line.describe() + ": " + e.getMessage(), e);
        }
    }

    /** Sends a line as a terminal does: text then carriage return. */
    public void sendLine(String text) {
        send(text + "\r");
    }

    public void sendBreak(Duration length) {
        checkAlive();
        try {
            line.sendBreak(length);
        } catch (IOException e) {
            throw new RigFault("cannot send a break on " + line.describe() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RigFault("interrupted while sending a break");
        }
    }

    public long transcriptPosition() {
        return capture.transcriptPosition();
    }

    public String transcriptSince(long position, int maxChars) {
        return capture.transcriptSince(position, maxChars);
    }

    public Path transcript() {
        return capture.transcript();
    }

    /** Lines, and their bytes as received, the transcript dropped past its limit. */
    public long[] dropped() {
        return capture.dropped();
    }

    private void checkAlive() {
        if (lost != null) {
            throw new RigFault(lost);
        }
    }

    @Override
    public void close() {
        reader.interrupt();
        line.close();
        capture.close();
    }
}

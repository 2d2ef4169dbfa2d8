package org.hil303.rigs.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A serial line made of two byte queues. The host side reads like jSerialComm's semi-blocking
 * stream (0 after a short wait with nothing, -1 once the line is gone); the device side is for a
 * fake device thread.
 */
final class FakeSerialLine implements SerialLine {
    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> toHost = new LinkedBlockingQueue<>();
    private final BlockingQueue<byte[]> toDevice = new LinkedBlockingQueue<>();
    private final QueueInputStream hostIn = new QueueInputStream(toHost, true);
    private final QueueInputStream deviceIn = new QueueInputStream(toDevice, false);
    final List<Duration> breaks = new CopyOnWriteArrayList<>();
    volatile boolean closed;

    // --- the device's end

    void deviceWrite(String text) {
        deviceWrite(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    void deviceWrite(byte[] bytes) {
        toHost.add(bytes.clone());
    }

    /** The line goes away: the host's next read returns -1. */
    void hangUp() {
        toHost.add(END);
    }

    /** Blocking reads of what the host sent; -1 once the host closed the line. */
    InputStream deviceIn() {
        return deviceIn;
    }

    /** Everything the host sent so far that the device has not read (for tests without a device thread). */
    String drainSent() {
        StringBuilder sb = new StringBuilder();
        for (byte[] b; (b = toDevice.poll()) != null; ) {
            sb.append(new String(b, StandardCharsets.ISO_8859_1));
        }
        return sb.toString();
    }

    // --- the host's end

    @Override
    public String describe() {
        return "fake-uart";
    }

    @Override
    public InputStream in() {
        return hostIn;
    }

    @Override
    public OutputStream out() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (closed) {
                    throw new IOException("closed");
                }
                byte[] copy = new byte[len];
                System.arraycopy(b, off, copy, 0, len);
                toDevice.add(copy);
            }
        };
    }

    @Override
    public void sendBreak(Duration length) {
        breaks.add(length);
    }

    @Override
    public void close() {
        closed = true;
        toDevice.add(END);
        toHost.add(END);
    }

    private static final class QueueInputStream extends InputStream {
        private final BlockingQueue<byte[]> queue;
        private final boolean semiBlocking;
        private byte[] current = new byte[0];
        private int pos;
        private boolean ended;

        QueueInputStream(BlockingQueue<byte[]> queue, boolean semiBlocking) {
            this.queue = queue;
            this.semiBlocking = semiBlocking;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            while (true) {
                int n = read(one, 0, 1);
                if (n < 0) {
                    return -1;
                }
                if (n == 1) {
                    return one[0] & 0xff;
                }
            }
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) throws IOException {
            if (ended) {
                return -1;
            }
            if (pos >= current.length) {
                byte[] next;
                try {
                    next = semiBlocking ? queue.poll(50, TimeUnit.MILLISECONDS) : queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted");
                }
                if (next == null) {
                    return 0;
                }
                if (next == END) {
                    ended = true;
                    return -1;
                }
                current = next;
                pos = 0;
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}

package org.hil303.rigs.virtual;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import org.hil303.rigs.console.SerialLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The virtual UART end to end: a fake QEMU on the unix socket, the harness on the pty through jSerialComm. */
class VirtualConsoleTest {
    @TempDir
    Path dir;
    VirtualConsole vconsole;
    SerialLine line;

    @BeforeEach
    void open() {
        vconsole = new VirtualConsole(dir.resolve("console.sock"));
        line = vconsole.open(115200);
    }

    @AfterEach
    void close() {
        line.close();
        vconsole.close();
    }

    /** A stand-in for QEMU's chardev in client mode. */
    private SocketChannel connectQemu() throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        ch.connect(UnixDomainSocketAddress.of(vconsole.socketPath()));
        return ch;
    }

    private static void write(SocketChannel ch, byte[] b) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(b);
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    /** Reads exactly n bytes from the fake QEMU's side, or fails after the timeout. */
    private static byte[] readFromHarness(SocketChannel ch, int n, Duration timeout) throws Exception {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            ByteBuffer buf = ByteBuffer.allocate(4096);
            try {
                while (got.size() < n) {
                    buf.clear();
                    int r = ch.read(buf);
                    if (r < 0) {
                        return;
                    }
                    synchronized (got) {
                        got.write(buf.array(), 0, r);
                    }
                }
            } catch (IOException e) {
                // closed by the timeout below
            }
        });
        reader.start();
        reader.join(timeout.toMillis());
        if (reader.isAlive()) {
            ch.close();
            reader.join();
        }
        synchronized (got) {
            return got.toByteArray();
        }
    }

    /** Reads exactly n bytes arriving on the harness's serial line, or what came before the timeout. */
    private static byte[] readFromDevice(SerialLine line, int n, Duration timeout) throws IOException {
        InputStream in = line.in();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buf = new byte[4096];
        while (got.size() < n && System.nanoTime() < deadline) {
            int r = in.read(buf, 0, Math.min(buf.length, n - got.size())); // semi-blocking: at most ~100 ms
            if (r < 0) {
                break;
            }
            got.write(buf, 0, Math.max(r, 0));
        }
        return got.toByteArray();
    }

    private static byte[] everyByte() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        return all;
    }

    @Test
    void device_output_reaches_the_serial_line_byte_for_byte() throws Exception {
        try (SocketChannel qemu = connectQemu()) {
            byte[] sent = "refdev login: \r\n".getBytes();
            write(qemu, sent);
            assertThat(readFromDevice(line, sent.length, Duration.ofSeconds(10))).isEqualTo(sent);
            byte[] all = everyByte();
            write(qemu, all);
            assertThat(readFromDevice(line, all.length, Duration.ofSeconds(10))).as("raw, 8-bit clean").isEqualTo(all);
        }
    }

    @Test
    void harness_output_reaches_the_device_with_ctrl_a_doubled() throws Exception {
        try (SocketChannel qemu = connectQemu()) {
            // make sure the bridge has taken the connection before the harness talks
            write(qemu, "ready\n".getBytes());
            assertThat(readFromDevice(line, 6, Duration.ofSeconds(10))).isEqualTo("ready\n".getBytes());

            line.out().write(new byte[] {'r', 'o', 'o', 't', '\r', 0x01, 'x', '\n', 0x03, 0x11, 0x13, (byte) 0xff});
            line.out().flush();
            byte[] expected = {'r', 'o', 'o', 't', '\r', 0x01, 0x01, 'x', '\n', 0x03, 0x11, 0x13, (byte) 0xff};
            assertThat(readFromHarness(qemu, expected.length, Duration.ofSeconds(10))).isEqualTo(expected);
        }
    }

    @Test
    void send_break_is_exactly_ctrl_a_b() throws Exception {
        try (SocketChannel qemu = connectQemu()) {
            write(qemu, "ready\n".getBytes());
            assertThat(readFromDevice(line, 6, Duration.ofSeconds(10))).isEqualTo("ready\n".getBytes());
            line.sendBreak(Duration.ofMillis(500));
            line.out().write('z'); // a marker after the break, so we know nothing else came in between
            line.out().flush();
            assertThat(readFromHarness(qemu, 3, Duration.ofSeconds(10))).isEqualTo(new byte[] {0x01, 'b', 'z'});
        }
    }

    @Test
    void survives_the_device_powering_off_and_on_again() throws Exception {
        SocketChannel first = connectQemu();
        write(first, "boot 1\n".getBytes());
        assertThat(readFromDevice(line, 7, Duration.ofSeconds(10))).isEqualTo("boot 1\n".getBytes());
        first.close(); // relay off: QEMU killed

        try (SocketChannel second = connectQemu()) {
            write(second, "boot 2\n".getBytes());
            assertThat(readFromDevice(line, 7, Duration.ofSeconds(10))).isEqualTo("boot 2\n".getBytes());
            line.out().write("hello\r".getBytes());
            line.out().flush();
            assertThat(readFromHarness(second, 6, Duration.ofSeconds(10))).isEqualTo("hello\r".getBytes());
        }
        assertThat(line.describe()).contains(vconsole.slavePath()).contains("virtual UART");
    }
}

package org.hil303.rigs.virtual;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import org.hil303.rigs.console.JSerialCommLine;
import org.hil303.rigs.console.SerialLine;

/**
 * The virtual rig's UART: QEMU's serial port reaches a unix socket, which this bridge joins to the
 * master of a pseudo-terminal; the harness opens the slave by path with jSerialComm, exactly as it
 * opens a USB-UART on a Pi rig. QEMU's chardev mux escape (Ctrl-A) is how a break reaches the
 * emulated UART, so a literal Ctrl-A from the harness is doubled.
 */
final class VirtualConsole implements AutoCloseable {
    private static final byte CTRL_A = 0x01;

    private final Pty pty;
    private final DeviceSocket socket;
    private final Thread toDevice;

    VirtualConsole(Path socketPath) {
        pty = Pty.open();
        socket = new DeviceSocket(socketPath, "console", (buf, n) -> {
            try {
                pty.write(buf, n);
            } catch (IOException e) {
                // the pty is closing with the rig
            }
        });
        toDevice = new Thread(this::forwardToDevice, "virtual-console-tx");
        toDevice.setDaemon(true);
        toDevice.start();
    }

    private void forwardToDevice() {
        byte[] buf = new byte[4096];
        byte[] escaped = new byte[8192];
        try {
            while (true) {
                int n = pty.read(buf);
                if (n <= 0) {
                    return;
                }
                int m = 0;
                for (int i = 0; i < n; i++) {
                    escaped[m++] = buf[i];
                    if (buf[i] == CTRL_A) {
                        escaped[m++] = CTRL_A;
                    }
                }
                socket.send(escaped, m);
            }
        } catch (IOException e) {
            // pty closed with the rig
        }
    }

    String slavePath() {
        return pty.slavePath();
    }

    Path socketPath() {
        return socket.path();
    }

    /** Whether the emulated UART is connected to the rig's side (it connects within a moment of power-on). */
    boolean deviceConnected() {
        return socket.connected();
    }

    /** Cuts the emulated UART's connection to the rig (fault injection: a console cable pulled). */
    void drop() {
        socket.drop();
    }

    /** Opens the console as a user would: jSerialComm on the pseudo-terminal's path. */
    SerialLine open(int baud) {
        JSerialCommLine port = JSerialCommLine.open(pty.slavePath(), baud);
        return new SerialLine() {
            @Override
            public String describe() {
                return port.describe() + " (virtual UART)";
            }

            @Override
            public InputStream in() {
                return port.in();
            }

            @Override
            public OutputStream out() {
                return port.out();
            }

            @Override
            public void sendBreak(Duration length) {
                // A pty cannot carry a break condition; QEMU's mux turns Ctrl-A b into a break on the emulated UART.
                socket.send(new byte[] {CTRL_A, 'b'}, 2);
            }

            @Override
            public void close() {
                port.close();
            }
        };
    }

    @Override
    public void close() {
        socket.close();
        pty.close();
    }
}

package org.hil303.rigs.virtual;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The emulated device's button line: its second UART, on which each change of a button output is one text line. */
final class VirtualButtons implements AutoCloseable {
    private final DeviceSocket socket;

    VirtualButtons(Path socketPath) {
        socket = new DeviceSocket(socketPath, "buttons", (buf, n) -> { });
    }

    Path socketPath() {
        return socket.path();
    }

    void changed(String button, boolean pressed) {
        byte[] line = ("BUTTON " + button + (pressed ? " PRESS" : " RELEASE") + "\n").getBytes(StandardCharsets.US_ASCII);
        socket.send(line, line.length);
    }

    @Override
    public void close() {
        socket.close();
    }
}

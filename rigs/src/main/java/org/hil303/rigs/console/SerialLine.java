package org.hil303.rigs.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/** The byte path to the DUT's UART: a USB-UART on a Pi rig, a pseudo-terminal on the virtual rig. */
public interface SerialLine extends AutoCloseable {
    String describe();

    /** Reads with a short timeout: returns 0 when nothing arrived, -1 when the line is gone. */
    InputStream in();

    OutputStream out();

    /** Holds the line in the break condition (a long space), as a boot-interrupt attempt would. */
    void sendBreak(Duration length) throws IOException, InterruptedException;

    /** Non-empty when the line itself is broken (the adapter unplugged, the connection to the UART gone): the rig's fault, not the DUT's. */
    default java.util.Optional<String> fault() {
        return java.util.Optional.empty();
    }

    @Override
    void close();
}

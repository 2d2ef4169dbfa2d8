package org.hil303.rigs.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hil303.rigs.base.RigFault;

/**
 * Where the kernel picks the local ports of outgoing connections. Every service of the harness
 * listens below it, so the DUT's own connections to the harness go to ports below it and the
 * answers to the harness's connections to ports inside it: that is how an uplink cut tells them apart.
 */
public final class EphemeralPorts {
    private static final Path RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

    private EphemeralPorts() {}

    public static int first() {
        try {
            // readAllLines, not readString: procfs reports size 0 and readString then returns a fragment
            return Integer.parseInt(Files.readAllLines(RANGE).get(0).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            throw new RigFault("cannot read the ephemeral port range from " + RANGE + ": " + e.getMessage());
        }
    }
}

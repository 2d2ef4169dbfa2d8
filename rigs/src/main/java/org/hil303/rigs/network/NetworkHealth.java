package org.hil303.rigs.network;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;
import org.hil303.rigs.health.HealthCheck;

/** The rig's side of the DUT's link: its interface present, up, and holding the harness's address. */
public final class NetworkHealth {
    private NetworkHealth() {}

    /** Asks the kernel of the process's own network namespace, so the virtual rig's tap is seen where it lives. */
    public static HealthCheck link(String iface, InetAddress harness) {
        return new HealthCheck("network", () -> problem(iface, harness));
    }

    static Optional<String> problem(String iface, InetAddress harness) {
        try {
            NetworkInterface n = NetworkInterface.getByName(iface);
            if (n == null) {
                return Optional.of("the rig's interface " + iface + " to the DUT is gone");
            }
            if ((LinkFlags.of(iface).orElse(LinkFlags.IFF_UP) & LinkFlags.IFF_UP) == 0) {
                return Optional.of("the rig's interface " + iface + " to the DUT is down");
            }
            boolean has = Collections.list(n.getInetAddresses()).contains(harness);
            return has ? Optional.empty() : Optional.of("the rig's interface " + iface + " lost the harness address " + harness.getHostAddress());
        } catch (SocketException e) {
            return Optional.of("the rig's interface " + iface + " cannot be read: " + e.getMessage());
        }
    }
}

package org.hil303.rigs.network;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.base.Timeout;

/**
 * The rig's network path to the DUT. Every probe asks it for its target, and it refuses any
 * address outside the rig's own DUT network: a lab tool must never touch a host it was not given.
 */
public final class NetworkPath {
    private final InetAddress dut;
    private final Subnet allowed;

    public NetworkPath(InetAddress dut, Subnet allowed) {
        if (!allowed.contains(dut)) {
            throw new IllegalArgumentException("DUT address " + dut.getHostAddress() + " is outside the allowed network " + allowed);
        }
        this.dut = dut;
        this.allowed = allowed;
    }

    public InetAddress dutAddress() {
        return dut;
    }

    public Subnet allowed() {
        return allowed;
    }

    public InetSocketAddress dutPort(int port) {
        return target(dut, port);
    }

    public InetSocketAddress target(InetAddress host, int port) {
        if (!allowed.contains(host)) {
            throw new RigFault("refusing to contact " + host.getHostAddress() + ": outside the rig's DUT network " + allowed);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        return new InetSocketAddress(host, port);
    }

    /** Waits until the DUT accepts a TCP connection on the port; false when the timeout passes. */
    public boolean awaitPort(int port, Timeout timeout) {
        long deadline = timeout.deadlineNanos();
        InetSocketAddress target = dutPort(port);
        while (System.nanoTime() < deadline) {
            long attemptStart = System.nanoTime();
            try (Socket s = new Socket()) {
                s.connect(target, 1000);
                return true;
            } catch (ConnectException e) {
                // refused: the service is not up yet; pace retries so a refusal is not a busy loop
                waitUntil(attemptStart + 200_000_000L);
            } catch (IOException e) {
                // unreachable or timed out: try again until the deadline
                waitUntil(attemptStart + 200_000_000L);
            }
        }
        return false;
    }

    private static void waitUntil(long nanos) {
        long left = nanos - System.nanoTime();
        if (left > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(left);
        }
    }
}

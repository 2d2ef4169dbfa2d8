package org.hil303.rigs.virtual;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hil303.rigs.base.RigFault;

/**
 * The virtual rig's private network: the harness and the emulated device alone in a network
 * namespace joined by a tap device, so the device can reach nothing but the harness and the
 * harness's probes can reach nothing but the device.
 */
public final class NetworkNamespace {
    public static final String MARKER = "HIL303_NETNS";

    private NetworkNamespace() {}

    /** The command that runs {@code command} inside a fresh private network namespace. */
    public static List<String> isolate(List<String> command) {
        if (!Tools.onPath("unshare")) {
            throw new RigFault("unshare not found: install it with `sudo apt-get install util-linux`");
        }
        List<String> out = new ArrayList<>(List.of("unshare", "--net"));
        if (!isRoot()) {
            out.add("--map-root-user"); // an unprivileged user namespace gives the rights a tap needs
        }
        out.add("--");
        out.addAll(command);
        return out;
    }

    /** Tries to create a namespace; returns why it cannot be had, or empty when it can. */
    public static java.util.Optional<String> unavailable() {
        try {
            Process p = new ProcessBuilder(isolate(List.of("ip", "link", "show", "lo"))).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() == 0) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of("cannot create a private network namespace for the virtual rig (" + out + "): run as root, "
                    + "or allow unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1 and "
                    + "user.max_user_namespaces > 0)");
        } catch (IOException e) {
            return java.util.Optional.of("cannot run unshare: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.of("interrupted");
        }
    }

    public static boolean entered() {
        return "1".equals(System.getenv(MARKER));
    }

    /** Brings up loopback and the tap; refuses to run where other interfaces could reach the outside. */
    static void setUp(String tap, String harnessCidr) {
        if (!Tools.onPath("ip")) {
            throw new RigFault("ip not found: install it with `sudo apt-get install iproute2`");
        }
        List<String> foreign = new ArrayList<>();
        for (String line : run("ip", "-o", "link", "show").split("\n")) {
            String[] f = line.split(":\\s+", 3);
            if (f.length >= 2) {
                String name = f[1].split("@")[0].trim();
                if (!name.equals("lo") && !name.equals(tap)) {
                    foreign.add(name);
                }
            }
        }
        if (!foreign.isEmpty()) {
            throw new RigFault("the virtual rig must run in its own network namespace, but interfaces " + foreign
                    + " are visible; start it through `hil303 run`, which creates the namespace");
        }
        run("ip", "link", "set", "lo", "up");
        if (!interfaceExists(tap)) {
            run("ip", "tuntap", "add", "dev", tap, "mode", "tap");
            run("ip", "addr", "add", harnessCidr, "dev", tap);
        }
        run("ip", "link", "set", tap, "up");
    }

    /** Sets the tap up or down (fault injection and its repair), inside the rig's namespace. */
    static void link(String tap, boolean up) {
        run("ip", "link", "set", tap, up ? "up" : "down");
    }

    private static boolean interfaceExists(String name) {
        return run("ip", "-o", "link", "show").contains(": " + name + ":");
    }

    private static String run(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() != 0) {
                String hint = out.contains("Operation not permitted") || out.contains("ioctl(TUNSETIFF)")
                        ? " - the tap device needs root or an unprivileged user namespace with /dev/net/tun (load the tun module: `modprobe tun`)"
                        : "";
                throw new RigFault("`" + String.join(" ", cmd) + "` failed: " + out + hint);
            }
            return out;
        } catch (IOException e) {
            throw new RigFault("cannot run " + cmd[0] + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RigFault("interrupted while setting up the rig network");
        }
    }

    private static boolean isRoot() {
        try {
            Process p = new ProcessBuilder("id", "-u").start();
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim().equals("0");
        } catch (IOException e) {
            return false;
        }
    }
}

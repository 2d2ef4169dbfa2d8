package org.hil303.steps.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.virtual.NetworkNamespace;
import org.hil303.rigs.virtual.RefdevImage;
import org.hil303.rigs.virtual.Tools;

/**
 * What a virtual rig needs on the host before a run or a bench: the tools it drives, the right to make
 * a network namespace, and the reference device image (built from Debian packages, then cached).
 */
final class VirtualRigSetup {
    private VirtualRigSetup() {}

    /** Why the host cannot run a virtual rig (a missing tool, with the package that has it), or empty. */
    static Optional<String> unavailable(String qemu) {
        for (String[] tool : new String[][] {{qemu, "qemu-system-x86"}, {"unshare", "util-linux"}, {"setpriv", "util-linux"},
                {"ip", "iproute2"}, {"cpio", "cpio"}}) {
            if (!Tools.onPath(tool[0])) {
                return Optional.of(tool[0] + " not found: the virtual rig needs it; install it with `sudo apt-get install " + tool[1] + "`");
            }
        }
        return NetworkNamespace.unavailable();
    }

    /** Builds (or finds in the cache) the reference device image, showing the builder's progress. */
    static RefdevImage image(Path home, PrintStream out) {
        out.println("preparing the reference device image (cached after the first build)...");
        return RefdevImage.build(home.resolve("fixtures/refdev/build.sh"), cacheDir(), line -> out.println("  refdev: " + line));
    }

    /** Runs this very command again inside a private network namespace, with the image; its exit status. */
    static int again(Path home, RefdevImage image, List<String> arguments) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-D" + RunCommand.Home.PROPERTY + "=" + home);
        cmd.add("-D" + RunCommand.IMAGE_PROPERTY + "=" + image.dir());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(arguments);
        try {
            ProcessBuilder pb = new ProcessBuilder(NetworkNamespace.isolate(cmd)).inheritIO();
            pb.environment().put(NetworkNamespace.MARKER, "1");
            return pb.start().waitFor();
        } catch (RigFault | IOException e) {
            System.err.println("error: cannot start the harness in a network namespace: " + e.getMessage());
            return Main.USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.INCONCLUSIVE;
        }
    }

    static Path cacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("hil303");
    }
}

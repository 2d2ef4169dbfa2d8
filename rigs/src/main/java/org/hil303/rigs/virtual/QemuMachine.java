package org.hil303.rigs.virtual;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.hil303.rigs.base.RigFault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulated device's power: on starts QEMU, off kills it with SIGKILL, which is what a relay
 * does to a board (no shutdown, unflushed writes lost). QEMU is started under
 * {@code setpriv --pdeathsig KILL} so it dies with the harness even if the harness is killed.
 */
final class QemuMachine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QemuMachine.class);

    record Settings(String binary, String memory, String profile, List<String> flaws, String tap, String mac, java.util.Map<String, Path> provisioned) {
        Settings(String binary, String memory, String profile, List<String> flaws, String tap, String mac) {
            this(binary, memory, profile, flaws, tap, mac, java.util.Map.of());
        }
    }

    private final Settings settings;
    private final RefdevImage image;
    private final VirtualUnit unit;
    private final Path consoleSocket;
    private final Path buttonSocket;
    private final Path log;
    private final Path initrd;
    private Process process;
    private long startedNanos;
    private volatile String startFailure;

    /** @param initrd the initramfs the unit boots: the image's own, or with a flaw's layer appended */
    QemuMachine(Settings settings, RefdevImage image, Path initrd, VirtualUnit unit, Path consoleSocket, Path buttonSocket, Path log) {
        this.initrd = initrd;
        this.settings = settings;
        this.image = image;
        this.unit = unit;
        this.consoleSocket = consoleSocket;
        this.buttonSocket = buttonSocket;
        this.log = log;
    }

    List<String> command() {
        List<String> cmd = new ArrayList<>(List.of("setpriv", "--pdeathsig", "KILL", "--", settings.binary(),
                "-accel", "tcg", "-machine", "q35", "-m", settings.memory(), "-nodefaults", "-display", "none", "-monitor", "none",
                "-kernel", image.kernel().toString(), "-initrd", initrd.toString(),
                "-append", "console=ttyS0,115200 panic=5 hil303.profile=" + settings.profile()
                        + (settings.flaws().isEmpty() ? "" : " hil303.flaws=" + String.join(",", settings.flaws())),
                "-chardev", "socket,id=con0,path=" + consoleSocket + ",server=off,mux=on", "-serial", "chardev:con0",
                "-chardev", "socket,id=btn0,path=" + buttonSocket + ",server=off", "-serial", "chardev:btn0",
                "-netdev", "tap,id=n0,ifname=" + settings.tap() + ",script=no,downscript=no",
                // tx=timer: the device's sends leave in batches, not one main-loop wake-up each; every full port scan got faster by a fifth
                "-device", "virtio-net-pci,netdev=n0,mac=" + settings.mac() + ",tx=timer",
                // zeros written by the device (a wiping factory reset) become holes again: the run folder keeps a sparse image
                "-drive", "file=" + unit.flash() + ",format=raw,if=virtio,discard=unmap,detect-zeroes=unmap",
                "-fw_cfg", "name=opt/hil303/label,file=" + unit.labelFile()));
        new java.util.TreeMap<>(settings.provisioned()).forEach((name, file) -> cmd.addAll(List.of("-fw_cfg", "name=opt/hil303/" + name + ",file=" + file)));
        return cmd;
    }

    synchronized void powerOn() {
        if (process != null && process.isAlive()) {
            return;
        }
        startFailure = null;
        try {
            Files.writeString(log, "--- power on\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            process = new ProcessBuilder(command()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            startedNanos = System.nanoTime();
            LOG.debug("QEMU started, pid {}", process.pid());
        } catch (IOException e) {
            startFailure = "cannot start " + settings.binary() + ": " + e.getMessage();
            LOG.warn(startFailure);
        }
    }

    synchronized void powerOff() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                startFailure = "QEMU (pid " + process.pid() + ") did not die after SIGKILL";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** How long the emulator has been running, or empty when it is not. */
    synchronized java.util.Optional<java.time.Duration> runningFor() {
        return process != null && process.isAlive() ? java.util.Optional.of(java.time.Duration.ofNanos(System.nanoTime() - startedNanos))
                : java.util.Optional.empty();
    }

    /** The emulator killed while its power line stays on: a crash of the rig, not a power cut (fault injection). */
    synchronized void crash() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    /** True when no emulator runs: the flash image is the device's and nobody else writes it. */
    synchronized boolean isOff() {
        return process == null || !process.isAlive();
    }

    /** Non-empty when the emulation itself broke: a rig fault, not something the device did. */
    synchronized Optional<String> fault() {
        if (startFailure != null) {
            return Optional.of(startFailure);
        }
        if (process != null && !process.isAlive()) {
            return Optional.of("QEMU exited by itself with status " + process.exitValue() + ": " + tail());
        }
        return Optional.empty();
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no QEMU log)";
        }
    }

    @Override
    public void close() {
        powerOff();
    }

    static void requireBinary(String binary) {
        if (!Tools.onPath(binary)) {
            throw new RigFault(binary + " not found: the virtual rig emulates the reference device with QEMU; "
                    + "install it with `sudo apt-get install qemu-system-x86`");
        }
        if (!Tools.onPath("setpriv")) {
            throw new RigFault("setpriv not found: install it with `sudo apt-get install util-linux`");
        }
    }
}

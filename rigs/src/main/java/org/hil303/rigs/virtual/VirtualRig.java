package org.hil303.rigs.virtual;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hil303.rigs.Rig;
import org.hil303.rigs.RigConfig;
import org.hil303.rigs.Rigs;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.buttons.Button;
import org.hil303.rigs.console.Console;
import org.hil303.rigs.console.JSerialCommLine;
import org.hil303.rigs.console.SerialLine;
import org.hil303.rigs.gpio.LineConfig;
import org.hil303.rigs.gpio.Pi4jGpio;
import org.hil303.rigs.health.HealthCheck;
import org.hil303.rigs.network.NetworkHealth;
import org.hil303.rigs.network.NetworkPath;
import org.hil303.rigs.power.PowerRelay;
import org.hil303.rigs.storage.ImageFileStorage;

/**
 * Assembles the virtual rig: the same relay, buttons, console and network path a Pi rig has, with
 * Pi4J's mock outputs driving QEMU instead of a relay board.
 */
public final class VirtualRig {
    /**
     * Which reference device to emulate, and the files the factory provisions into the unit besides
     * its label (QEMU fw_cfg name under opt/hil303/ to file), such as the CA its cloud client trusts.
     */
    public record Dut(RefdevImage image, String profile, java.util.List<String> flaws, Map<String, Path> provisioned) {
        public Dut {
            provisioned.keySet().forEach(n -> {
                if (!n.matches("[a-z0-9-]+")) {
                    throw new IllegalArgumentException("fw_cfg name opt/hil303/" + n + " must be lowercase letters, digits and '-'");
                }
            });
            provisioned = Map.copyOf(provisioned);
        }

        public Dut(RefdevImage image, String profile, java.util.List<String> flaws) {
            this(image, profile, flaws, Map.of());
        }
    }

    private VirtualRig() {}

    public static Rig open(RigConfig config, Path runDir, Dut dut, Deque<AutoCloseable> opened) {
        RigConfig.Virtual v = config.virtual().orElseThrow();
        QemuMachine.requireBinary(v.qemu());
        NetworkNamespace.setUp(v.tap(), config.network().harnessCidr());

        Path sockets = tempDir(); // unix socket paths must stay short, whatever the run folder is
        opened.push(() -> deleteTree(sockets)); // closed last: everything that uses it is closed before
        VirtualUnit unit = VirtualUnit.factoryNew(runDir.resolve("unit"), dut.flaws());
        VirtualConsole vconsole = new VirtualConsole(sockets.resolve("console.sock"));
        opened.push(vconsole);
        VirtualButtons vbuttons = new VirtualButtons(sockets.resolve("buttons.sock"));
        opened.push(vbuttons);

        QemuMachine machine = new QemuMachine(
                new QemuMachine.Settings(v.qemu(), v.memory(), dut.profile(), dut.flaws(), v.tap(), unit.mac(),
                        dut.provisioned()),
                dut.image(), initrd(dut, sockets), unit, vconsole.socketPath(), vbuttons.socketPath(), runDir.resolve("qemu.log"));
        opened.push(machine);

        SerialLine line = config.console().port().equals("pty")
                ? vconsole.open(config.console().baud())
                : JSerialCommLine.open(config.console().port(), config.console().baud());
        opened.push(line);
        Console console = Rigs.openConsole(line, runDir);
        opened.push(console);

        Pi4jGpio gpio = Pi4jGpio.mock();
        opened.push(gpio);
        PowerRelay power = new PowerRelay(gpio.line(config.relay(), on -> {
            if (on) {
                machine.powerOn();
            } else {
                machine.powerOff();
            }
        }), config.relayOffTime());
        Map<String, Button> buttons = new LinkedHashMap<>();
        for (LineConfig b : config.buttons().values()) {
            buttons.put(b.name(), new Button(gpio.line(b, pressed -> vbuttons.changed(b.name(), pressed))));
        }

        NetworkPath network = new NetworkPath(config.network().dutAddress(), config.network().allowed());
        Map<String, String> env = new LinkedHashMap<>();
        env.put("rig", config.name());
        env.put("rig.kind", "virtual (QEMU, TCG)");
        env.put("console", line.describe());
        env.put("refdev.profile", dut.profile() + (dut.flaws().isEmpty() ? "" : " + flaws " + dut.flaws()));
        env.put("refdev.image", dut.image().inputHash());
        env.put("firmware.version", dut.image().firmwareVersion());
        env.put("unit.serial", unit.label().serial());
        env.put("unit.mac", unit.mac());
        List<HealthCheck> health = List.of(
                new HealthCheck("power", power::fault),
                new HealthCheck("emulator", machine::fault),
                new HealthCheck("console", () -> line.fault().or(() -> consoleCable(machine, vconsole))),
                NetworkHealth.link(v.tap(), config.network().harnessAddress()));
        return new Rig(config, power, buttons, console, network, Optional.of(unit.label()), health, env, opened,
                // the flash image is always there to read; a rig file that also declares the DUT's console leaves the choice to the IXIT
                Optional.of(new ImageFileStorage(unit.flash(), machine::isOff)),
                Optional.of(new NamespaceUplink(v.tap())), Optional.of(new VirtualFaults(machine, vconsole, v.tap())));
    }

    /** The emulated UART connects within a moment of power-on; a running emulator without it has lost its console cable. */
    private static Optional<String> consoleCable(QemuMachine machine, VirtualConsole vconsole) {
        boolean settled = machine.runningFor().map(d -> d.compareTo(CONSOLE_CONNECTS_WITHIN) > 0).orElse(false);
        return settled && !vconsole.deviceConnected() ? Optional.of("the emulated UART is no longer connected to the rig's console") : Optional.empty();
    }

    /** How long QEMU may take after its start to connect its UART to the rig's socket. */
    static final java.time.Duration CONSOLE_CONNECTS_WITHIN = java.time.Duration.ofSeconds(5);

    /**
     * The initramfs the unit boots: the image's own, or, for a flaw that changes the software, the image's
     * with that flaw's layer appended (kept outside the run folder: it is the image plus a few bytes).
     */
    private static Path initrd(Dut dut, Path scratch) {
        List<Path> parts = dut.image().initrdParts(dut.flaws());
        if (parts.size() == 1) {
            return parts.get(0);
        }
        Path joined = scratch.resolve("initrd.cpio.gz");
        try (var out = Files.newOutputStream(joined)) {
            for (Path p : parts) {
                Files.copy(p, out);
            }
        } catch (IOException e) {
            throw new RigFault("cannot join the reference device's initramfs with its flaw layers in " + scratch + ": " + e.getMessage(), e);
        }
        return joined;
    }

    /**
     * A short folder for the rig's unix sockets (their paths must stay short, whatever the run folder is),
     * marked with its owner's process id. Folders whose owner is gone (a run killed outright) are removed
     * first, so that nothing a dead run left piles up.
     */
    private static Path tempDir() {
        Path base = Path.of(System.getProperty("java.io.tmpdir"));
        try (var old = Files.newDirectoryStream(base, "hil303-*")) {
            for (Path d : old) {
                Path owner = d.resolve(OWNER);
                if (Files.isRegularFile(owner) && !alive(Files.readString(owner).trim())) {
                    deleteTree(d);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a folder another user owns, or one that went away meanwhile: not ours to clean
        }
        try {
            Path dir = Files.createTempDirectory("hil303-");
            Files.writeString(dir.resolve(OWNER), Long.toString(ProcessHandle.current().pid()));
            return dir;
        } catch (IOException e) {
            throw new RigFault("cannot create a temporary folder for the virtual rig's sockets: " + e.getMessage(), e);
        }
    }

    private static final String OWNER = "owner.pid";

    private static boolean alive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true; // not our marker: leave it
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

}

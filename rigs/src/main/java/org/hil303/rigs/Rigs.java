package org.hil303.rigs;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.buttons.Button;
import org.hil303.rigs.console.Console;
import org.hil303.rigs.console.JSerialCommLine;
import org.hil303.rigs.console.SerialLine;
import org.hil303.rigs.gpio.LineConfig;
import org.hil303.rigs.gpio.Pi4jGpio;
import org.hil303.rigs.health.HealthCheck;
import org.hil303.rigs.host.HostCommands;
import org.hil303.rigs.host.ProcessCommands;
import org.hil303.rigs.network.GatewayUplink;
import org.hil303.rigs.network.NetworkHealth;
import org.hil303.rigs.network.NetworkPath;
import org.hil303.rigs.network.Uplink;
import org.hil303.rigs.power.PowerRelay;
import org.hil303.rigs.storage.RawStorage;
import org.hil303.rigs.storage.SdMuxStorage;
import org.hil303.rigs.storage.StorageConfig;
import org.hil303.rigs.virtual.VirtualRig;

/** Opens the rig a rig file describes. Anything opened before a failure is closed again. */
public final class Rigs {
    private Rigs() {}

    /**
     * @param runDir where the console transcript and the rig's own logs go
     * @param virtualDut for the virtual rig: which reference device image and profile to emulate
     */
    public static Rig open(RigConfig config, Path runDir, Optional<VirtualRig.Dut> virtualDut) {
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        try {
            Rig rig = config.kind() == RigConfig.Kind.VIRTUAL
                    ? VirtualRig.open(config, runDir, virtualDut.orElseThrow(() -> new RigFault(
                            "the virtual rig emulates the reference device: the DUT file must say which profile ('virtual.profile')")), opened)
                    : openPi(config, runDir, opened);
            Thread hook = new Thread(rig::close, "rig-safe-state");
            Runtime.getRuntime().addShutdownHook(hook);
            return rig;
        } catch (RuntimeException e) {
            while (!opened.isEmpty()) {
                try {
                    opened.pop().close();
                } catch (Exception ignored) {
                    // already failing; the first error is the one to report
                }
            }
            throw e;
        }
    }

    private static Rig openPi(RigConfig config, Path runDir, Deque<AutoCloseable> opened) {
        Pi4jGpio gpio = Pi4jGpio.hardware(config.gpio());
        opened.push(gpio);
        PowerRelay power = new PowerRelay(gpio.line(config.relay()), config.relayOffTime());
        Map<String, Button> buttons = new LinkedHashMap<>();
        for (LineConfig b : config.buttons().values()) {
            buttons.put(b.name(), new Button(gpio.line(b)));
        }
        SerialLine line = JSerialCommLine.open(config.console().port(), config.console().baud());
        opened.push(line);
        Console console = openConsole(line, runDir);
        opened.push(console);
        NetworkPath network = new NetworkPath(config.network().dutAddress(), config.network().allowed());
        Optional<UnitLabel> label = config.labelFile().map(LabelFile::read);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("rig", config.name());
        env.put("rig.kind", "pi");
        env.put("console", config.console().port());
        HostCommands host = new ProcessCommands();
        // the DUT's console method needs a login the rig does not hold: the steps build that reader
        Optional<RawStorage> storage = config.storage().flatMap(StorageConfig::sdMux)
                .map(mux -> new SdMuxStorage(mux, host, () -> !power.isOn()));
        config.storage().ifPresent(s -> env.put("storage", s.sdMux().map(m -> "SD mux " + m.control())
                .orElse("DUT console (" + s.dutConsole().map(StorageConfig.DutConsole::device).orElse("") + ")")));
        Optional<Uplink> uplink = config.uplink().map(u -> new GatewayUplink(u, host));
        config.uplink().ifPresent(u -> env.put("uplink", u.method().name().toLowerCase().replace('_', '-') + " on " + u.iface()));
        List<HealthCheck> health = new ArrayList<>(List.of(new HealthCheck("power", power::fault), new HealthCheck("console", line::fault)));
        config.network().iface().ifPresent(i -> health.add(NetworkHealth.link(i, config.network().harnessAddress())));
        return new Rig(config, power, buttons, console, network, label, health, env, opened, storage, uplink, Optional.empty());
    }

    public static Console openConsole(SerialLine line, Path runDir) {
        try {
            return new Console(line, runDir.resolve("console.log"));
        } catch (java.io.IOException e) {
            throw new RigFault("cannot write the console transcript in " + runDir + ": " + e.getMessage(), e);
        }
    }

}

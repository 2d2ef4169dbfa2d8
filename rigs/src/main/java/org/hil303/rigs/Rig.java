package org.hil303.rigs;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.List;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.buttons.Button;
import org.hil303.rigs.console.Console;
import org.hil303.rigs.health.FaultPoints;
import org.hil303.rigs.health.HealthCheck;
import org.hil303.rigs.health.RigHealth;
import org.hil303.rigs.network.NetworkPath;
import org.hil303.rigs.network.Uplink;
import org.hil303.rigs.power.Power;
import org.hil303.rigs.storage.RawStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The physical (or emulated) rig for one run: the lines wired to one DUT. One owner opens it once
 * and closes it at the end; closing switches the DUT off first.
 */
public final class Rig implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Rig.class);

    private final RigConfig config;
    private final Power power;
    private final Map<String, Button> buttons;
    private final Console console;
    private final NetworkPath network;
    private final Optional<UnitLabel> label;
    private final RigHealth health;
    private final Map<String, String> environment;
    private final Deque<AutoCloseable> resources;
    private final Optional<RawStorage> storage;
    private final Optional<Uplink> uplink;
    private final Optional<FaultPoints> faultPoints;
    private boolean closed;

    /** @param health the rig's parts that can break, watched while the rig is open */
    public Rig(RigConfig config, Power power, Map<String, Button> buttons, Console console, NetworkPath network,
            Optional<UnitLabel> label, List<HealthCheck> health, Map<String, String> environment,
            Deque<AutoCloseable> resources, Optional<RawStorage> storage, Optional<Uplink> uplink, Optional<FaultPoints> faultPoints) {
        this.uplink = uplink;
        this.faultPoints = faultPoints;
        this.config = config;
        this.power = power;
        this.buttons = Map.copyOf(buttons);
        this.console = console;
        this.network = network;
        this.label = label;
        this.health = new RigHealth(health);
        this.environment = new LinkedHashMap<>(environment);
        this.resources = new ArrayDeque<>(resources);
        this.storage = storage;
    }

    public RigConfig config() { return config; }
    public String name() { return config.name(); }
    public Power power() { return power; }
    public Console console() { return console; }
    public NetworkPath network() { return network; }
    public Optional<UnitLabel> label() { return label; }
    public Map<String, String> environment() { return environment; }
    /**
     * The DUT's storage read beneath its file system by a reader beside the DUT (the virtual rig's
     * flash image, a Pi rig's SD mux); empty where the rig file names none or names the DUT's console.
     */
    public Optional<RawStorage> storage() { return storage; }
    /** The DUT's uplink to its cloud, where the rig can cut it without cutting the local network. */
    public Optional<Uplink> uplink() { return uplink; }

    public Button button(String name) {
        Button b = buttons.get(name);
        if (b == null) {
            throw new RigFault("the rig has no line wired to the DUT's '" + name + "' button (rig file " + config.file()
                    + ", 'buttons'); wired: " + buttons.keySet());
        }
        return b;
    }

    /** Non-empty when the rig itself is broken now (e.g. the emulator died): whatever happens next proves nothing about the DUT. */
    public Optional<String> fault() {
        List<String> problems = health.problemsNow();
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    /** The faults this rig can stage on itself (the virtual rig's), for proving verdicts survive them. */
    public Optional<FaultPoints> faultPoints() {
        return faultPoints;
    }

    /** The rig's parts as they are watched, and the journal of what broke when. */
    public RigHealth health() {
        return health;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        health.close();
        try {
            power.off();
        } catch (RuntimeException e) {
            LOG.warn("could not switch the DUT off: {}", e.getMessage());
        }
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                LOG.debug("closing rig resource: {}", e.getMessage());
            }
        }
    }
}

package org.hil303.rigs;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.buttons.Button;
import org.hil303.rigs.console.Console;
import org.hil303.rigs.network.NetworkPath;
import org.hil303.rigs.network.Uplink;
import org.hil303.rigs.power.PowerRelay;
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
    private final PowerRelay power;
    private final Map<String, Button> buttons;
    private final Console console;
    private final NetworkPath network;
    private final Optional<UnitLabel> label;
    private final Supplier<Optional<String>> health;
    private final Map<String, String> environment;
    private final Deque<AutoCloseable> resources;
    private final Optional<RawStorage> storage;
    private final Optional<Uplink> uplink;
    private boolean closed;

    public Rig(RigConfig config, PowerRelay power, Map<String, Button> buttons, Console console, NetworkPath network,
            Optional<UnitLabel> label, Supplier<Optional<String>> health, Map<String, String> environment,
            Deque<AutoCloseable> resources, Optional<RawStorage> storage) {
        this(config, power, buttons, console, network, label, health, environment, resources, storage, Optional.empty());
    }

    public Rig(RigConfig config, PowerRelay power, Map<String, Button> buttons, Console console, NetworkPath network,
            Optional<UnitLabel> label, Supplier<Optional<String>> health, Map<String, String> environment,
            Deque<AutoCloseable> resources, Optional<RawStorage> storage, Optional<Uplink> uplink) {
        this.uplink = uplink;
        this.config = config;
        this.power = power;
        this.buttons = Map.copyOf(buttons);
        this.console = console;
        this.network = network;
        this.label = label;
        this.health = health;
        this.environment = new LinkedHashMap<>(environment);
        this.resources = new ArrayDeque<>(resources);
        this.storage = storage;
    }

    public RigConfig config() { return config; }
    public String name() { return config.name(); }
    public PowerRelay power() { return power; }
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

    /** Non-empty when the rig itself is broken (e.g. the emulator died): whatever happened next proves nothing about the DUT. */
    public Optional<String> fault() {
        return health.get();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
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

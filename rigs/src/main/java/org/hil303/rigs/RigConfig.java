package org.hil303.rigs;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hil303.rigs.config.ConfigNode;
import org.hil303.rigs.config.YamlFile;
import org.hil303.rigs.gpio.LineConfig;
import org.hil303.rigs.gpio.Pi4jGpio;
import org.hil303.rigs.network.Subnet;
import org.hil303.rigs.network.UplinkConfig;
import org.hil303.rigs.storage.StorageConfig;

/** A rig file, read and validated completely before any line of the rig is touched. */
public record RigConfig(
        Path file,
        String name,
        Kind kind,
        Pi4jGpio.Provider gpio,
        LineConfig relay,
        Duration relayOffTime,
        Map<String, LineConfig> buttons,
        Console console,
        Network network,
        Optional<Virtual> virtual,
        Optional<Path> labelFile,
        Optional<StorageConfig> storage,
        Optional<UplinkConfig> uplink) {

    public enum Kind { VIRTUAL, PI }

    /** {@code port} is a device path, or {@code pty} for the virtual rig's own pseudo-terminal. */
    public record Console(String port, int baud, Duration breakLength) {}

    /**
     * @param publicSites whether the harness may fetch a manufacturer's public pages (5.2-1, 5.3-13);
     *     off by default, because nothing else the harness does leaves the rig network
     */
    public record Network(InetAddress dutAddress, String harnessCidr, Subnet allowed, Optional<String> iface, boolean publicSites) {
        public InetAddress harnessAddress() {
            return Subnet.ipv4(harnessCidr.split("/")[0]);
        }
    }

    public record Virtual(String qemu, String memory, String tap) {}

    public static RigConfig read(Path file) {
        ConfigNode root = YamlFile.read(file);
        String name = root.string("rig");
        Kind kind = root.choice("kind", Kind.class);

        ConfigNode gpioNode = root.get("gpio");
        Pi4jGpio.Provider gpio = gpioNode.choice("provider", Pi4jGpio.Provider.class);
        if (kind == Kind.VIRTUAL && gpio != Pi4jGpio.Provider.MOCK) {
            throw gpioNode.get("provider").error("the virtual rig drives Pi4J's mock provider: use 'mock'");
        }
        if (kind == Kind.PI && gpio == Pi4jGpio.Provider.MOCK) {
            throw gpioNode.get("provider").error("a Pi rig needs real GPIO: use 'gpiod' (Pi 4 and Pi 5) or 'linuxfs'");
        }

        ConfigNode power = root.get("power");
        LineConfig relay = LineConfig.read("power", power.get("relay"));
        Duration offTime = power.duration("off-time", Duration.ofSeconds(1));

        Map<String, LineConfig> buttons = new LinkedHashMap<>();
        root.namedChildren("buttons").forEach((n, node) -> buttons.put(n, LineConfig.read(n, node)));
        checkPinsDistinct(root, relay, buttons);

        ConfigNode con = root.get("console");
        String port = con.string("port");
        if (kind == Kind.VIRTUAL && !port.equals("pty") && !port.startsWith("/dev/")) {
            throw con.get("port").error("expected 'pty' or a device path such as /dev/pts/3");
        }
        if (kind == Kind.PI && !port.startsWith("/dev/")) {
            throw con.get("port").error("expected a device path such as /dev/ttyUSB0 or /dev/serial/by-id/...");
        }
        Console console = new Console(port, con.integer("baud", 115200), con.duration("break-length", Duration.ofMillis(500)));

        ConfigNode net = root.get("network");
        Subnet allowed = parse(net, "allowed", Subnet::parse);
        InetAddress dut = parse(net, "dut-address", Subnet::ipv4);
        if (!allowed.contains(dut)) {
            throw net.get("dut-address").error(dut.getHostAddress() + " is outside 'allowed' (" + allowed + ")");
        }
        String harness = net.string("harness-address");
        InetAddress harnessIp = parse(net, "harness-address", s -> Subnet.ipv4(s.split("/")[0]));
        if (!harness.contains("/") || !allowed.contains(harnessIp)) {
            throw net.get("harness-address").error("expected an address with prefix inside 'allowed', such as 198.18.0.1/24");
        }
        boolean publicSites = net.optional("public-sites").map(n -> switch (n.asString()) {
            case "allowed" -> true;
            case "refused" -> false;
            default -> throw n.error("expected allowed or refused, found '" + n.asString() + "'");
        }).orElse(false);
        Network network = new Network(dut, harness, allowed, net.optString("interface"), publicSites);

        Optional<Virtual> virtual = Optional.empty();
        if (kind == Kind.VIRTUAL) {
            ConfigNode v = root.get("virtual");
            virtual = Optional.of(new Virtual(v.optional("qemu").map(RigConfig::qemu).orElse("qemu-system-x86_64"),
                    v.string("memory", "256M"), v.string("tap", "hil303tap0")));
        }
        Optional<Path> label = root.optional("label").map(ConfigNode::asPath);
        Optional<StorageConfig> storage = root.optional("storage").map(n -> StorageConfig.read(n, kind == Kind.VIRTUAL));
        Optional<UplinkConfig> uplink = root.optional("uplink").map(n -> {
            if (kind == Kind.VIRTUAL) {
                throw n.error("the virtual rig cuts the uplink inside its own network namespace: 'uplink' is for Pi rigs");
            }
            return UplinkConfig.read(n, network.iface());
        });
        root.finish();
        return new RigConfig(file, name, kind, gpio, relay, offTime, buttons, console, network, virtual, label, storage, uplink);
    }

    /** As a shell takes it: a bare name is a command looked up on PATH; with a slash it is a file, relative to the rig file. */
    private static String qemu(ConfigNode n) {
        return n.asString().contains("/") ? n.asPath().toString() : n.asString();
    }

    private static void checkPinsDistinct(ConfigNode root, LineConfig relay, Map<String, LineConfig> buttons) {
        Map<Integer, String> used = new LinkedHashMap<>();
        used.put(relay.pin(), "power.relay");
        for (LineConfig b : buttons.values()) {
            String prev = used.put(b.pin(), "buttons." + b.name());
            if (prev != null) {
                throw root.get("buttons").get(b.name()).get("pin").error("pin " + b.pin() + " is already used by " + prev);
            }
        }
    }

    private static <T> T parse(ConfigNode parent, String key, java.util.function.Function<String, T> parser) {
        ConfigNode n = parent.get(key);
        try {
            return parser.apply(n.asString());
        } catch (IllegalArgumentException e) {
            throw n.error(e.getMessage());
        }
    }
}

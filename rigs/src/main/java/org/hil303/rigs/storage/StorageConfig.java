package org.hil303.rigs.storage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hil303.rigs.config.ConfigNode;

/**
 * The rig file's {@code storage} section: how the harness reads the DUT's raw storage (5.11-1) and
 * alters it (5.7). Exactly one method: an SD mux that hands the DUT's card to the Pi while the DUT
 * is off, or the DUT's own console as root. Without the section a Pi rig cannot read the storage
 * and those test units are INCONCLUSIVE; the virtual rig reads its flash image.
 */
public record StorageConfig(Optional<SdMux> sdMux, Optional<DutConsole> dutConsole) {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(KiB|MiB|GiB)");
    /** Goes onto the DUT's command line: a path and nothing a shell would interpret. */
    private static final Pattern DEVICE = Pattern.compile("/dev/[A-Za-z0-9/_.:-]+");

    /**
     * A USB SD mux (usbsdmux): {@code control} is its control node, {@code device} the card as the
     * Pi's block device once switched to the Pi (best a /dev/disk/by-id path).
     */
    public record SdMux(Path control, Path device, Duration appearWithin) {}

    /** The DUT reads its own block device {@code device} with dd as root on its console, up to {@code maxBytes}. */
    public record DutConsole(String device, long maxBytes) {}

    public static StorageConfig read(ConfigNode node, boolean virtualRig) {
        Optional<ConfigNode> mux = node.optional("sd-mux");
        Optional<ConfigNode> console = node.optional("dut-console");
        if (mux.isPresent() == console.isPresent()) {
            throw node.error("declare exactly one way to read the DUT's storage: 'sd-mux' or 'dut-console'");
        }
        if (mux.isPresent()) {
            ConfigNode m = mux.get();
            if (virtualRig) {
                throw m.error("the virtual rig's unit has no SD card: it reads its flash image (leave 'storage' out) or uses 'dut-console'");
            }
            return new StorageConfig(Optional.of(new SdMux(devicePath(m, "control"), devicePath(m, "device"),
                    m.duration("appear-within", Duration.ofSeconds(15)))), Optional.empty());
        }
        ConfigNode c = console.get();
        String device = c.string("device");
        if (!DEVICE.matcher(device).matches()) {
            throw c.get("device").error("expected the DUT's block device, such as /dev/mmcblk0, found '" + device + "'");
        }
        long max = c.optional("max-size").map(StorageConfig::size).orElse(256L << 20);
        return new StorageConfig(Optional.empty(), Optional.of(new DutConsole(device, max)));
    }

    private static Path devicePath(ConfigNode parent, String key) {
        String v = parent.string(key);
        if (!v.startsWith("/dev/")) {
            throw parent.get(key).error("expected a device path such as /dev/disk/by-id/..., found '" + v + "'");
        }
        return Path.of(v);
    }

    /** Sizes are written with a binary unit (64MiB): a bare number of bytes is easy to get wrong by a factor of 1000. */
    private static long size(ConfigNode n) {
        Matcher m = SIZE.matcher(n.asString().trim());
        if (!m.matches()) {
            throw n.error("expected a size such as 512KiB, 64MiB or 2GiB, found '" + n.asString() + "'");
        }
        long v = Long.parseLong(m.group(1));
        int shift = switch (m.group(2)) {
            case "KiB" -> 10;
            case "MiB" -> 20;
            default -> 30;
        };
        if (v <= 0 || v > (Long.MAX_VALUE >> shift)) {
            throw n.error("out of range");
        }
        return v << shift;
    }
}

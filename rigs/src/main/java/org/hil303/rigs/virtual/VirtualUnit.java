package org.hil303.rigs.virtual;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.hil303.rigs.UnitLabel;
import org.hil303.rigs.base.RigFault;

/**
 * One emulated unit fresh from the factory: blank flash and a label with its serial number, its MAC
 * address and its own random password, as a manufacturer would print on the sticker. A factory with
 * the flaw {@value #SERIAL_DERIVED} derives the password from the serial number instead, as some do.
 */
final class VirtualUnit {
    static final String SERIAL_DERIVED = "serial-derived-password";
    private static final long FLASH_BYTES = 64L << 20;
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY34679";

    private final Path dir;
    private final UnitLabel label;

    private VirtualUnit(Path dir, UnitLabel label) {
        this.dir = dir;
        this.label = label;
    }

    static VirtualUnit factoryNew(Path dir, java.util.List<String> flaws) {
        SecureRandom random = new SecureRandom();
        String serial = String.format("RD-%06d", random.nextInt(1_000_000));
        String password;
        if (flaws.contains(SERIAL_DERIVED)) {
            password = sha256Hex(serial).substring(0, 12); // "unique per device", and anyone with the serial can compute it
        } else {
            StringBuilder pw = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                pw.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            password = pw.toString();
        }
        // QEMU's locally administered prefix, then the unit's own three bytes
        String mac = String.format("52:54:00:%02x:%02x:%02x", random.nextInt(256), random.nextInt(256), random.nextInt(256));
        UnitLabel label = new UnitLabel(serial, password, java.util.Map.of("mac", mac));
        try {
            Files.createDirectories(dir);
            try (RandomAccessFile flash = new RandomAccessFile(dir.resolve("flash.img").toFile(), "rw")) {
                flash.setLength(0);
                flash.setLength(FLASH_BYTES); // sparse zeros: a blank chip
            }
            Files.writeString(dir.resolve("label.txt"), "serial=" + serial + "\npassword=" + password + "\nmac=" + mac + "\n",
                    StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new RigFault("cannot create the emulated unit's flash in " + dir + ": " + e.getMessage(), e);
        }
        return new VirtualUnit(dir, label);
    }

    private static String sha256Hex(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Path flash() {
        return dir.resolve("flash.img");
    }

    Path labelFile() {
        return dir.resolve("label.txt");
    }

    String mac() {
        return label.printed().get("mac");
    }

    UnitLabel label() {
        return label;
    }
}

package org.hil303.rigs.virtual;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.hil303.rigs.RigFault;
import org.hil303.rigs.UnitLabel;

/**
 * One emulated unit fresh from the factory: blank flash and a label with its serial number and
 * its own random password, as a manufacturer would print on the sticker.
 */
final class VirtualUnit {
    private static final long FLASH_BYTES = 64L << 20;
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY34679";

    private final Path dir;
    private final UnitLabel label;

    private VirtualUnit(Path dir, UnitLabel label) {
        this.dir = dir;
        this.label = label;
    }

    static VirtualUnit factoryNew(Path dir) {
        SecureRandom random = new SecureRandom();
        StringBuilder pw = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            pw.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        UnitLabel label = new UnitLabel(String.format("RD-%06d", random.nextInt(1_000_000)), pw.toString());
        try {
            Files.createDirectories(dir);
            try (RandomAccessFile flash = new RandomAccessFile(dir.resolve("flash.img").toFile(), "rw")) {
                flash.setLength(0);
                flash.setLength(FLASH_BYTES); // sparse zeros: a blank chip
            }
            Files.writeString(dir.resolve("label.txt"), "serial=" + label.serial() + "\npassword=" + label.password() + "\n",
                    StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new RigFault("cannot create the emulated unit's flash in " + dir + ": " + e.getMessage(), e);
        }
        return new VirtualUnit(dir, label);
    }

    Path flash() {
        return dir.resolve("flash.img");
    }

    Path labelFile() {
        return dir.resolve("label.txt");
    }

    UnitLabel label() {
        return label;
    }
}

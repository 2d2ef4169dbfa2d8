package org.hil303.rigs.storage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.console.ReportText;

/**
 * Reads what a DUT printed when asked for a piece of its storage: base64 lines, then the SHA-256
 * it computed over the same bytes. The device and the line are untrusted: anything that is not
 * exactly that (escape sequences, kernel messages, a line cut short or garbled) is a clear
 * {@link RigFault}, never bytes that are silently wrong.
 */
public final class ChunkDump {
    private static final Pattern BASE64_LINE = Pattern.compile("[A-Za-z0-9+/]+={0,2}");
    private static final Pattern HASH_LINE = Pattern.compile("([0-9a-f]{64})\\s+-?");

    private ChunkDump() {}

    /** The bytes of a dump of {@code expected} bytes; {@code what} names it in errors (e.g. "bytes 0-65535 of /dev/vda"). */
    public static byte[] decode(String printed, int expected, String what) {
        List<String> lines = lines(printed);
        if (lines.isEmpty()) {
            throw new RigFault(what + ": the DUT printed nothing");
        }
        String last = lines.remove(lines.size() - 1);
        var hash = HASH_LINE.matcher(last);
        if (!hash.matches()) {
            throw new RigFault(what + ": expected the SHA-256 line last, found '" + ReportText.oneLine(last, 100) + "'");
        }
        StringBuilder b64 = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (!BASE64_LINE.matcher(l).matches() || (l.contains("=") && i != lines.size() - 1)) {
                throw new RigFault(what + ": line " + (i + 1) + " of the dump is not base64: '" + ReportText.oneLine(l, 100) + "'");
            }
            b64.append(l);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(b64.toString());
        } catch (IllegalArgumentException e) {
            throw new RigFault(what + ": the dump is not valid base64 (" + b64.length() + " characters; a line cut short?): " + e.getMessage());
        }
        if (bytes.length != expected) {
            throw new RigFault(what + ": " + bytes.length + " bytes arrived, " + expected + " expected (lines lost or cut short?)");
        }
        if (!sha256Hex(bytes).equals(hash.group(1))) {
            throw new RigFault(what + ": the bytes that arrived do not match the SHA-256 the DUT computed over them (garbled on the line?)");
        }
        return bytes;
    }

    /** One SHA-256 per chunk, in order, as {@code sha256sum} prints them for standard input. */
    public static List<String> hashes(String printed, int expected, String what) {
        List<String> lines = lines(printed);
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            var m = HASH_LINE.matcher(l);
            if (!m.matches()) {
                throw new RigFault(what + ": expected one SHA-256 per line, found '" + ReportText.oneLine(l, 100) + "'");
            }
            out.add(m.group(1));
        }
        if (out.size() != expected) {
            throw new RigFault(what + ": " + out.size() + " hashes arrived, " + expected + " expected (lines lost?)");
        }
        return out;
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> lines(String printed) {
        List<String> out = new ArrayList<>();
        for (String l : printed.split("\n", -1)) {
            String s = l.strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}

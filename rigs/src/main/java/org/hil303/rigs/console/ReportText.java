package org.hil303.rigs.console;

/**
 * Makes untrusted device output safe to show: control characters and escape sequences become
 * visible {@code \xNN} escapes (a transcript must not drive the reader's terminal), and length is capped.
 */
public final class ReportText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ReportText() {}

    public static String sanitize(CharSequence s, int maxChars) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), maxChars) + 16);
        for (int i = 0; i < s.length(); i++) {
            if (out.length() >= maxChars) {
                out.append("... [").append(s.length() - i).append(" more characters cut]");
                break;
            }
            char c = s.charAt(i);
            if (c == '\n' || c == '\t' || (c >= 0x20 && c < 0x7f) || (c > 0xa0 && c != 0xad)) {
                out.append(c);
            } else if (c == '\r') {
                continue;
            } else {
                out.append('\\').append('x').append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]); // a flood is mostly these: no format()
            }
        }
        return out.toString();
    }

    /** One line for a summary or a verdict message: no line breaks at all. */
    public static String oneLine(CharSequence s, int maxChars) {
        return sanitize(s, maxChars).replace("\n", "\\n").replace("\t", " ");
    }
}

package org.hil303.steps.evidence;

/** Makes text from the device or a DUT file inert in the summaries: no markup, no terminal escapes, no table breaks. */
public final class Escape {
    private Escape() {}

    /** Control characters (terminal escapes included) and lone surrogates become U+FFFD; newlines stay as spaces. */
    public static String plain(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                b.append(' ');
            } else if (c < 0x20 || (c >= 0x7f && c < 0xa0) || Character.isSurrogate(c) && !validPair(s, i)) {
                b.append('\ufffd');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    static String html(String s) {
        String p = plain(s);
        StringBuilder b = new StringBuilder(p.length() + 16);
        for (char c : p.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Markdown cell text: HTML escaped (renderers pass HTML through) and Markdown's own syntax backslashed,
     * character by character, so that the entities' own characters ({@code &#39;}) are not escaped again.
     */
    static String markdown(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : plain(s).toCharArray()) {
            if ("<>&\"'".indexOf(c) >= 0) {
                b.append(html(String.valueOf(c)));
            } else {
                if ("\\`*_[]|#!~".indexOf(c) >= 0) {
                    b.append('\\');
                }
                b.append(c);
            }
        }
        return b.toString();
    }

    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : (s == null ? "" : s).toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || (c >= 0x7f && c < 0xa0) || Character.isSurrogate(c)) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}

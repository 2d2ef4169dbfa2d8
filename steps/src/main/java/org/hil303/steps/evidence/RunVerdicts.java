package org.hil303.steps.evidence;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The automated test cases' verdicts as a summary.json lists them, in run order. */
public final class RunVerdicts {
    /** The name unrolled ({@code [^"\\]*(\\.[^"\\]*)*}, possessive): an alternation would recurse once per character. */
    private static final Pattern CASE = Pattern.compile(
            "\"testCase\": \"([^\"]+)\", \"name\": \"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+\", \"verdict\": \"([A-Z_]+)\"");

    private RunVerdicts() {}

    public static Map<String, String> of(String summaryJson) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = CASE.matcher(summaryJson);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }
}

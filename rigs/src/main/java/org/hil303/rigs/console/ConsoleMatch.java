package org.hil303.rigs.console;

import java.util.List;

/** Where a pattern matched in the console capture, and what it matched. */
public record ConsoleMatch(long start, long end, List<String> groups) {
    public String text() {
        return groups.get(0);
    }
}

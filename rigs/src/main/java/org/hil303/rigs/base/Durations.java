package org.hil303.rigs.base;

import java.time.Duration;

/** Durations the way a person reads them in a console line or a report. */
public final class Durations {
    private Durations() {}

    public static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        if (ms < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        return String.format(java.util.Locale.ROOT, "%dmin %02ds", ms / 60_000, (ms / 1000) % 60);
    }
}

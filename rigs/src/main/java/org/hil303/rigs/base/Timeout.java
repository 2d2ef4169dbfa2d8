package org.hil303.rigs.base;

import java.time.Duration;

/**
 * A wait bound with the name it has in the rig or DUT file, so that a timeout message tells the
 * user which setting to look at rather than a bare number of seconds.
 */
public record Timeout(String name, Duration duration) {
    public Timeout {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("timeout '" + name + "' must be positive");
        }
    }

    public static Timeout of(String name, Duration duration) {
        return new Timeout(name, duration);
    }

    public long deadlineNanos() {
        return System.nanoTime() + duration.toNanos();
    }

    public String describe() {
        return "'" + name + "' (" + Durations.human(duration) + ")";
    }
}

package org.hil303.rigs.health;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What broke on the rig and when, as its watch saw it or as whoever broke it (a fault injector) reported. */
public final class FaultJournal {
    /** One fault: when (monotonic, for comparing with a scenario's start; and wall clock, for people), which part, what. */
    public record Entry(long nanos, Instant at, String part, String what) {
        public String describe() {
            return part + ": " + what + " (at " + at + ")";
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    public synchronized void record(String part, String what) {
        entries.add(new Entry(System.nanoTime(), Instant.now(), part, what));
    }

    /** The faults from the given moment ({@link System#nanoTime()}) on. */
    public synchronized List<Entry> since(long nanos) {
        return entries.stream().filter(e -> e.nanos() - nanos >= 0).toList();
    }

    public synchronized List<Entry> all() {
        return List.copyOf(entries);
    }
}

package org.hil303.steps.glue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.hil303.fixtures.lifecycle.SeededPowerCuts;
import org.hil303.rigs.boot.DutNotReady;

/** A power cut at a chosen moment of something the DUT was asked to do; the power comes back and the DUT is waited for. */
final class PowerCut {
    private PowerCut() {}

    /**
     * Cuts the power {@code offset} after {@code startedNanos} (a {@link System#nanoTime()}), restores it and waits for
     * the ready line: empty when the DUT came back, else why it did not (a rig fault is thrown instead).
     */
    static Optional<String> at(DutWorld world, long startedNanos, Duration offset) throws InterruptedException {
        return at(world, startedNanos, offset, () -> {});
    }

    /** The same, running {@code onceCut} as soon as the power is back, before the DUT is ready. */
    static Optional<String> at(DutWorld world, long startedNanos, Duration offset, Runnable onceCut) throws InterruptedException {
        long wait = startedNanos + offset.toNanos() - System.nanoTime();
        if (wait > 0) {
            // the cut's moment is the point of the test, not a wait for something: a chosen offset
            TimeUnit.NANOSECONDS.sleep(wait);
        }
        world.boot().powerCycle(); // any session ends with the power; nothing to log out of
        onceCut.run();
        try {
            world.boot().awaitReady();
            return Optional.empty();
        } catch (DutNotReady e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The series' summary (cuts per minute) as progress, and every cut with the uncut run and the seed as evidence. */
    static <O extends Enum<O>> void report(DutWorld world, List<SeededPowerCuts.Cut<O>> cuts, long startedNanos, String uncut, long seed) {
        String summary = SeededPowerCuts.summary(cuts, Duration.ofNanos(System.nanoTime() - startedNanos));
        world.progress(summary);
        world.evidence("power cuts", uncut + "; seed " + seed + "\n"
                + cuts.stream().map(SeededPowerCuts.Cut::describe).collect(Collectors.joining("\n")) + "\n" + summary);
    }
}

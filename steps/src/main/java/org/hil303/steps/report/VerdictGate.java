package org.hil303.steps.report;

import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The one place that decides whether a finding may be a FAIL, and whether a PASS may stand: only if
 * the rig stayed healthy for the whole scenario. The run registers how to ask its rig (the faults its
 * health journal recorded since a moment, after a look at every part); a scenario marks its start.
 * Where no rig is involved (the cross-unit judgements) nothing is registered and findings stand.
 */
public final class VerdictGate {
    private static volatile LongFunction<List<String>> faultsSince = since -> List.of();
    private static volatile long scenarioStart = System.nanoTime();

    private VerdictGate() {}

    /** How this process asks its rig what broke since a moment ({@link System#nanoTime()}). */
    public static void watch(LongFunction<List<String>> rigFaultsSince) {
        faultsSince = rigFaultsSince;
    }

    public static void scenarioStarted() {
        scenarioStart = System.nanoTime();
    }

    /** What broke on the rig during the running scenario, if anything. */
    public static Optional<String> rigBroke() {
        List<String> faults = faultsSince.apply(scenarioStart);
        return faults.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", faults));
    }
}

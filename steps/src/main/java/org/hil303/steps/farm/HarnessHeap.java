package org.hil303.steps.farm;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * The harness's heap: the bound each rig's worker runs under, and the most it used. The bound is
 * the JVM's own maximum ({@code -Xmx}), so a device whose output would make the harness grow past
 * it stops that worker (its test cases INCONCLUSIVE, not run) instead of the host; the peak is
 * the figure a lab reads against it.
 */
public final class HarnessHeap {
    /** What a rig's worker may use, whatever the device sends it: the console window, transcripts and evidence all stream. */
    public static final int WORKER_BOUND_MIB = 256;

    /** Where a worker's peak goes in its part's environment (and, per rig, in the summary's). */
    public static final String ENVIRONMENT_KEY = "harness.heap.peak";

    private HarnessHeap() {}

    /** The JVM options that impose the bound on a worker, and end it rather than let it limp on without memory. */
    public static List<String> workerOptions() {
        return List.of("-Xmx" + WORKER_BOUND_MIB + "m", "-XX:+ExitOnOutOfMemoryError");
    }

    /** The most heap this JVM has used so far, in MiB: the sum of its heap pools' peaks (an upper bound of the true peak). */
    public static long peakMiB() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes >> 20;
    }

    /** This JVM's maximum heap in MiB. */
    public static long maxMiB() {
        return Runtime.getRuntime().maxMemory() >> 20;
    }

    /** "71 MiB of 256 MiB": the peak against the bound, as the summary's environment shows it. */
    public static String describe() {
        return peakMiB() + " MiB of " + maxMiB() + " MiB";
    }
}

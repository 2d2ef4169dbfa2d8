package org.hil303.steps.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.hil303.rigs.base.Durations;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.base.Timeout;
import org.hil303.rigs.console.ConsoleCapture;
import org.hil303.rigs.virtual.ConsoleFlood;
import org.hil303.steps.farm.HarnessHeap;

/**
 * {@code hil303 bench --console}: a flood of hostile console output through the console path,
 * measured in a JVM bounded as a rig's worker is, so its heap figure is the one a run would have.
 */
final class ConsoleBench {
    private static final String CHILD = "hil303.bench.console";
    /** Time for the harness to take in what is still in the pseudo-terminal once the flood is written. */
    private static final Timeout AFTER_FLOOD = Timeout.of("bench: console drained after the flood", Duration.ofMinutes(2));

    private ConsoleBench() {}

    static int run(Path home, long mib, PrintStream out) {
        if (System.getProperty(CHILD) == null) {
            return inBoundedJvm(mib);
        }
        out.printf("console flood: %d MiB of binary, NUL runs, escape sequences, endless lines and markup, through a pseudo-terminal, "
                + "jSerialComm and the console's capture, as a rig's worker takes it (its heap at most %d MiB)%n", mib, HarnessHeap.maxMiB());
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        Path dir = home.resolve("reports/bench").resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-console");
        ConsoleFlood.Figures f;
        try {
            f = ConsoleFlood.push(mib << 20, dir, AFTER_FLOOD);
        } catch (IOException | RigFault e) {
            System.err.println("error: the console flood could not be pushed: " + e.getMessage());
            return Main.INCONCLUSIVE;
        }
        long heap = HarnessHeap.peakMiB();
        out.printf("  pushed      %d MiB in %s (%.1f MB/s)%n", f.bytes() >> 20, Durations.human(f.elapsed()), f.megabytesPerSecond());
        out.printf("  heap peak   %d MiB of %d MiB%n", heap, HarnessHeap.maxMiB());
        out.printf("  transcript  %d MiB on disk (limit %d MiB): %s%n", f.transcriptBytes() >> 20, ConsoleCapture.TRANSCRIPT_LIMIT >> 20,
                f.droppedLines() == 0 ? "nothing dropped" : f.droppedLines() + " lines (" + (f.droppedBytes() >> 20) + " MiB as received) dropped and counted");
        out.printf("  afterwards  the prompt after the flood was %s; the transcript a report shows %s%n",
                f.promptFoundAfter() ? "found" : "NOT found", f.transcriptClean() ? "holds no control byte" : "HOLDS CONTROL BYTES");
        List<String> missed = new ArrayList<>();
        if (heap > HarnessHeap.WORKER_BOUND_MIB) {
            missed.add("heap above " + HarnessHeap.WORKER_BOUND_MIB + " MiB");
        }
        if (!f.promptFoundAfter() || !f.transcriptClean()) {
            missed.add("the console did not survive the flood intact");
        }
        out.println(missed.isEmpty() ? "  target      heap <= " + HarnessHeap.WORKER_BOUND_MIB + " MiB, disk capped, console intact: MET"
                : "  target      NOT MET: " + String.join("; ", missed));
        return Main.OK;
    }

    /** Runs this bench again in a JVM with a rig worker's heap bound. */
    private static int inBoundedJvm(long mib) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(HarnessHeap.workerOptions());
        cmd.add("-D" + CHILD + "=1");
        cmd.add("-D" + RunCommand.Home.PROPERTY + "=" + RunCommand.Home.dir());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "bench", "--console", Long.toString(mib)));
        try {
            return new ProcessBuilder(cmd).inheritIO().start().waitFor();
        } catch (IOException e) {
            System.err.println("error: cannot start the bench's JVM: " + e.getMessage());
            return Main.INCONCLUSIVE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.INCONCLUSIVE;
        }
    }
}

package org.hil303.steps.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.hil303.rigs.Rig;
import org.hil303.rigs.health.FaultPoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Breaks the rig on purpose, once per scenario at a seeded moment (but in a seeded control share), to prove that no rig fault becomes a
 * verdict about the DUT ({@code hil303 run --inject-faults SEED}). The fault and the moment follow from
 * the seed and the scenario alone, whichever rig of a farm runs it. Faults: what the rig can stage on
 * itself (the virtual rig: its emulator killed, its console cable cut, its link down) and the fake
 * cloud's port taken by another socket. After the scenario the rig is repaired as far as it can be;
 * every injection is logged in faults.log in the rig's folder and attached to the scenario's result.
 */
public final class FaultInjector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FaultInjector.class);
    public static final String LOG_FILE = "faults.log";
    static final String PORT_TAKEN = "cloud-port-taken";
    /** One scenario in this many gets no fault: the series must show verdicts standing, not only withheld ones. */
    private static final int CONTROL_ONE_IN = 4;
    private static final String CONTROL = "none";

    private final long seed;
    private final HarnessRun run;
    private final Path log;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fault-injector");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> pending;
    private Armed armed;
    private ServerSocket squatter;

    /** One scenario's fault: what, when after the scenario's start, and what happened when it fired. */
    private static final class Armed {
        final String scenario;
        final String kind;
        final Duration after;
        volatile Instant firedAt;
        volatile String what = "";

        Armed(String scenario, String kind, Duration after) {
            this.scenario = scenario;
            this.kind = kind;
            this.after = after;
        }
    }

    public FaultInjector(long seed, HarnessRun run, Path log) {
        this.seed = seed;
        this.run = run;
        this.log = log;
    }

    /** Picks this scenario's fault and moment (within the time it is expected to take) and sets it off then. */
    public synchronized void arm(String testCase, String scenario, Duration expected) {
        Random r = new Random(seed * 31 + (testCase + "\n" + scenario).hashCode());
        if (r.nextInt(CONTROL_ONE_IN) == 0) {
            armed = new Armed(testCase + " " + scenario, CONTROL, Duration.ZERO);
            pending = null;
            return;
        }
        List<String> kinds = kinds();
        String kind = kinds.get(r.nextInt(kinds.size()));
        // from a fifth into the expected time (a first boot not counted) to two and a half times it: many land after the
        // scenario ended, so the series shows verdicts that stand beside those a fault withheld
        long span = Math.max(1000, expected.toMillis());
        Duration after = Duration.ofMillis(span / 5 + (long) (r.nextDouble() * span * 2.3));
        armed = new Armed(testCase + " " + scenario, kind, after);
        Armed a = armed;
        pending = timer.schedule(() -> fire(a), after.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** What this scenario's rig could be broken with: the rig's own fault points, and the fake cloud's port where there is one. */
    private List<String> kinds() {
        List<String> out = new ArrayList<>(run.openedRig().flatMap(Rig::faultPoints).map(FaultPoints::kinds)
                .orElse(List.of("emulator-crash", "console-drop", "link-down")));
        if (run.dut().cloud().isPresent()) {
            out.add(PORT_TAKEN);
        }
        return out;
    }

    private synchronized void fire(Armed a) {
        Optional<Rig> rig = run.openedRig();
        if (rig.isEmpty()) {
            a.what = "not staged: the rig was not open yet";
            return;
        }
        try {
            if (a.kind.equals(PORT_TAKEN)) {
                a.what = takeCloudPort();
            } else {
                FaultPoints points = rig.get().faultPoints().orElseThrow(() -> new IllegalStateException("this rig stages no faults"));
                a.what = points.stage(a.kind);
            }
            a.firedAt = Instant.now();
            rig.get().health().report("injected fault", a.what);
            LOG.info("fault injected into {}: {}", a.scenario, a.what);
        } catch (RuntimeException e) {
            a.what = "not staged: " + e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")");
            LOG.warn("fault injection into {} failed: {}", a.scenario, e.toString());
            repair(); // whatever half of it was done
        }
    }

    /** The fake cloud's listener closed and its port bound by another socket, which accepts nothing: a service of the rig gone. */
    private String takeCloudPort() {
        var cloud = run.cloud();
        InetSocketAddress at = cloud.tlsAddress();
        cloud.close();
        try {
            squatter = new ServerSocket();
            squatter.setReuseAddress(true);
            squatter.bind(at);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take the port " + at, e);
        }
        return "the fake cloud's port " + at + " was taken by another socket, and the cloud stopped listening";
    }

    /** Cancels a fault not yet staged, repairs the rig after one that was, and tells what happened (for the scenario's evidence). */
    public synchronized Optional<String> disarm() {
        if (armed == null) {
            return Optional.empty();
        }
        if (pending != null) {
            pending.cancel(false);
        }
        Armed a = armed;
        armed = null;
        String line;
        if (a.kind.equals(CONTROL)) {
            line = "no rig fault injected: a control scenario (one in " + CONTROL_ONE_IN + ", chosen by the seed), whose verdict must stand";
        } else if (a.firedAt != null) {
            repair();
            line = "rig fault injected " + a.after.toMillis() + " ms into the scenario (" + a.kind + "): " + a.what;
        } else {
            line = "no rig fault injected: the scenario ended before its moment (" + a.kind + " at " + a.after.toMillis() + " ms)"
                    + (a.what.isEmpty() ? "" : "; " + a.what);
        }
        record(a, line);
        return Optional.of(line);
    }

    private synchronized void repair() {
        if (squatter != null) {
            try {
                squatter.close();
            } catch (IOException e) {
                LOG.debug("closing the squatter: {}", e.toString());
            }
            squatter = null;
            run.restartCloud();
        }
        run.openedRig().flatMap(Rig::faultPoints).ifPresent(FaultPoints::repair);
    }

    private void record(Armed a, String line) {
        String entry = String.join("\t", a.scenario, a.kind, Long.toString(a.after.toMillis()), a.firedAt == null ? "-" : a.firedAt.toString(), line) + "\n";
        try {
            Files.writeString(log, entry, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.warn("cannot record the injected fault in {}: {}", log, e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

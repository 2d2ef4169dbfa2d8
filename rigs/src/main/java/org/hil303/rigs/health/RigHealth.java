package org.hil303.rigs.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rig's health while a run uses it: its parts' checks, polled by a watch thread so that a fault
 * which comes and goes between two steps is still on record, and asked again right before a verdict
 * is given. Each outbreak of a fault is recorded once in the journal; a part that recovers may break
 * again and is recorded again.
 */
public final class RigHealth implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RigHealth.class);
    /** How often the watch looks: often enough that a fault lasting a few seconds is seen. */
    public static final Duration WATCH_PERIOD = Duration.ofMillis(500);

    private final List<HealthCheck> checks = new CopyOnWriteArrayList<>();
    private final FaultJournal journal = new FaultJournal();
    private final Map<String, String> current = new HashMap<>();
    private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rig-health");
        t.setDaemon(true);
        return t;
    });

    public RigHealth(List<HealthCheck> checks) {
        this.checks.addAll(checks);
        watch.scheduleWithFixedDelay(this::problemsNow, WATCH_PERIOD.toMillis(), WATCH_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A part joins the watch, e.g. a service the rig plays once the run starts it. */
    public void add(HealthCheck check) {
        checks.add(check);
    }

    /** A fault reported by whoever saw or caused it (an emulator that exited, a fault injector). */
    public void report(String part, String what) {
        journal.record(part, what); // an event, not a state: the parts' checks say whether it still holds
        LOG.warn("rig fault: {}: {}", part, what);
    }

    /** Every part's problem now, each also recorded in the journal if it is new. */
    public List<String> problemsNow() {
        List<String> out = new ArrayList<>();
        for (HealthCheck c : checks) {
            Optional<String> p;
            try {
                p = c.problem().get();
            } catch (RuntimeException e) {
                p = Optional.of("its check failed: " + e);
            }
            synchronized (current) {
                if (p.isPresent()) {
                    out.add(c.part() + ": " + p.get());
                    if (!p.get().equals(current.get(c.part()))) {
                        current.put(c.part(), p.get());
                        journal.record(c.part(), p.get());
                        LOG.warn("rig fault: {}: {}", c.part(), p.get());
                    }
                } else if (current.remove(c.part()) != null) {
                    LOG.info("rig part recovered: {}", c.part());
                }
            }
        }
        return out;
    }

    /**
     * The faults since the given moment ({@link System#nanoTime()}), after a look at every part now, and
     * every fault still present that began before it: a part broken before a scenario began is broken in it too.
     */
    public List<FaultJournal.Entry> faultsSince(long nanos) {
        problemsNow();
        List<FaultJournal.Entry> out = new ArrayList<>(journal.since(nanos));
        synchronized (current) {
            for (FaultJournal.Entry e : journal.all()) {
                boolean stillSo = e.what().equals(current.get(e.part()));
                if (e.nanos() - nanos < 0 && stillSo && out.stream().noneMatch(o -> o.part().equals(e.part()))) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    public FaultJournal journal() {
        return journal;
    }

    @Override
    public void close() {
        watch.shutdownNow();
    }
}

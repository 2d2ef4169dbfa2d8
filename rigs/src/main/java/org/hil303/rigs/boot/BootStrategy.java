package org.hil303.rigs.boot;

import java.time.Duration;
import java.util.Optional;
import org.hil303.rigs.Rig;
import org.hil303.rigs.base.Durations;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.base.Timeout;
import org.hil303.rigs.console.Console;
import org.hil303.rigs.console.ConsoleEvent;
import org.hil303.rigs.console.ConsoleMatch;
import org.hil303.rigs.console.ReportText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the DUT to the state a scenario needs, and does not reboot it when it is already there.
 * Readiness is detected (a console line, a port that answers), never slept for.
 */
public final class BootStrategy {
    private static final Logger LOG = LoggerFactory.getLogger(BootStrategy.class);

    public enum State { OFF, BOOTING, READY, NETWORK_UP }

    private final Rig rig;
    private final BootProfile profile;
    private State state = State.OFF;
    private String dirty;
    private long poweredOnAt = -1;
    private long readyAt = -1;
    private Duration lastBootTime;
    private long bootStartedNanos;

    public BootStrategy(Rig rig, BootProfile profile) {
        this.rig = rig;
        this.profile = profile;
    }

    public State state() {
        return state;
    }

    public Optional<Duration> lastBootTime() {
        return Optional.ofNullable(lastBootTime);
    }

    /** A scenario changed the DUT in a way the next one must not inherit: the next {@link #ensure} power-cycles. */
    public void markDirty(String why) {
        dirty = why;
    }

    public void ensure(State wanted) {
        // a rig that broke earlier (an emulator gone, a console cable pulled) may come back with the next power-on;
        // if it does not, the boot below says so as a rig fault
        rig.fault().ifPresent(f -> markDirty("the rig reported a fault (" + f + ")"));
        if (state.ordinal() >= State.READY.ordinal() && readyAt >= 0 && !rig.console().eventsSince(readyAt).isEmpty()) {
            markDirty("the DUT restarted or crashed since it was ready");
        }
        if (dirty != null || state.ordinal() < State.READY.ordinal()) {
            if (dirty != null) {
                LOG.info("power-cycling the DUT: {}", dirty);
            }
            powerCycle();
            awaitReady();
        }
        if (wanted == State.NETWORK_UP && state != State.NETWORK_UP) {
            awaitNetwork();
        }
    }

    /** Cuts power for the relay's off-time and switches it on again; the DUT is BOOTING afterwards. */
    public long powerCycle() {
        rig.power().off();
        state = State.OFF;
        try {
            rig.power().cycle();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RigFault("interrupted during a power cycle");
        }
        poweredOnAt = rig.console().mark();
        long started = System.nanoTime();
        state = State.BOOTING;
        dirty = null;
        readyAt = -1;
        lastBootTime = null;
        bootStartedNanos = started;
        return poweredOnAt;
    }

    /**
     * The DUT restarts by itself (a factory reset, an update) from the given console offset on:
     * waits for it to be ready again and measures that boot like one after power-on.
     */
    public void awaitRestart(long since) {
        state = State.BOOTING;
        poweredOnAt = since;
        readyAt = -1;
        lastBootTime = null;
        bootStartedNanos = System.nanoTime();
        awaitReady();
    }

    /** Console output offset at the last power-on. */
    public long poweredOnAt() {
        return poweredOnAt;
    }

    public void awaitReady() {
        awaitReady(profile.boot());
    }

    /** Waits for the ready line since the last power-on; a DUT that never gets there leaves the scenario INCONCLUSIVE. */
    public void awaitReady(Timeout timeout) {
        Console console = rig.console();
        Optional<ConsoleMatch> m = console.await(profile.ready(), poweredOnAt, timeout);
        failOnRigFault();
        if (m.isEmpty()) {
            String events = console.eventsSince(poweredOnAt).stream().map(ConsoleEvent::line).reduce((a, b) -> a + "; " + b).orElse("");
            throw new DutNotReady("the DUT did not become ready (console pattern '" + profile.ready().pattern() + "') within timeout "
                    + timeout.describe() + (events.isEmpty() ? "" : "; it printed: " + ReportText.oneLine(events, 300))
                    + "; last console output: " + ReportText.oneLine(tail(console.textSince(poweredOnAt)), 300));
        }
        readyAt = m.get().end();
        lastBootTime = Duration.ofNanos(System.nanoTime() - bootStartedNanos);
        state = State.READY;
        LOG.info("DUT ready after {}", Durations.human(lastBootTime));
    }

    /** Waits up to the timeout for the ready line since the last power-on. */
    public boolean readyWithin(Timeout timeout) {
        return rig.console().await(profile.ready(), poweredOnAt, timeout).isPresent();
    }

    /** True when the ready line has appeared since the last power-on (without waiting). */
    public boolean readySincePowerOn() {
        return rig.console().find(profile.ready(), poweredOnAt).isPresent();
    }

    private void awaitNetwork() {
        if (profile.networkPort().isPresent()) {
            int port = profile.networkPort().getAsInt();
            if (!rig.network().awaitPort(port, profile.network())) {
                failOnRigFault();
                throw new DutNotReady("the DUT booted but " + rig.network().dutAddress().getHostAddress() + ":" + port
                        + " did not answer within timeout " + profile.network().describe());
            }
        }
        state = State.NETWORK_UP;
    }

    public void powerOff() {
        rig.power().off();
        state = State.OFF;
    }

    private void failOnRigFault() {
        rig.fault().ifPresent(f -> {
            state = State.OFF;
            throw new RigFault(f);
        });
    }

    private static String tail(String s) {
        return s.length() <= 300 ? s : s.substring(s.length() - 300);
    }
}

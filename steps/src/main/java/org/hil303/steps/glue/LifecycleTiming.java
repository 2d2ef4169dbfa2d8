package org.hil303.steps.glue;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import java.time.Duration;

/**
 * Lifecycle scenarios reboot the device several times: their duration is shown beside the
 * device's own boot time, so that what the harness adds is visible.
 */
public final class LifecycleTiming {
    private static final String LIFECYCLE = "@provision=5.11-1 or @provision=5.11-2 or @provision=5.7-1 or @provision=5.7-2"
            + " or @provision=5.9-1 or @provision=5.9-2 or @provision=5.9-3 or @provision=5.3-2 or @provision=5.3-9 or @provision=5.3-10"
            + " or @provision=5.3-4 or @provision=5.3-5 or @provision=5.3-6 or @provision=5.3-7";

    private final DutWorld world;
    private long started;

    public LifecycleTiming(DutWorld world) {
        this.world = world;
    }

    @Before(LIFECYCLE)
    public void start() {
        started = System.nanoTime();
    }

    @After(value = LIFECYCLE, order = 20000)
    public void report() {
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        String boot = world.run().openedRig().flatMap(r -> world.boot().lastBootTime())
                .map(b -> String.format("%.1f s", b.toMillis() / 1000.0)).orElse("not measured");
        String line = String.format("%s took %.1f s; the device boots in %s", world.testCase(), took.toMillis() / 1000.0, boot);
        world.progress(line);
        world.evidence("duration", line);
    }
}

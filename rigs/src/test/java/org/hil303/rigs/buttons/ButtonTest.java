package org.hil303.rigs.buttons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hil303.rigs.gpio.GpioLine;
import org.junit.jupiter.api.Test;

class ButtonTest {
    /** A line that records what is done to it, synchronously. */
    private static final class RecordingLine implements GpioLine {
        final List<Boolean> sets = new CopyOnWriteArrayList<>();
        volatile boolean active;

        @Override
        public String name() {
            return "reset";
        }

        @Override
        public void set(boolean a) {
            sets.add(a);
            active = a;
        }

        @Override
        public boolean isActive() {
            return active;
        }
    }

    @Test
    void press_holds_then_releases() throws Exception {
        RecordingLine line = new RecordingLine();
        Button b = new Button(line);
        assertThat(b.name()).isEqualTo("reset");
        long t0 = System.nanoTime();
        b.press(Duration.ofMillis(20));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(20));
        assertThat(line.sets).containsExactly(true, false);
        assertThat(line.isActive()).isFalse();
    }

    @Test
    void an_interrupted_press_still_releases() {
        RecordingLine line = new RecordingLine();
        Button b = new Button(line);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> b.press(Duration.ofSeconds(30))).isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
        assertThat(line.sets).containsExactly(true, false);
        assertThat(line.isActive()).isFalse();
    }
}

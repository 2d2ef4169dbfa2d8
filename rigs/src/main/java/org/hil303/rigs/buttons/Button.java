package org.hil303.rigs.buttons;

import java.time.Duration;
import org.hil303.rigs.gpio.GpioLine;

/** A line wired across one of the DUT's buttons (reset, pairing, ...). */
public final class Button {
    private final GpioLine line;

    public Button(GpioLine line) {
        this.line = line;
    }

    public String name() {
        return line.name();
    }

    /** Presses, holds for the given time, releases; released even if interrupted. */
    public void press(Duration hold) throws InterruptedException {
        line.set(true);
        try {
            Thread.sleep(hold.toMillis()); // physical dwell: how long a finger holds the button
        } finally {
            line.set(false);
        }
    }
}

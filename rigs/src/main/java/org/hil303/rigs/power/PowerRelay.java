package org.hil303.rigs.power;

import java.time.Duration;
import org.hil303.rigs.gpio.GpioLine;

/** The relay in the DUT's supply. Off is the safe state. */
public final class PowerRelay {
    private final GpioLine line;
    private final Duration offTime;

    public PowerRelay(GpioLine line, Duration offTime) {
        this.line = line;
        this.offTime = offTime;
    }

    public void on() {
        line.set(true);
    }

    public void off() {
        line.set(false);
    }

    public boolean isOn() {
        return line.isActive();
    }

    /** Off, the physical off-time (capacitors drain, the DUT really loses power), then on. */
    public void cycle() throws InterruptedException {
        off();
        Thread.sleep(offTime.toMillis()); // physical dwell: relay off-time from the rig file
        on();
    }

    public Duration offTime() {
        return offTime;
    }
}

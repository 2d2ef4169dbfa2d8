package org.hil303.rigs.power;

import java.time.Duration;
import java.util.Optional;
import org.hil303.rigs.gpio.GpioLine;

/** The relay in the DUT's supply, on a GPIO line. Off is the safe state. */
public final class PowerRelay implements Power {
    private final GpioLine line;
    private final Duration offTime;
    private volatile boolean commanded;

    public PowerRelay(GpioLine line, Duration offTime) {
        this.line = line;
        this.offTime = offTime;
    }

    @Override
    public void on() {
        commanded = true;
        line.set(true);
    }

    @Override
    public void off() {
        commanded = false;
        line.set(false);
    }

    @Override
    public boolean isOn() {
        return line.isActive();
    }

    @Override
    public Optional<String> fault() {
        boolean reads = line.isActive();
        return reads == commanded ? Optional.empty()
                : Optional.of("the power line " + line.name() + " reads " + (reads ? "on" : "off") + " although the rig switched it " + (commanded ? "on" : "off"));
    }

    @Override
    public void cycle() throws InterruptedException {
        off();
        Thread.sleep(offTime.toMillis()); // physical dwell: relay off-time from the rig file
        on();
    }

    @Override
    public Duration offTime() {
        return offTime;
    }
}

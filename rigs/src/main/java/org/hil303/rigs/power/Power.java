package org.hil303.rigs.power;

import java.time.Duration;
import java.util.Optional;

/**
 * The DUT's supply as the rig switches it: a relay on a GPIO line today, a switched PDU or a USB hub
 * port tomorrow, each one class behind this. Off is the safe state.
 */
public interface Power {
    void on();

    void off();

    /** What the rig last commanded. */
    boolean isOn();

    /** Off, the physical off-time (capacitors drain, the DUT really loses power), then on. */
    void cycle() throws InterruptedException;

    Duration offTime();

    /** Non-empty when the power path itself is broken: the switch does not read back as commanded. */
    Optional<String> fault();
}

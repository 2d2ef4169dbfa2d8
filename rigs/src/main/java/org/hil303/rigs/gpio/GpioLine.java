package org.hil303.rigs.gpio;

/** One digital output of the rig, in terms of what it does (active or not), not of voltage levels. */
public interface GpioLine {
    String name();

    void set(boolean active);

    boolean isActive();
}

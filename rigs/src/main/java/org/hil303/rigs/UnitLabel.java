package org.hil303.rigs;

/** What is printed on the unit's label: its serial number and, for devices that have one, its per-device password. */
public record UnitLabel(String serial, String password) {
    @Override
    public String toString() {
        return "UnitLabel[serial=" + serial + "]"; // keep the password out of logs
    }
}

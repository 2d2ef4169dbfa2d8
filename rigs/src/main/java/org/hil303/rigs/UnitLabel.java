package org.hil303.rigs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What is printed on the unit's label: its serial number, for devices that have one its per-device
 * password, and whatever else it shows (its MAC address, a model code): 5.1-2 checks that the
 * password follows from none of them.
 */
public record UnitLabel(String serial, String password, Map<String, String> printed) {
    public UnitLabel {
        printed = Map.copyOf(printed);
    }

    public UnitLabel(String serial, String password) {
        this(serial, password, Map.of());
    }

    /** Every printed field but the password, the serial number first. */
    public Map<String, String> fields() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("serial", serial);
        out.putAll(printed);
        return out;
    }

    @Override
    public String toString() {
        return "UnitLabel[serial=" + serial + "]"; // keep the password out of logs
    }
}

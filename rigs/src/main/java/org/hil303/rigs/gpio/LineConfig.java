package org.hil303.rigs.gpio;

import org.hil303.rigs.config.ConfigNode;

/**
 * How a rig line is wired: which BCM pin, and whether "active" means a high or a low level
 * (many relay boards switch on a low level).
 */
public record LineConfig(String name, int pin, boolean activeLow) {
    public enum Active { HIGH, LOW }

    public static LineConfig read(String name, ConfigNode node) {
        int pin = node.integer("pin");
        if (pin < 0 || pin > 53) {
            throw node.get("pin").error("BCM pin must be between 0 and 53, found " + pin);
        }
        Active active = node.choice("active", Active.class, Active.HIGH);
        return new LineConfig(name, pin, active == Active.LOW);
    }
}

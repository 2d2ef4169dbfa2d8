package org.hil303.rigs.base;

/**
 * The rig could not establish a fact: a relay that did not switch, a console that stayed silent,
 * a tool that is missing. Always reported as INCONCLUSIVE, never as a finding about the device.
 */
public class RigFault extends RuntimeException {
    public RigFault(String message) {
        super(message);
    }

    public RigFault(String message, Throwable cause) {
        super(message, cause);
    }
}

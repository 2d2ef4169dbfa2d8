package org.hil303.rigs.boot;

import org.hil303.rigs.base.RigFault;

/** The DUT did not reach the state a scenario needs: the scenario cannot establish its facts. */
public final class DutNotReady extends RigFault {
    public DutNotReady(String message) {
        super(message);
    }
}

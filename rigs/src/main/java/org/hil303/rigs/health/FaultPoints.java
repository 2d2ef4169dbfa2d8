package org.hil303.rigs.health;

import java.util.List;

/**
 * The faults a rig can stage on itself, to prove that verdicts survive a broken rig (the virtual
 * rig's emulator crashing, its console cable pulled, its link taken down). Every staged fault is
 * reported to the rig's health journal, as a real one would be seen.
 */
public interface FaultPoints {
    /** The kinds this rig can stage, by name. */
    List<String> kinds();

    /** Stages one; returns what was done, for the record. */
    String stage(String kind);

    /** Undoes what can be undone, so the next scenario meets a working rig (an emulator comes back with the next power-on). */
    void repair();
}

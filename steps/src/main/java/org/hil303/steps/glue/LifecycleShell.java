package org.hil303.steps.glue;

import java.util.Optional;
import org.hil303.fixtures.lifecycle.ConsoleShell;
import org.hil303.rigs.storage.RawStorage;
import org.hil303.steps.run.UnitAccess;

/** What the lifecycle steps share: a console shell with the credentials the lab holds, and the raw storage. */
final class LifecycleShell {
    private LifecycleShell() {}

    static ConsoleShell open(DutWorld world) {
        return open(world, world.run().dut().timeouts().command());
    }

    /** With a longer wait for each command, for commands that take long by nature (an update). */
    static ConsoleShell open(DutWorld world, org.hil303.rigs.base.Timeout command) {
        world.rig(); // the scenario's console slice starts here
        return UnitAccess.shell(world.run(), command);
    }

    /** The raw storage the rig file declares: a reader beside the DUT, or the DUT's own console with the lab's login. */
    static RawStorage storage(DutWorld world) {
        return storage(world, Optional.empty());
    }

    /** The same, by the way the IXIT names, when it names one. */
    static RawStorage storage(DutWorld world, Optional<RawStorage.Access> named) {
        world.rig();
        return UnitAccess.storage(world.run(), named, world::progress);
    }

    /** Brings the DUT to the state in which the storage can be touched: off for a reader beside it, running for its console. */
    static void prepare(DutWorld world, RawStorage storage) {
        world.boot();
        UnitAccess.prepare(world.run(), storage);
    }
}

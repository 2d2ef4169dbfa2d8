package org.hil303.steps.glue;

import org.hil303.fixtures.dut.LoginSurfaceSpec;
import org.hil303.fixtures.dut.SurfaceKind;
import org.hil303.fixtures.lifecycle.ConsoleShell;
import org.hil303.rigs.RigFault;
import org.hil303.rigs.console.ConsoleLogin;
import org.hil303.rigs.storage.RawStorage;

/** What the lifecycle steps share: a console shell with the credentials the lab holds, and the raw storage. */
final class LifecycleShell {
    private LifecycleShell() {}

    static ConsoleShell open(DutWorld world) {
        return open(world, world.run().dut().timeouts().command());
    }

    /** With a longer wait for each command, for commands that take long by nature (an update). */
    static ConsoleShell open(DutWorld world, org.hil303.rigs.Timeout command) {
        LoginSurfaceSpec console = world.run().dut().surface(SurfaceKind.CONSOLE).orElseThrow(() -> new RigFault(
                "the IXIT (1-AuthMech) declares no console login surface: the lifecycle test units work on the console"));
        String password = world.run().accounts().password(console.user()).orElse("");
        ConsoleLogin login = new ConsoleLogin(world.rig().console(), console.prompts(), world.run().dut().timeouts().login());
        return ConsoleShell.open(world.rig().console(), login, console.user(), password, command);
    }

    static RawStorage storage(DutWorld world) {
        return world.rig().storage().orElseThrow(() -> new RigFault("the DUT's raw storage cannot be read on rig '"
                + world.rig().name() + "': not available on this kind of rig yet; declare how (e.g. an SPI flash reader)"));
    }
}

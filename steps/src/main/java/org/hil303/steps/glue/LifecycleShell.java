package org.hil303.steps.glue;

import java.util.Optional;
import org.hil303.fixtures.dut.LoginSurfaceSpec;
import org.hil303.fixtures.dut.SurfaceKind;
import org.hil303.fixtures.lifecycle.ConsoleShell;
import org.hil303.rigs.RigFault;
import org.hil303.rigs.Timeout;
import org.hil303.rigs.boot.BootStrategy;
import org.hil303.rigs.console.ConsoleLogin;
import org.hil303.rigs.console.ReportText;
import org.hil303.rigs.storage.ConsoleStorage;
import org.hil303.rigs.storage.RawStorage;
import org.hil303.rigs.storage.StorageConfig;

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

    /** The raw storage the rig file declares: a reader beside the DUT, or the DUT's own console with the lab's login. */
    static RawStorage storage(DutWorld world) {
        return storage(world, Optional.empty());
    }

    /** The same, by the way the IXIT names, when it names one. */
    static RawStorage storage(DutWorld world, Optional<RawStorage.Access> named) {
        Optional<StorageConfig.DutConsole> viaConsole = world.rig().config().storage().flatMap(StorageConfig::dutConsole);
        return StorageChoice.choose(named, world.rig().name(), world.rig().storage(), viaConsole.map(c -> () ->
                new ConsoleStorage(c, world.rig().config().console().baud(), world.run().dut().timeouts().command(),
                        () -> session(world), world::progress)));
    }

    /** Brings the DUT to the state in which the storage can be touched: off for a reader beside it, running for its console. */
    static void prepare(DutWorld world, RawStorage storage) {
        if (storage.access() == RawStorage.Access.DUT_OFF) {
            world.boot().powerOff();
        } else {
            world.boot().ensure(BootStrategy.State.READY);
        }
    }

    private static ConsoleStorage.Session session(DutWorld world) {
        ConsoleShell shell = open(world);
        return new ConsoleStorage.Session() {
            @Override
            public String run(String commandLine, Timeout timeout) {
                ConsoleShell.Output o = shell.run(commandLine, timeout);
                if (o.status() != 0) {
                    throw new RigFault("reading the DUT's storage: '" + commandLine + "' failed on the console (status " + o.status()
                            + "; the console user must be root): " + ReportText.oneLine(o.text(), 300));
                }
                return o.text();
            }

            @Override
            public void close() {
                shell.close();
            }
        };
    }
}

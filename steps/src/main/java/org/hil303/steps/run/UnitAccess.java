package org.hil303.steps.run;

import java.util.Optional;
import java.util.function.Consumer;
import org.hil303.fixtures.dut.LoginSurfaceSpec;
import org.hil303.fixtures.dut.SurfaceKind;
import org.hil303.fixtures.lifecycle.ConsoleShell;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.base.Timeout;
import org.hil303.rigs.boot.BootStrategy;
import org.hil303.rigs.console.ConsoleLogin;
import org.hil303.rigs.console.ReportText;
import org.hil303.rigs.storage.ConsoleStorage;
import org.hil303.rigs.storage.RawStorage;
import org.hil303.rigs.storage.StorageConfig;

/** The unit's console shell with the credentials the lab holds, and its raw storage, as the rig offers them. */
public final class UnitAccess {
    private UnitAccess() {}

    /** A shell on the console login surface the IXIT declares, as its user. */
    public static ConsoleShell shell(HarnessRun run, Timeout command) {
        LoginSurfaceSpec console = run.dut().surface(SurfaceKind.CONSOLE).orElseThrow(() -> new RigFault(
                "the IXIT (1-AuthMech) declares no console login surface: the lifecycle test units work on the console"));
        String password = run.accounts().password(console.user()).orElse("");
        ConsoleLogin login = new ConsoleLogin(run.rig().console(), console.prompts(), run.dut().timeouts().login());
        return ConsoleShell.open(run.rig().console(), login, console.user(), password, command);
    }

    /** The raw storage the rig file declares, by the way the IXIT names when it names one: a reader beside the DUT, or its console. */
    public static RawStorage storage(HarnessRun run, Optional<RawStorage.Access> named, Consumer<String> progress) {
        Optional<StorageConfig.DutConsole> viaConsole = run.rig().config().storage().flatMap(StorageConfig::dutConsole);
        return StorageChoice.choose(named, run.rig().name(), run.rig().storage(), viaConsole.map(c -> () ->
                new ConsoleStorage(c, run.rig().config().console().baud(), run.dut().timeouts().command(),
                        () -> session(run), progress)));
    }

    /** Brings the DUT to the state in which the storage can be touched: off for a reader beside it, running for its console. */
    public static void prepare(HarnessRun run, RawStorage storage) {
        if (storage.access() == RawStorage.Access.DUT_OFF) {
            run.boot().powerOff();
        } else {
            run.boot().ensure(BootStrategy.State.READY);
        }
    }

    private static ConsoleStorage.Session session(HarnessRun run) {
        ConsoleShell shell = shell(run, run.dut().timeouts().command());
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

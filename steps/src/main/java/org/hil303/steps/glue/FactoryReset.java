package org.hil303.steps.glue;

import org.hil303.fixtures.dut.FactoryResetSpec;
import org.hil303.rigs.base.RigFault;

/** A factory reset by one of the means the IXIT declares, waited for until the DUT is ready again. */
final class FactoryReset {
    private FactoryReset() {}

    static void withButton(DutWorld world, FactoryResetSpec.ButtonReset button) {
        long from = world.rig().console().mark();
        try {
            world.rig().button(button.name()).press(button.hold());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RigFault("interrupted while holding the reset button");
        }
        awaitRestart(world, from, "'" + button.name() + "' button held for " + button.hold().toMillis() + " ms");
    }

    static void withCommand(DutWorld world, String command) {
        long from = world.rig().console().mark();
        LifecycleShell.open(world).sendAndLeave(command); // no logout: the device restarts
        awaitRestart(world, from, "'" + command + "' on the console");
    }

    /** By the command where one is declared (it needs no hand on the rig), else by the button. */
    static void anyWay(DutWorld world, FactoryResetSpec spec) {
        if (spec.command().isPresent()) {
            withCommand(world, spec.command().get());
        } else {
            withButton(world, spec.button().orElseThrow());
        }
    }

    private static void awaitRestart(DutWorld world, long from, String how) {
        world.boot().awaitRestart(from);
        world.boot().lastBootTime().ifPresent(t -> world.evidence("factory reset", "reset with " + how
                + "; the DUT was ready again after " + t.toMillis() + " ms"));
    }
}

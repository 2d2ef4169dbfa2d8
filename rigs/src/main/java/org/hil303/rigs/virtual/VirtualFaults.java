package org.hil303.rigs.virtual;

import java.util.List;
import org.hil303.rigs.health.FaultPoints;

/**
 * The rig faults the virtual rig stages on itself: its emulator killed while the power line stays on
 * (a crash of the rig, not a power cut), the emulated UART's connection to the rig cut (a console cable
 * pulled), its tap taken down (the rig's network link lost).
 */
final class VirtualFaults implements FaultPoints {
    static final String EMULATOR_CRASH = "emulator-crash";
    static final String CONSOLE_DROP = "console-drop";
    static final String LINK_DOWN = "link-down";

    private final QemuMachine machine;
    private final VirtualConsole console;
    private final String tap;

    VirtualFaults(QemuMachine machine, VirtualConsole console, String tap) {
        this.machine = machine;
        this.console = console;
        this.tap = tap;
    }

    @Override
    public List<String> kinds() {
        return List.of(EMULATOR_CRASH, CONSOLE_DROP, LINK_DOWN);
    }

    @Override
    public String stage(String kind) {
        switch (kind) {
            case EMULATOR_CRASH -> machine.crash();
            case CONSOLE_DROP -> console.drop();
            case LINK_DOWN -> NetworkNamespace.link(tap, false);
            default -> throw new IllegalArgumentException("the virtual rig cannot stage '" + kind + "'; it can stage " + kinds());
        }
        return switch (kind) {
            case EMULATOR_CRASH -> "the emulator was killed (SIGKILL) while its power line stayed on";
            case CONSOLE_DROP -> "the emulated UART's connection to the rig's console was cut";
            default -> "the rig's link to the DUT (" + tap + ") was taken down";
        };
    }

    /** The link comes back up; the emulator and its console come back with the next power-on, which the boot strategy makes. */
    @Override
    public void repair() {
        NetworkNamespace.link(tap, true);
    }
}

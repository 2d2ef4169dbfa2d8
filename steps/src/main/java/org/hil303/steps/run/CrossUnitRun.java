package org.hil303.steps.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hil303.fixtures.dut.DutFile;
import org.hil303.fixtures.units.UnitFacts;

/**
 * What the cross-unit test cases (5.1-2, 5.4-3, 5.4-4) judge, once every unit of the run has been
 * measured: the facts each unit gave, those of units tested in earlier runs (--compare-with), and the
 * software image the units run. Judged by the run itself, after its rigs are done, with no rig.
 *
 * @param software the files of the software image the units run (the reference device's initramfs and the
 *                 layers its flaws add; a supplier's update images); empty where the harness has none
 */
public record CrossUnitRun(DutFile dut, List<UnitFacts> units, List<UnitFacts> earlier, List<Path> software) {
    private static volatile CrossUnitRun current;

    public CrossUnitRun {
        units = List.copyOf(units);
        earlier = List.copyOf(earlier);
        software = List.copyOf(software);
    }

    public static void begin(CrossUnitRun run) {
        current = run;
    }

    public static Optional<CrossUnitRun> currentIfAny() {
        return Optional.ofNullable(current);
    }

    public static CrossUnitRun current() {
        CrossUnitRun r = current;
        if (r == null) {
            throw new IllegalStateException("no cross-unit judgement in progress: start it through `hil303 run`");
        }
        return r;
    }

    /** Every unit to compare: this run's, then the earlier runs'. */
    public List<UnitFacts> all() {
        List<UnitFacts> out = new ArrayList<>(units);
        out.addAll(earlier);
        return out;
    }
}

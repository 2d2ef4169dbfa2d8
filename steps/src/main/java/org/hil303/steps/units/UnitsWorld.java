package org.hil303.steps.units;

import io.qameta.allure.Allure;
import java.util.List;
import java.util.stream.Collectors;
import org.hil303.fixtures.units.UnitFacts;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.console.ReportText;
import org.hil303.steps.report.ProgressPlugin;
import org.hil303.steps.run.CrossUnitRun;

/** What a cross-unit scenario works with: every unit tested, and the evidence it records. Created per scenario. */
public final class UnitsWorld {
    private final CrossUnitRun run = CrossUnitRun.current();
    private String provision = "";

    public CrossUnitRun run() {
        return run;
    }

    void begin(String provision) {
        this.provision = provision;
    }

    String provision() {
        return provision;
    }

    /** The units to compare; a comparison of fewer than two proves nothing, so that is INCONCLUSIVE and says what to do. */
    List<UnitFacts> atLeastTwo() {
        List<UnitFacts> all = run.all();
        if (all.size() < 2) {
            throw new RigFault(provision + " compares units, and only " + (all.isEmpty() ? "no unit" : "one unit (" + all.get(0).serial() + ")")
                    + " was tested: run the suite on several rigs (--rig ... --rig ...), or give the evidence bundle of an earlier run "
                    + "of another unit with --compare-with");
        }
        return all;
    }

    /** A line of evidence naming the units compared (this run's and earlier runs'). */
    void evidenceOfUnits(String name, List<UnitFacts> units) {
        evidence(name, units.stream().map(u -> u.serial() + " (" + (run.units().contains(u) ? "rig " + u.rig() : "an earlier run") + ")"
                + (u.identityGaps().isEmpty() ? "" : "; identities not read: " + String.join("; ", u.identityGaps()))
                + (u.storageRead() ? "" : "; " + u.storageGap()))
                .collect(Collectors.joining("\n")));
    }

    void evidence(String name, String text) {
        Allure.addAttachment(name, "text/plain", ReportText.sanitize(text, 512 * 1024), ".txt");
    }

    void progress(String line) {
        ProgressPlugin.note(line);
    }
}

package org.hil303.steps.units;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.hil303.fixtures.dut.IxitIncomplete;
import org.hil303.fixtures.units.LabelledUnit;
import org.hil303.fixtures.units.PasswordDerivations;
import org.hil303.fixtures.units.PasswordFinding;
import org.hil303.fixtures.units.PasswordSet;
import org.hil303.fixtures.units.PasswordStrength;
import org.hil303.fixtures.units.UnitFacts;
import org.hil303.rigs.base.RigFault;
import org.hil303.steps.report.NonConformity;

/** 5.1-2-2: the units' pre-installed passwords, compared with their labels and with each other. */
public final class PasswordUniquenessSteps {
    private final UnitsWorld world;
    private List<UnitFacts> units;

    public PasswordUniquenessSteps(UnitsWorld world) {
        this.world = world;
    }

    @Given("the pre-installed password and the label of every unit tested")
    public void passwordsAndLabels() {
        units = world.atLeastTwo();
        world.evidenceOfUnits("units compared", units);
        if (units.stream().allMatch(u -> u.passwordSource().equals("none"))) {
            throw new IxitIncomplete("the IXIT (1-AuthMech) declares no pre-installed password on any login surface: where none is used "
                    + "the ICS should say 5.1-2 is N/A");
        }
        List<String> missing = units.stream().filter(u -> u.passwordSource().equals("label") && u.password().isEmpty())
                .map(UnitFacts::serial).toList();
        if (!missing.isEmpty()) {
            throw new RigFault("no password is known from the label of unit(s) " + missing + ": transcribe the label into the rig's label file");
        }
    }

    @Then("no two units share a password, none is derived from its label, they show no pattern, and each is strong enough")
    public void uniqueUnderivedStrong() {
        PasswordDerivations rules = PasswordDerivations.builtIn();
        List<LabelledUnit> labelled = units.stream().map(u -> new LabelledUnit(u.serial(), u.password(), u.label())).toList();
        List<PasswordFinding> findings = new ArrayList<>(PasswordSet.check(labelled));
        StringBuilder strengths = new StringBuilder();
        for (LabelledUnit u : labelled) {
            findings.addAll(rules.check(u));
            rules.strength(u).ifPresent(findings::add);
            strengths.append(String.format(Locale.ROOT, "%s: %d characters, estimated %.1f bits (minimum %d)%n", u.unitId(),
                    u.password().length(), PasswordStrength.estimateBits(u.password()), rules.minimumBits()));
        }
        world.evidence("password strength per unit", strengths + "rules: " + rules.source() + "\nminimum: " + rules.strengthSource());
        String fixed = units.stream().filter(u -> u.passwordSource().equals("fixed")).map(UnitFacts::serial).collect(Collectors.joining(", "));
        if (!fixed.isEmpty()) {
            findings.add(0, new PasswordFinding(PasswordFinding.Kind.SHARED, List.of(),
                    "the IXIT declares one fixed password for every unit (units " + fixed + "): it is not unique per device"));
        }
        String all = findings.stream().map(PasswordFinding::description).collect(Collectors.joining("\n"));
        world.evidence("findings", findings.isEmpty() ? "none: every password is the unit's own, follows from nothing on its label, "
                + "shows no pattern across units and reaches the minimum strength" : all);
        NonConformity.require(findings.isEmpty(), findings.size() + " finding(s) on the pre-installed passwords of "
                + units.size() + " units: " + findings.stream().map(PasswordFinding::description).collect(Collectors.joining("; ")));
    }
}

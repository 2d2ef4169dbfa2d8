package org.hil303.steps.units;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hil303.fixtures.units.UnitFacts;
import org.hil303.fixtures.units.UnitIdentity;
import org.hil303.rigs.base.RigFault;
import org.hil303.steps.report.NonConformity;

/** 5.4-4-2: what each unit shows its peers, compared across units by fingerprint. */
public final class UnitIdentitySteps {
    private final UnitsWorld world;
    private List<UnitFacts> units;

    public UnitIdentitySteps(UnitsWorld world) {
        this.world = world;
    }

    @Given("what every unit tested shows of its identity over the network, to its cloud and on its console")
    public void identities() {
        units = world.atLeastTwo();
        world.evidenceOfUnits("units compared", units);
        StringBuilder b = new StringBuilder();
        for (UnitFacts u : units) {
            b.append(u.serial()).append(":\n");
            u.identities().forEach(i -> b.append("  ").append(i.describe()).append('\n'));
        }
        world.evidence("identities per unit", b.toString());
        List<String> without = units.stream().filter(u -> u.identities().isEmpty()).map(u -> u.serial() + " (" + String.join("; ", u.identityGaps()) + ")")
                .toList();
        if (!without.isEmpty()) {
            throw new RigFault("no identity could be read from unit(s) " + without);
        }
    }

    @Then("no two units share an SSH host key, a TLS server key, a cloud credential or a declared identity")
    public void noneShared() {
        Map<String, List<String>> holders = new LinkedHashMap<>();
        Map<String, UnitIdentity> what = new LinkedHashMap<>();
        for (UnitFacts u : units) {
            for (UnitIdentity i : u.identities()) {
                List<String> h = holders.computeIfAbsent(i.fingerprint(), f -> new ArrayList<>());
                if (!h.contains(u.serial())) {
                    h.add(u.serial());
                }
                what.putIfAbsent(i.fingerprint(), i);
            }
        }
        List<String> shared = new ArrayList<>();
        holders.forEach((fp, serials) -> {
            if (serials.size() > 1) {
                UnitIdentity i = what.get(fp);
                shared.add(i.kind() + " (" + i.where() + ") " + fp + " is the same on units " + String.join(", ", serials));
            }
        });
        List<String> gaps = units.stream().filter(u -> !u.identityGaps().isEmpty())
                .map(u -> u.serial() + ": " + String.join("; ", u.identityGaps())).toList();
        world.evidence("findings", shared.isEmpty() ? "none shared" : String.join("\n", shared));
        NonConformity.require(shared.isEmpty(), "critical security parameters shared by units: " + String.join("; ", shared));
        if (!gaps.isEmpty()) {
            // what was read differs per unit, but what could not be read might not: the comparison is incomplete
            throw new RigFault("no identity is shared among those read, but some could not be read: " + String.join("; ", gaps)
                    .lines().collect(Collectors.joining(" ")));
        }
    }
}

package org.hil303.steps.units;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hil303.fixtures.units.KeyFinding;
import org.hil303.fixtures.units.KeyMaterialScanner;
import org.hil303.fixtures.units.LiteralSecret;
import org.hil303.fixtures.units.SharedKeys;
import org.hil303.fixtures.units.UnitFacts;
import org.hil303.fixtures.units.UnitIdentity;
import org.hil303.rigs.base.RigFault;
import org.hil303.steps.report.NonConformity;

/**
 * 5.4-3-2: the software image searched for key material and the units' passwords, and the key
 * material in the units' raw storage compared across units (on a rig without an image to search, the
 * raw storage is where the software is).
 */
public final class KeyMaterialSteps {
    private final UnitsWorld world;
    private List<UnitFacts> units;

    public KeyMaterialSteps(UnitsWorld world) {
        this.world = world;
    }

    @Given("the software image the units run and what the raw storage of each unit tested holds")
    public void softwareAndStorage() {
        units = world.run().all();
        world.evidenceOfUnits("units compared", units);
        world.evidence("software image", world.run().software().isEmpty()
                ? "none: the DUT file names no supplier images and the rig builds none; the units' raw storage stands for it"
                : String.join("\n", world.run().software().stream().map(Path::toString).toList()));
    }

    @Then("no private key, password hash or unit password is in the software image or the same in the raw storage of two units, unless the IXIT declares it public")
    public void noneHardCoded() {
        List<String> findings = new ArrayList<>();
        List<String> notPublic = new ArrayList<>();
        for (KeyFinding f : software()) {
            if (world.run().dut().securityParameters().isPublic(f.fingerprint())) {
                notPublic.add("declared public: " + f.kind() + " at " + f.location() + " " + f.fingerprint());
            } else {
                findings.add(f.kind() + " in the software image at " + f.location() + " (" + f.fingerprint() + ", " + f.detail() + ")");
            }
        }
        List<UnitFacts> read = units.stream().filter(UnitFacts::storageRead).toList();
        Map<String, List<KeyFinding>> byUnit = new LinkedHashMap<>();
        StringBuilder storage = new StringBuilder();
        for (UnitFacts u : read) {
            List<KeyFinding> own = u.storage().stream().map(i -> new KeyFinding(i.kind(), i.where(), i.fingerprint(), "")).toList();
            byUnit.put(u.serial(), own);
            storage.append(u.serial()).append(": ").append(own.size()).append(" private keys or password hashes\n");
            u.storage().forEach(i -> storage.append("  ").append(i.describe()).append('\n'));
        }
        world.evidence("raw storage per unit", storage.toString());
        for (SharedKeys.Shared s : SharedKeys.across(byUnit)) {
            if (!world.run().dut().securityParameters().isPublic(s.fingerprint())) {
                findings.add(s.kind() + " " + s.fingerprint() + " is in the raw storage of units " + String.join(", ", s.units()));
            }
        }
        world.evidence("findings", (findings.isEmpty() ? "none" : String.join("\n", findings))
                + (notPublic.isEmpty() ? "" : "\n" + String.join("\n", notPublic)));
        NonConformity.require(findings.isEmpty(), "hard-coded critical security parameters: " + String.join("; ", findings));
        if (read.size() < 2) {
            List<String> why = units.stream().filter(u -> !u.storageRead()).map(u -> u.serial() + ": " + u.storageGap()).toList();
            throw new RigFault("nothing hard-coded in " + (world.run().software().isEmpty() ? "what could be searched" : "the software image")
                    + ", but the raw storage of " + read.size() + " unit(s) was read and the comparison needs two"
                    + (why.isEmpty() ? ": test another unit (--rig ... --rig ..., or --compare-with an earlier run's bundle)" : " (" + String.join("; ", why) + ")"));
        }
    }

    /** Every finding in the software image's files (archives member by member), with the units' label passwords looked for too. */
    private List<KeyFinding> software() {
        List<LiteralSecret> secrets = new ArrayList<>();
        for (UnitFacts u : units) {
            if (u.passwordSource().equals("label") && u.password().length() >= LiteralSecret.MIN_LENGTH) {
                secrets.add(new LiteralSecret("label password of unit " + u.serial(), u.password()));
            }
        }
        KeyMaterialScanner scanner = new KeyMaterialScanner(secrets);
        List<KeyFinding> found = new ArrayList<>();
        for (Path file : world.run().software()) {
            world.progress("searching " + file.getFileName() + " for private keys, password hashes and the units' passwords");
            try (InputStream in = Files.newInputStream(file)) {
                String name = file.getFileName().toString();
                found.addAll(name.contains(".cpio") ? scanner.scanArchive(in, name) : scanner.scan(in, name));
            } catch (IOException e) {
                throw new RigFault("cannot search the software image " + file + ": " + e.getMessage(), e);
            }
        }
        return found;
    }
}

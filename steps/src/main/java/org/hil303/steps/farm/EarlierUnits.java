package org.hil303.steps.farm;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.hil303.fixtures.dut.DutFile;
import org.hil303.fixtures.units.UnitFacts;
import org.hil303.steps.evidence.BundleVerifier;
import org.hil303.steps.evidence.EvidenceBundle;

/**
 * The units of earlier runs (--compare-with): a lab with one rig tests its second sample later and
 * compares it with the first through the first run's evidence bundle, which must be intact and of
 * the same model.
 */
public final class EarlierUnits {
    private EarlierUnits() {}

    public static List<UnitFacts> from(List<Path> bundles, DutFile dut) throws IOException {
        List<UnitFacts> out = new ArrayList<>();
        for (Path bundle : bundles) {
            if (!Files.isRegularFile(bundle)) {
                throw new IOException("--compare-with " + bundle + ": no such file");
            }
            BundleVerifier.Result r = BundleVerifier.verify(bundle, Optional.empty());
            if (r.status() == BundleVerifier.Status.TAMPERED) {
                throw new IOException("--compare-with " + bundle + ": the bundle was changed after it was made: " + String.join("; ", r.problems()));
            }
            Properties props = new Properties();
            byte[] p = r.files().get(EvidenceBundle.PROPERTIES);
            if (p != null) {
                props.load(new StringReader(new String(p, StandardCharsets.UTF_8)));
            }
            String model = props.getProperty("dut.model", "");
            if (!model.equals(dut.model())) {
                throw new IOException("--compare-with " + bundle + ": its units are of model '" + model + "', this run's DUT file says '"
                        + dut.model() + "': units are compared within one model");
            }
            int found = 0;
            for (Map.Entry<String, byte[]> e : r.files().entrySet()) {
                String name = e.getKey();
                if (name.startsWith(EvidenceBundle.RUN) && (name.equals(EvidenceBundle.RUN + UnitFacts.FILE) || name.endsWith("/" + UnitFacts.FILE))) {
                    out.add(UnitFacts.parse(new StringReader(new String(e.getValue(), StandardCharsets.UTF_8)), bundle + "!" + name));
                    found++;
                }
            }
            if (found == 0) {
                throw new IOException("--compare-with " + bundle + ": the bundle holds no unit's facts (" + UnitFacts.FILE
                        + "): its run selected no cross-unit test case (5.1-2, 5.4-3, 5.4-4)");
            }
        }
        return out;
    }
}

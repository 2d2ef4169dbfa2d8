package org.hil303.steps.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The EN 303 645 provision catalogue, kept as data (provisions.tsv) so numberings and schemes can be mapped without code. */
public final class Provisions {
    /**
     * One provision of V2.1.1.
     *
     * @param status    M, R, with C(n) or C when conditional (Annex B)
     * @param condition when a conditional provision applies, in words; empty when unconditional
     * @param v3Ids     the same provision in V3.1.3, several where V3 splits it
     */
    public record Provision(String id, String status, String section, String title, String condition, List<String> v3Ids) {
        /** TS 103 701's conceptual test case: the assessor's review of the IXIT and design. */
        public String conceptualTestCase() {
            return id + "-1";
        }

        public boolean conditional() {
            return status.contains("C");
        }
    }

    private static final Map<String, Provision> CATALOGUE = load();

    private Provisions() {}

    public static Optional<Provision> find(String id) {
        return Optional.ofNullable(CATALOGUE.get(id));
    }

    /** Every provision, in the standard's order. */
    public static Collection<Provision> all() {
        return Collections.unmodifiableCollection(CATALOGUE.values());
    }

    private static Map<String, Provision> load() {
        Map<String, Provision> out = new LinkedHashMap<>();
        Map<String, String> sections = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                Provisions.class.getResourceAsStream("/provisions.tsv"), StandardCharsets.UTF_8))) {
            int n = 0;
            for (String line; (line = r.readLine()) != null; ) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f[0].equals("section") && f.length == 3) {
                    sections.put(f[1], f[1] + " " + f[2]);
                } else if (f[0].equals("provision") && f.length == 6) {
                    String section = f[1].contains("-") ? f[1].substring(0, f[1].indexOf('-')) : f[1];
                    out.put(f[1], new Provision(f[1], f[2], sections.getOrDefault(section, section), f[5],
                            f[3].equals("-") ? "" : f[3], List.of(f[4].split(","))));
                } else {
                    throw new IllegalStateException("provisions.tsv:" + n + ": expected a section (3 columns) or provision (6 columns) row");
                }
            }
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the provision catalogue provisions.tsv is missing from the harness", e);
        }
        return out;
    }
}

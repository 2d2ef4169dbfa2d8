package org.hil303.steps.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The EN 303 645 provision catalogue, kept as data (provisions.tsv) so numberings and schemes can be mapped without code. */
public final class Provisions {
    public record Provision(String id, String status, String section, String title) {}

    private static final Map<String, Provision> CATALOGUE = load();

    private Provisions() {}

    public static Optional<Provision> find(String id) {
        return Optional.ofNullable(CATALOGUE.get(id));
    }

    private static Map<String, Provision> load() {
        Map<String, Provision> out = new LinkedHashMap<>();
        Map<String, String> sections = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                Provisions.class.getResourceAsStream("/provisions.tsv"), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f[0].equals("section")) {
                    sections.put(f[1], f[1] + " " + f[2]);
                } else {
                    String section = f[1].contains("-") ? f[1].substring(0, f[1].indexOf('-')) : f[1];
                    out.put(f[1], new Provision(f[1], f[2], sections.getOrDefault(section, section), f[3]));
                }
            }
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the provision catalogue provisions.tsv is missing from the harness", e);
        }
        return out;
    }
}

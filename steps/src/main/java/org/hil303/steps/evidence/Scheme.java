package org.hil303.steps.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hil303.rigs.config.ConfigNode;
import org.hil303.rigs.config.YamlFile;
import org.hil303.steps.run.Provisions;

/**
 * Another scheme's requirements beside the EN 303 645 provisions and test cases that give evidence for
 * them, kept as data (schemes/*.yaml, each citing its sources in its header).
 *
 * @param informative true: the view lists the evidence and computes no verdict (it would not be the scheme's own)
 */
public record Scheme(String name, String title, boolean informative, String source, List<Requirement> requirements) {

    /** The built-in views, in the order the summaries show them. */
    public static final List<String> BUILT_IN = List.of("schemes/uk-psti.yaml", "schemes/en-18031-1.yaml");

    /**
     * @param provisions EN 303 645 V2.1.1 provisions whose verdicts count for it
     * @param testCases  TS 103 701 test cases whose verdicts count for it
     * @param seen       the scheme's own requirement ids as public sources name them, unverified
     * @param part       which part of a multi-part standard the requirement is from; 0 when the scheme has one
     */
    public record Requirement(String id, String title, List<String> provisions, List<String> testCases, String note, List<String> seen,
            int part) {}

    /** Read once: a run rewrites its summaries after every test case. */
    private static final class BuiltIn {
        static final List<Scheme> ALL = load();
    }

    public static List<Scheme> builtIn() {
        return BuiltIn.ALL;
    }

    private static List<Scheme> load() {
        List<Scheme> out = new ArrayList<>();
        for (String name : BUILT_IN) {
            try (InputStream in = Scheme.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("the built-in " + name + " is missing from the harness");
                }
                out.add(parse(Path.of(name), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the built-in " + name + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(out);
    }

    /** Errors name file:line: field. */
    static Scheme parse(Path name, String text) {
        ConfigNode root = YamlFile.parse(name, text);
        String scheme = root.string("scheme");
        String title = root.string("title");
        boolean informative = root.bool("informative", false);
        String source = root.string("source");
        List<Requirement> requirements = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ConfigNode r : root.get("requirements").asList()) {
            String id = r.string("id");
            if (!ids.add(id)) {
                throw r.get("id").error(id + " appears twice");
            }
            List<String> provisions = new ArrayList<>();
            for (ConfigNode p : r.list("provisions")) {
                if (Provisions.find(p.asString()).isEmpty()) {
                    throw p.error("provision " + p.asString() + " is not in EN 303 645 V2.1.1");
                }
                provisions.add(p.asString());
            }
            List<String> testCases = new ArrayList<>();
            for (ConfigNode t : r.list("test-cases")) {
                TestCaseId.problem(t.asString()).ifPresent(problem -> {
                    throw t.error(problem);
                });
                testCases.add(t.asString());
            }
            if (provisions.isEmpty() && testCases.isEmpty()) {
                throw r.error("name the provisions or test cases that give evidence for " + id);
            }
            int part = r.integer("part", 0);
            List<String> seen = r.list("seen").stream().map(ConfigNode::asString).toList();
            requirements.add(new Requirement(id, r.string("title"), List.copyOf(provisions), List.copyOf(testCases), r.string("note", ""),
                    seen, part));
        }
        if (requirements.isEmpty()) {
            throw root.get("requirements").error("a scheme view needs at least one requirement");
        }
        root.finish();
        return new Scheme(scheme, title, informative, source, List.copyOf(requirements));
    }
}

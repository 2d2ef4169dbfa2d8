package org.hil303.steps.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hil303.rigs.config.ConfigNode;
import org.hil303.rigs.config.YamlFile;
import org.hil303.steps.run.Provisions;
import org.hil303.steps.run.Provisions.Provision;

/**
 * What each provision's conceptual test case asks the assessor, and where in the IXIT the answer is
 * (conceptual-questions.yaml: a paraphrase of TS 103 701, see its header). Every catalogue provision
 * must have an entry, so {@code hil303 assess} never writes one without its questions.
 */
public final class ConceptualQuestions {
    public static final String BUILT_IN = "conceptual-questions.yaml";

    /**
     * @param dutFile     dotted paths of the hil303 DUT file's fields that answer the questions
     * @param ixitTables  TS 103 701 IXIT tables that hold the answer
     */
    public record Entry(String provision, List<String> questions, List<String> dutFile, List<String> ixitTables) {}

    private final String source;
    private final Map<String, Entry> entries;

    private ConceptualQuestions(String source, Map<String, Entry> entries) {
        this.source = source;
        this.entries = entries;
    }

    public static ConceptualQuestions builtIn() {
        try (InputStream in = ConceptualQuestions.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("the built-in " + BUILT_IN + " is missing from the harness");
            }
            return parse(Path.of(BUILT_IN), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in " + BUILT_IN + ": " + e.getMessage(), e);
        }
    }

    /** Errors name file:line: field. */
    static ConceptualQuestions parse(Path name, String text) {
        ConfigNode root = YamlFile.parse(name, text);
        String source = root.string("source");
        Set<String> tables = new LinkedHashSet<>(root.get("ixit-tables").asStrings());
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigNode> e : root.namedChildren("provisions").entrySet()) {
            String id = e.getKey();
            ConfigNode n = e.getValue();
            if (Provisions.find(id).isEmpty()) {
                throw n.error("provision " + id + " is not in EN 303 645 V2.1.1");
            }
            List<ConfigNode> questionNodes = n.get("questions").asList();
            if (questionNodes.isEmpty() || questionNodes.size() > 4) {
                throw n.get("questions").error("give 1 to 4 questions, found " + questionNodes.size());
            }
            List<String> questions = questionNodes.stream().map(q -> {
                String s = q.asString().strip();
                if (s.isEmpty() || s.contains("\n")) {
                    throw q.error("a question is one line of text");
                }
                return s;
            }).toList();
            List<String> dutFile = n.get("dut-file").asList().stream().map(f -> {
                String s = f.asString();
                if (!s.matches("ixit(\\.[a-z][a-z0-9-]*)+")) {
                    throw f.error("expected a DUT file field such as ixit.auth-mechanisms, found '" + s + "'");
                }
                return s;
            }).toList();
            List<String> ixitTables = n.get("ixit-tables").asList().stream().map(t -> {
                if (!tables.contains(t.asString())) {
                    throw t.error("'" + t.asString() + "' is not one of the ixit-tables listed at the top");
                }
                return t.asString();
            }).toList();
            entries.put(id, new Entry(id, questions, dutFile, ixitTables));
        }
        root.finish();
        for (Provision p : Provisions.all()) {
            if (!entries.containsKey(p.id())) {
                // located at the section, read again once nothing else is left to check
                throw root.get("provisions").error("provision " + p.id() + " has no questions; every provision of the catalogue needs them");
            }
        }
        return new ConceptualQuestions(source, Map.copyOf(entries));
    }

    public Optional<Entry> forProvision(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    /** Where the questions come from, as the data file says. */
    public String source() {
        return source;
    }
}

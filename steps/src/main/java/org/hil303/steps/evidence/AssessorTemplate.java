package org.hil303.steps.evidence;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hil303.fixtures.dut.IcsEntry;
import org.hil303.fixtures.dut.Support;
import org.hil303.rigs.config.ConfigException;
import org.hil303.steps.run.Provisions;
import org.hil303.steps.run.Provisions.Provision;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Adds to a DUT's assessor statements file an entry to fill for every conceptual test case that has none:
 * the provision in short, the questions of its test units and the IXIT fields that answer them as comments,
 * and empty fields for the assessor. It only ever appends: what the file holds stays as it was, byte for byte.
 */
public final class AssessorTemplate {
    /** What {@link #extend} did; {@code written} is false when there was nothing to add. */
    public record Added(Path file, List<String> testCases, int alreadyThere, int notApplicable, boolean created, boolean written) {}

    private static final String HEADER = """
            # Assessor statements: the verdicts of the TS 103 701 test cases a rig cannot decide (the conceptual
            # test cases, <provision>-1: a review of the IXIT and the design). hil303 validates this file before a
            # run and folds each statement into the conformance summary and the evidence bundle.
            # An entry counts once its verdict, reasoning, assessor and date are filled; until then it is open.
            # verdict: PASS | FAIL | NOT_APPLICABLE; date: the day of the decision; attachments (optional): files
            # named relative to this one, e.g. attachments: [assessor/label-photo.jpg]
            """;

    private AssessorTemplate() {}

    /**
     * @param ics the DUT's ICS: a provision it marks N/A gets no entry (the summary shows it NOT_APPLICABLE with
     *            its justification)
     */
    public static Added extend(Path file, Map<String, IcsEntry> ics) throws IOException {
        boolean exists = Files.exists(file);
        String existing = exists ? Files.readString(file, StandardCharsets.UTF_8) : "";
        // a file of comments only (or nothing) has no statements yet: extended like a new one, its comments kept
        boolean hasYaml = exists && !noYaml(existing);
        Set<String> present = hasYaml ? AssessorStatements.testCasesIn(file) : Set.of();
        Map<String, AssessorStatement> before = hasYaml ? AssessorStatements.read(file) : Map.of();
        ConceptualQuestions questions = ConceptualQuestions.builtIn();
        List<String> added = new ArrayList<>();
        int notApplicable = 0;
        int alreadyThere = 0;
        String indent = hasYaml ? itemIndent(file, existing) : "  ";
        StringBuilder entries = new StringBuilder();
        for (Provision p : Provisions.all()) {
            String testCase = p.conceptualTestCase();
            Optional<IcsEntry> entry = Optional.ofNullable(ics.get(p.id()));
            if (present.contains(testCase)) {
                alreadyThere++;
            } else if (entry.map(e -> e.support() == Support.N_A).orElse(false)) {
                notApplicable++;
            } else {
                entries.append(entry(p, questions.forProvision(p.id()).orElseThrow(), entry, indent));
                added.add(testCase);
            }
        }
        if (added.isEmpty()) {
            return new Added(file, List.of(), alreadyThere, notApplicable, false, false);
        }
        StringBuilder text = new StringBuilder(existing.isBlank() ? HEADER : existing);
        if (text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
        if (!hasYaml || !hasStatementsKey(file, existing)) {
            text.append("statements:\n");
        }
        text.append(entries);
        write(file, text.toString(), before);
        return new Added(file, List.copyOf(added), alreadyThere, notApplicable, !exists, true);
    }

    /** One entry: comments for the assessor, then the fields they fill. */
    static String entry(Provision p, ConceptualQuestions.Entry q, Optional<IcsEntry> ics, String indent) {
        StringBuilder b = new StringBuilder("\n");
        String c = indent + "# ";
        b.append(c).append(p.conceptualTestCase()).append(", conceptual: ").append(p.title()).append('\n');
        b.append(c).append("  EN 303 645 ").append(p.id()).append(" (V3.1.3: ").append(String.join(", ", p.v3Ids())).append("), ")
                .append(status(p)).append("; ICS: ")
                .append(ics.map(e -> e.support().name().replace("N_A", "N/A") + (e.detail().isBlank() ? "" : ", " + Escape.plain(e.detail())))
                        .orElse(p.conditional() ? "no entry: ask the supplier whether it applies" : "no entry"))
                .append('\n');
        char unit = 'a';
        for (String question : q.questions()) {
            b.append(c).append("  ").append(unit++).append(") ").append(question).append('\n');
        }
        List<String> where = new ArrayList<>(q.dutFile());
        q.ixitTables().forEach(t -> where.add("IXIT " + t));
        if (!where.isEmpty()) {
            b.append(c).append("  answered by: ").append(String.join(", ", where)).append('\n');
        }
        b.append(c).append("  (questions paraphrased after TS 103 701 V1.1.1; check the wording against the published text)\n");
        b.append(indent).append("- test-case: ").append(p.conceptualTestCase()).append('\n');
        String field = indent + "  ";
        b.append(field).append("verdict:          # PASS | FAIL | NOT_APPLICABLE\n");
        b.append(field).append("reasoning:        # what you read, and why it meets the provision or not\n");
        b.append(field).append("assessor:         # your name and lab\n");
        b.append(field).append("date:             # the day you decided, e.g. 2026-12-08\n");
        return b.toString();
    }

    private static String status(Provision p) {
        String s = switch (p.status().charAt(0)) {
            case 'M' -> "mandatory";
            case 'R' -> "recommended";
            default -> p.status();
        };
        return p.conditional() ? s + ", conditional (" + p.status() + "): applies when " + p.condition() : s + " (" + p.status() + ")";
    }

    /** Writes beside the file and moves it over, once the new text reads back with every statement the old one had. */
    private static void write(Path file, String text, Map<String, AssessorStatement> before) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        // a plain file beside it (not a temporary file, which would be owner-only): the result keeps the usual mode
        Path draft = folder.resolve("." + file.getFileName() + ".draft");
        try {
            Files.writeString(draft, text, StandardCharsets.UTF_8);
            if (Files.exists(file)) {
                try {
                    Files.setPosixFilePermissions(draft, Files.getPosixFilePermissions(file));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the draft's mode is the system's default
                }
            }
            Map<String, AssessorStatement> after = AssessorStatements.read(draft);
            if (!after.equals(before)) {
                throw new IllegalStateException("adding entries would change the statements of " + file + "; nothing was written");
            }
            Files.move(draft, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(draft);
        }
    }

    /** Only comments or blank lines; text that is not YAML at all is left to the reader, which names the line. */
    private static boolean noYaml(String text) {
        try {
            return compose(text) == null;
        } catch (YAMLException e) {
            return false;
        }
    }

    private static Node compose(String text) {
        return new Yaml(new LoaderOptions()).compose(new StringReader(text));
    }

    private static Optional<Node> statementsNode(Path file, String text) {
        Node root = compose(text);
        if (root instanceof MappingNode m) {
            if (m.getFlowStyle() == FlowStyle.FLOW) {
                throw new ConfigException(file, root.getStartMark().getLine() + 1, "",
                        "hil303 assess appends to a file written in block style (one field per line); rewrite it so first");
            }
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("statements")) {
                    return Optional.of(t.getValueNode());
                }
            }
        }
        return Optional.empty();
    }

    private static boolean hasStatementsKey(Path file, String text) {
        return statementsNode(file, text).isPresent();
    }

    /**
     * How far the file indents its list items: new entries are appended at the end of the list (statements is
     * the file's only field), so they must line up with the ones before them.
     */
    private static String itemIndent(Path file, String text) {
        Optional<Node> statements = statementsNode(file, text);
        if (statements.isPresent() && statements.get() instanceof SequenceNode seq) {
            if (seq.getFlowStyle() == FlowStyle.FLOW) {
                throw new ConfigException(file, seq.getStartMark().getLine() + 1, "statements",
                        "hil303 assess appends to a list written one '- test-case:' per entry, not in [brackets]; rewrite it so first");
            }
            if (!seq.getValue().isEmpty()) {
                String line = text.lines().skip(seq.getValue().get(0).getStartMark().getLine()).findFirst().orElse("");
                int dash = line.indexOf('-');
                if (dash >= 0 && line.substring(0, dash).isBlank()) {
                    return line.substring(0, dash);
                }
            }
        }
        return "  ";
    }
}

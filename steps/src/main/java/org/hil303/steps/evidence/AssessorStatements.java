package org.hil303.steps.evidence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hil303.rigs.config.ConfigNode;
import org.hil303.rigs.config.YamlFile;
import org.hil303.steps.report.Verdict;

/**
 * The assessor statements file that sits beside a DUT file ({@code refdev-compliant.assessor.yaml} beside
 * {@code refdev-compliant.yaml}). Validated completely on load; every error names file, line and field.
 * An entry whose verdict, reasoning, assessor and date are all empty is one {@code hil303 assess} pre-filled
 * and nobody has filled yet: it is no statement, and reads as absent.
 */
public final class AssessorStatements {
    /** What a statement needs; an entry with none of them is unfilled. */
    private static final List<String> FILLED_BY_THE_ASSESSOR = List.of("verdict", "reasoning", "assessor", "date");

    /** The file as read: its statements, and every test case it has an entry for, filled or not. */
    record Parsed(Map<String, AssessorStatement> statements, Set<String> entries) {}

    private AssessorStatements() {}

    public static Path besideDut(Path dutFile) {
        String name = dutFile.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return dutFile.resolveSibling(name + ".assessor.yaml");
    }

    /** The statements recorded for this DUT file, by test case; none when there is no statements file. */
    public static Map<String, AssessorStatement> forDut(Path dutFile) {
        Path file = besideDut(dutFile);
        return Files.exists(file) ? read(file) : Map.of();
    }

    /** The filled statements, by test case. */
    public static Map<String, AssessorStatement> read(Path file) {
        return parse(file).statements();
    }

    /** Every test case the file has an entry for, filled or still to fill; validated as {@link #read} does. */
    public static Set<String> testCasesIn(Path file) {
        return parse(file).entries();
    }

    static Parsed parse(Path file) {
        ConfigNode root = YamlFile.read(file);
        Map<String, AssessorStatement> out = new LinkedHashMap<>();
        Set<String> entries = new LinkedHashSet<>();
        for (ConfigNode s : root.list("statements")) {
            String testCase = s.string("test-case");
            TestCaseId.problem(testCase).ifPresent(problem -> {
                throw s.get("test-case").error(problem);
            });
            if (!entries.add(testCase)) {
                throw s.get("test-case").error(testCase + " has an entry already; keep one per test case");
            }
            if (unfilled(s)) {
                continue;
            }
            out.put(testCase, statement(file, s, testCase));
        }
        root.finish();
        return new Parsed(out, entries);
    }

    /** Nothing the assessor writes is there yet, attachments included: a pre-filled entry waiting. */
    private static boolean unfilled(ConfigNode s) {
        for (String key : FILLED_BY_THE_ASSESSOR) {
            if (s.optString(key).filter(v -> !v.isBlank()).isPresent()) {
                return false;
            }
        }
        return s.list("attachments").isEmpty();
    }

    private static AssessorStatement statement(Path file, ConfigNode s, String testCase) {
        ConfigNode verdictNode = s.get("verdict");
        Verdict verdict;
        try {
            verdict = Verdict.valueOf(verdictNode.asString().replace("N/A", "NOT_APPLICABLE"));
        } catch (IllegalArgumentException e) {
            throw verdictNode.error("expected PASS, FAIL or NOT_APPLICABLE, not '" + verdictNode.asString() + "'");
        }
        if (verdict == Verdict.INCONCLUSIVE) {
            throw verdictNode.error("an assessor records PASS, FAIL or NOT_APPLICABLE; leave the test case out, or its entry empty, while it is open");
        }
        String reasoning = nonBlank(s, "reasoning");
        String assessor = nonBlank(s, "assessor");
        ConfigNode dateNode = s.get("date");
        LocalDate date;
        try {
            date = LocalDate.parse(dateNode.asString());
        } catch (DateTimeParseException e) {
            throw dateNode.error("expected a date such as 2026-11-20, not '" + dateNode.asString() + "'");
        }
        if (date.isAfter(LocalDate.now().plusDays(1))) {
            throw dateNode.error(date + " is in the future");
        }
        List<Path> attachments = new ArrayList<>();
        for (ConfigNode a : s.list("attachments")) {
            Path p = Path.of(a.asString());
            Path resolved = file.toAbsolutePath().getParent().resolve(p).normalize();
            if (p.isAbsolute() || !resolved.startsWith(file.toAbsolutePath().getParent())) {
                throw a.error("attachments are named relative to the statements file, inside its folder");
            }
            if (!Files.isRegularFile(resolved)) {
                throw a.error("attachment " + p + " does not exist");
            }
            attachments.add(resolved);
        }
        return new AssessorStatement(testCase, verdict, reasoning, assessor, date, List.copyOf(attachments));
    }

    private static String nonBlank(ConfigNode s, String key) {
        String v = s.string(key);
        if (v.isBlank()) {
            throw s.get(key).error("must not be empty");
        }
        return v;
    }
}

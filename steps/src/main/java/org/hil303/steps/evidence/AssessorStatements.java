package org.hil303.steps.evidence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hil303.rigs.config.ConfigNode;
import org.hil303.rigs.config.YamlFile;
import org.hil303.steps.report.Verdict;
import org.hil303.steps.run.Provisions;

/**
 * The assessor statements file that sits beside a DUT file ({@code refdev-compliant.assessor.yaml} beside
 * {@code refdev-compliant.yaml}). Validated completely on load; every error names file, line and field.
 */
public final class AssessorStatements {
    private static final Pattern TEST_CASE = Pattern.compile("((?:4|5\\.\\d{1,2}|6)-\\d{1,2})-(\\d{1,2}[a-z]?)");

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

    public static Map<String, AssessorStatement> read(Path file) {
        ConfigNode root = YamlFile.read(file);
        Map<String, AssessorStatement> out = new LinkedHashMap<>();
        for (ConfigNode s : root.list("statements")) {
            String testCase = s.string("test-case");
            var m = TEST_CASE.matcher(testCase);
            if (!m.matches()) {
                throw s.get("test-case").error("'" + testCase + "' is not a TS 103 701 test case such as 5.3-16-1");
            }
            if (Provisions.find(m.group(1)).isEmpty()) {
                throw s.get("test-case").error("provision " + m.group(1) + " is not in EN 303 645 V2.1.1");
            }
            ConfigNode verdictNode = s.get("verdict");
            Verdict verdict;
            try {
                verdict = Verdict.valueOf(verdictNode.asString().replace("N/A", "NOT_APPLICABLE"));
            } catch (IllegalArgumentException e) {
                throw verdictNode.error("expected PASS, FAIL or NOT_APPLICABLE, not '" + verdictNode.asString() + "'");
            }
            if (verdict == Verdict.INCONCLUSIVE) {
                throw verdictNode.error("an assessor records PASS, FAIL or NOT_APPLICABLE; leave the test case out while it is open");
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
            if (out.put(testCase, new AssessorStatement(testCase, verdict, reasoning, assessor, date, List.copyOf(attachments))) != null) {
                throw s.get("test-case").error(testCase + " has a statement already; keep one per test case");
            }
        }
        root.finish();
        return out;
    }

    private static String nonBlank(ConfigNode s, String key) {
        String v = s.string(key);
        if (v.isBlank()) {
            throw s.get(key).error("must not be empty");
        }
        return v;
    }
}

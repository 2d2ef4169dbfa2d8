package org.hil303.steps.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** What a run leaves behind: summary.json, Allure's environment and categories, and the generated HTML report. */
public final class RunReport {
    private RunReport() {}

    public static Map<Verdict, Integer> counts(List<TestCaseResult> results) {
        Map<Verdict, Integer> c = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            c.put(v, 0);
        }
        results.forEach(r -> c.merge(r.verdict(), 1, Integer::sum));
        return c;
    }

    public static void writeSummary(Path file, List<TestCaseResult> results, Map<String, String> environment) throws IOException {
        StringBuilder b = new StringBuilder("{\n  \"environment\": {");
        String sep = "\n";
        for (Map.Entry<String, String> e : environment.entrySet()) {
            b.append(sep).append("    ").append(json(e.getKey())).append(": ").append(json(e.getValue()));
            sep = ",\n";
        }
        b.append("\n  },\n  \"testCases\": [");
        sep = "\n";
        for (TestCaseResult r : results) {
            b.append(sep).append(String.format(Locale.ROOT,
                    "    {\"provision\": %s, \"testCase\": %s, \"name\": %s, \"verdict\": %s, \"durationMs\": %d, \"message\": %s}",
                    json(r.provision()), json(r.testCase()), json(r.name()), json(r.verdict().name()), r.duration().toMillis(), json(r.message())));
            sep = ",\n";
        }
        b.append("\n  ]\n}\n");
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    }

    public static void writeAllureMetadata(Path results, Map<String, String> environment) throws IOException {
        Files.createDirectories(results);
        Properties p = new Properties();
        p.putAll(environment);
        try (var w = Files.newBufferedWriter(results.resolve("environment.properties"), StandardCharsets.UTF_8)) {
            p.store(w, "hil303 run");
        }
        Files.writeString(results.resolve("categories.json"), """
                [
                  {"name": "FAIL: non-conformity of the DUT", "matchedStatuses": ["failed"]},
                  {"name": "INCONCLUSIVE: the rig or harness could not establish the fact", "matchedStatuses": ["broken"]},
                  {"name": "NOT APPLICABLE according to the ICS", "matchedStatuses": ["skipped"]}
                ]
                """, StandardCharsets.UTF_8);
    }

    /** Generates the HTML report offline; returns an error to show, or null. */
    public static String generateHtml(Path allureHome, Path results, Path report) {
        Path bin = allureHome.resolve("bin/allure");
        if (!Files.isExecutable(bin)) {
            return "the Allure command line is missing (" + bin + "): run ./mvnw package";
        }
        try {
            ProcessBuilder pb = new ProcessBuilder(bin.toString(), "generate", results.toString(), "-o", report.toString(), "--clean")
                    .redirectErrorStream(true).redirectOutput(results.resolveSibling("allure-generate.log").toFile());
            pb.environment().put("ALLURE_NO_ANALYTICS", "true");
            Process proc = pb.start();
            if (!proc.waitFor(120, TimeUnit.SECONDS)) {
                proc.destroyForcibly();
                return "generating the Allure report took longer than 120s";
            }
            return proc.exitValue() == 0 ? null : "allure generate failed; see " + results.resolveSibling("allure-generate.log");
        } catch (IOException e) {
            return "cannot run " + bin + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                        b.append(String.format("\\u%04x", (int) c)); // also keeps device text inert if pasted into HTML
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}

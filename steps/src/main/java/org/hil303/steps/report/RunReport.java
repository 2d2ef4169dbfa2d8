package org.hil303.steps.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** Allure's environment and categories for a run, the generated HTML report, and the verdict counts. */
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

    public static void writeAllureMetadata(Path results, Map<String, String> environment) throws IOException {
        Files.createDirectories(results);
        Properties p = new Properties();
        p.putAll(environment);
        try (var w = Files.newBufferedWriter(results.resolve("environment.properties"), StandardCharsets.UTF_8)) {
            p.store(w, "hil303 run");
        }
        // INCONCLUSIVE by who must act: the supplier (IXIT), the lab's bench (rig), the DUT that never came up, the harness
        Files.writeString(results.resolve("categories.json"), """
                [
                  {"name": "FAIL: non-conformity of the DUT", "matchedStatuses": ["failed"]},
                  {"name": "INCONCLUSIVE: the IXIT is incomplete (the supplier completes it)", "matchedStatuses": ["broken"],
                   "traceRegex": "(?s)[\\\\w.$]*\\\\bIxitIncomplete\\\\b.*"},
                  {"name": "INCONCLUSIVE: the DUT did not become ready (check the DUT and its boot settings)", "matchedStatuses": ["broken"],
                   "traceRegex": "(?s)[\\\\w.$]*\\\\bDutNotReady\\\\b.*"},
                  {"name": "INCONCLUSIVE: the rig broke or lacks something (the lab fixes its bench)", "matchedStatuses": ["broken"],
                   "traceRegex": "(?s)[\\\\w.$]*\\\\b(RigFault|RigBroke)\\\\b.*"},
                  {"name": "INCONCLUSIVE: the harness could not run it", "matchedStatuses": ["broken"]},
                  {"name": "NOT APPLICABLE according to the ICS", "matchedStatuses": ["skipped"]}
                ]
                """, StandardCharsets.UTF_8);
    }

    /**
     * An Allure result for a test case that produced none of its own (its rig's worker died first), so
     * the report shows it INCONCLUSIVE (broken) with the reason instead of leaving it out.
     */
    public static void writeNotRun(Path results, TestCaseResult r) {
        long now = System.currentTimeMillis();
        io.qameta.allure.model.TestResult t = new io.qameta.allure.model.TestResult()
                .setUuid(java.util.UUID.randomUUID().toString())
                .setName(r.name()).setFullName(r.testCase() + " " + r.name())
                .setStatus(io.qameta.allure.model.Status.BROKEN)
                .setStatusDetails(new io.qameta.allure.model.StatusDetails().setMessage(r.message()))
                .setStart(now).setStop(now)
                .setLabels(new java.util.ArrayList<>(List.of(
                        new io.qameta.allure.model.Label().setName("provision").setValue(r.provision()),
                        new io.qameta.allure.model.Label().setName("testCase").setValue(r.testCase()),
                        new io.qameta.allure.model.Label().setName("tag").setValue("provision=" + r.provision()),
                        new io.qameta.allure.model.Label().setName("tag").setValue("testcase=" + r.testCase()),
                        new io.qameta.allure.model.Label().setName("rig").setValue(r.rig()))));
        new io.qameta.allure.FileSystemResultsWriter(results).write(t);
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
}

package org.hil303.steps.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where each test case's evidence is in the generated Allure report, so the summaries can link straight to it. */
final class AllureLinks {
    private static final Logger LOG = LoggerFactory.getLogger(AllureLinks.class);
    private static final Pattern UID = Pattern.compile("\"uid\"\\s*:\\s*\"([0-9a-f]+)\"");
    private static final Pattern TEST_CASE = Pattern.compile("\"name\"\\s*:\\s*\"testCase\"\\s*,\\s*\"value\"\\s*:\\s*\"([0-9A-Za-z.-]+)\"");

    private AllureLinks() {}

    /** Test case id to a link relative to the run folder; empty when the report was not generated. */
    static Map<String, String> in(Path runDir) {
        Map<String, String> out = new LinkedHashMap<>();
        Path cases = runDir.resolve("allure-report/data/test-cases");
        if (!Files.isDirectory(cases)) {
            return out;
        }
        try (Stream<Path> files = Files.list(cases)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".json"))::iterator) {
                String text = Files.readString(f);
                Matcher uid = UID.matcher(text);
                Matcher tc = TEST_CASE.matcher(text);
                if (uid.find() && tc.find()) {
                    out.put(tc.group(1), "allure-report/index.html#testresult/" + uid.group(1));
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot read the Allure report's test cases in {}: {}", cases, e.toString());
        }
        return out;
    }
}

package org.hil303.steps.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the suite automates, read from its feature files: the provisions (one feature file each, named
 * after it: 5.6-4-debug-interfaces.feature) and their test cases (the {@code @testcase=} tags). The summary
 * needs both to tell a test case the run's --tags left out from one nobody has automated.
 */
public final class SuiteTestCases {
    private static final Pattern PROVISION_FILE = Pattern.compile("^((?:4|5\\.\\d{1,2}|6)-\\d{1,2})-.*\\.feature$");
    private static final Pattern TESTCASE_TAG = Pattern.compile("@testcase=(\\S+)");

    private SuiteTestCases() {}

    /** The provisions and test case ids together ({@code 5.3-2}, {@code 5.3-2-2}, {@code 5.3-2-2b}). */
    public static Set<String> in(Path features) throws IOException {
        Set<String> out = new TreeSet<>();
        try (var files = Files.list(features)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".feature")).sorted().toList()) {
                Matcher name = PROVISION_FILE.matcher(f.getFileName().toString());
                if (name.matches()) {
                    out.add(name.group(1));
                }
                Matcher tag = TESTCASE_TAG.matcher(Files.readString(f));
                while (tag.find()) {
                    out.add(tag.group(1));
                }
            }
        }
        return out;
    }

    /** Only the test case ids: the automated test cases the whole suite has. */
    public static Set<String> testCasesIn(Path features) throws IOException {
        Set<String> out = new TreeSet<>(in(features));
        out.removeIf(id -> !id.matches(".*-\\d{1,2}-\\d{1,2}[a-z]?"));
        return out;
    }
}

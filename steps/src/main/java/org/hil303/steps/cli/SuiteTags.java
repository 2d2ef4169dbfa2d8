package org.hil303.steps.cli;

import io.cucumber.tagexpressions.TagExpressionException;
import io.cucumber.tagexpressions.TagExpressionParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Checks a --tags expression against the tags the features really carry, so a typo is an error, not an empty run. */
final class SuiteTags {
    private static final Pattern TAG = Pattern.compile("@[^\\s()]+");

    private SuiteTags() {}

    /** Returns a problem to report, or null when the expression is fine. */
    static String check(String expression, Path features) {
        try {
            TagExpressionParser.parse(expression);
        } catch (TagExpressionException e) {
            return "--tags '" + expression + "' is not a valid tag expression: " + e.getMessage();
        }
        TreeSet<String> known = known(features);
        List<String> unknown = new ArrayList<>();
        Matcher m = TAG.matcher(expression);
        while (m.find()) {
            if (!known.contains(m.group())) {
                unknown.add(m.group());
            }
        }
        if (!unknown.isEmpty()) {
            return "unknown tag " + String.join(", ", unknown) + " in --tags; tags in the suite: " + String.join(" ", known);
        }
        return null;
    }

    static TreeSet<String> known(Path features) {
        TreeSet<String> tags = new TreeSet<>();
        try (Stream<Path> files = Files.walk(features)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".feature")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    String t = line.trim();
                    if (t.startsWith("@")) {
                        Matcher m = TAG.matcher(t);
                        while (m.find()) {
                            tags.add(m.group());
                        }
                    }
                }
            }
        } catch (IOException e) {
            // an unreadable features folder is reported when Cucumber reads it
        }
        return tags;
    }
}

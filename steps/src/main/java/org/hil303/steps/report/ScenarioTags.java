package org.hil303.steps.report;

import java.util.Collection;
import java.util.Optional;

/** Reads the provision and TS 103 701 test case a scenario belongs to from its tags. */
public final class ScenarioTags {
    private ScenarioTags() {}

    public static Optional<String> provision(Collection<String> tags) {
        return value(tags, "@provision=");
    }

    public static Optional<String> testCase(Collection<String> tags) {
        return value(tags, "@testcase=");
    }

    private static Optional<String> value(Collection<String> tags, String prefix) {
        return tags.stream().filter(t -> t.startsWith(prefix)).map(t -> t.substring(prefix.length())).findFirst();
    }
}

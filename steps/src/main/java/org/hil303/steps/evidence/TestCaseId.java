package org.hil303.steps.evidence;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hil303.steps.run.Provisions;

/**
 * A TS 103 701 test case id: its provision, then the case's number ({@code 5.3-16-1}, {@code 5.5-1-2c}).
 * Case 1 is the conceptual test case (the assessor's review of IXIT and design); 2 and on are functional.
 */
public final class TestCaseId {
    private static final Pattern ID = Pattern.compile("((?:4|5\\.\\d{1,2}|6)-\\d{1,2})-(\\d{1,2}[a-z]?)");

    private TestCaseId() {}

    /** The provision the id belongs to, when the id has the form of one; whether the provision exists is {@link #provisionInCatalogue}. */
    public static Optional<String> provision(String testCase) {
        Matcher m = ID.matcher(testCase == null ? "" : testCase);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The provision, when the id is well formed and its provision is one of EN 303 645 V2.1.1. */
    public static Optional<String> provisionInCatalogue(String testCase) {
        return provision(testCase).filter(p -> Provisions.find(p).isPresent());
    }

    /** Test case 1 of its group; anything else (2, 2b, 3...) is functional. */
    public static boolean conceptual(String testCase) {
        Matcher m = ID.matcher(testCase == null ? "" : testCase);
        return m.matches() && m.group(2).equals("1");
    }

    /**
     * Why the id cannot name a test case of the catalogue, for a located error; empty when it can.
     */
    public static Optional<String> problem(String testCase) {
        Optional<String> provision = provision(testCase);
        if (provision.isEmpty()) {
            return Optional.of("'" + testCase + "' is not a TS 103 701 test case such as 5.3-16-1");
        }
        if (Provisions.find(provision.get()).isEmpty()) {
            return Optional.of("provision " + provision.get() + " is not in EN 303 645 V2.1.1");
        }
        return Optional.empty();
    }
}

package org.hil303.steps.report;

/**
 * The DUT did not do what the provision requires: the only way a test case becomes FAIL. It is an
 * AssertionError so that Allure shows it as failed; every other exception is INCONCLUSIVE.
 */
public final class NonConformity extends AssertionError {
    public NonConformity(String finding) {
        super(finding);
    }

    /** Fails the test case with the finding unless the condition holds. */
    public static void require(boolean conforms, String finding) {
        if (!conforms) {
            throw new NonConformity(finding);
        }
    }
}

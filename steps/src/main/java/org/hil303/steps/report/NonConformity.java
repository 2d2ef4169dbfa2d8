package org.hil303.steps.report;

/**
 * The DUT did not do what the provision requires: the only way a test case becomes FAIL. It is an
 * AssertionError so that Allure shows it as failed; every other exception is INCONCLUSIVE. It is made
 * only through {@link #of}, which asks the {@link VerdictGate} first: a finding made while the rig
 * was broken becomes {@link RigBroke} instead, whatever step made it.
 */
public final class NonConformity extends AssertionError {
    private NonConformity(String finding) {
        super(finding);
    }

    /** The finding as a FAIL, or as INCONCLUSIVE if the rig broke during the scenario. */
    public static Error of(String finding) {
        return VerdictGate.rigBroke().<Error>map(faults -> new RigBroke(faults, finding)).orElseGet(() -> new NonConformity(finding));
    }

    /** Fails the test case with the finding unless the condition holds. */
    public static void require(boolean conforms, String finding) {
        if (!conforms) {
            throw of(finding);
        }
    }
}

package org.hil303.steps.report;

/**
 * A verdict withheld because the rig broke during the scenario: INCONCLUSIVE, naming what broke and,
 * where there was one, the finding the scenario would otherwise have reported. An Error but not an
 * AssertionError, so that Allure shows it as broken, not failed.
 */
public final class RigBroke extends Error {
    public RigBroke(String rigFaults, String finding) {
        super("the rig broke during the test, so the result proves nothing about the DUT: " + rigFaults
                + (finding.isEmpty() ? "" : " (the finding it would have given: " + finding + ")"));
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // an outcome, not a bug: its message says everything
    }
}

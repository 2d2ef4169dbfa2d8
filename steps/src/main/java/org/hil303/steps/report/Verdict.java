package org.hil303.steps.report;

/** The verdict of one test case. INCONCLUSIVE is the harness's own: the rig could not establish the fact. */
public enum Verdict {
    PASS, FAIL, NOT_APPLICABLE, INCONCLUSIVE;

    public String label() {
        return name();
    }
}

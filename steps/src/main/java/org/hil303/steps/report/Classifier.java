package org.hil303.steps.report;

import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import org.opentest4j.TestAbortedException;

/**
 * Maps what Cucumber saw to a verdict, strictly: FAIL only for a {@link NonConformity}; a skip only
 * for an ICS "not applicable"; anything else that did not pass (rig fault, incomplete IXIT, harness
 * bug, missing step) is INCONCLUSIVE, because it proves nothing about the device, and its message
 * says which of those it was.
 */
public final class Classifier {
    private Classifier() {}

    public static Verdict classify(Result result) {
        Status s = result.getStatus();
        Throwable error = result.getError();
        if (s == Status.PASSED) {
            return Verdict.PASS;
        }
        if (s == Status.FAILED && error instanceof NonConformity) {
            return Verdict.FAIL;
        }
        if (s == Status.SKIPPED && error instanceof TestAbortedException) {
            return Verdict.NOT_APPLICABLE;
        }
        return Verdict.INCONCLUSIVE;
    }

    public static String message(Result result) {
        Status s = result.getStatus();
        Throwable e = result.getError();
        if (s == Status.UNDEFINED) {
            return "not implemented: a step has no definition";
        }
        if (s == Status.PENDING) {
            return "not implemented: " + (e == null ? "pending" : e.getMessage());
        }
        if (e == null) {
            return s == Status.PASSED ? "" : s.name().toLowerCase();
        }
        if (e instanceof NonConformity || e instanceof TestAbortedException) {
            return e.getMessage();
        }
        // why a verdict could not be given, and so who must act: the lab on its DUT, its bench, or the supplier on its IXIT
        if (e instanceof org.hil303.rigs.boot.DutNotReady) {
            return "DUT not ready: " + e.getMessage();
        }
        if (e instanceof RigBroke || e instanceof org.hil303.rigs.base.RigFault) {
            return "rig: " + e.getMessage();
        }
        if (e instanceof org.hil303.fixtures.dut.IxitIncomplete) {
            return "IXIT incomplete: " + e.getMessage();
        }
        return "harness error: " + e;
    }
}

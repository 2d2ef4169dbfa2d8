package org.hil303.steps.evidence;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.hil303.fixtures.dut.IcsEntry;
import org.hil303.steps.evidence.ConformanceSummary.Case;
import org.hil303.steps.evidence.ConformanceSummary.Kind;
import org.hil303.steps.report.Verdict;
import org.hil303.steps.run.Provisions.Provision;

/**
 * One thing an open provision still lacks, and who must supply it: the lab's assessor (a conceptual
 * statement), the supplier (an IXIT field or ICS entry), the lab's rig, or the harness itself.
 *
 * @param testCase the test case it would decide, or the provision for an ICS entry
 */
public record Missing(String testCase, String what, Who who) {

    public enum Who {
        ASSESSOR, SUPPLIER, RIG, HARNESS;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final int LONGEST = 300;

    /** What an open provision's test cases lack, once per test case and party, in the order of its test cases. */
    static List<Missing> of(Provision provision, Optional<IcsEntry> ics, List<Case> cases) {
        List<Missing> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        if (provision.conditional() && ics.isEmpty()) {
            // the assessor cannot tell whether the provision applies without the supplier's answer
            add(out, seen, new Missing(provision.id(), "the ICS entry for " + provision.id() + ": does it apply ("
                    + (provision.condition().isEmpty() ? "conditional" : "applies when " + provision.condition()) + ")?", Who.SUPPLIER));
        }
        for (Case c : cases) {
            if (c.verdict() == Verdict.INCONCLUSIVE) {
                add(out, seen, forCase(c));
            }
        }
        return List.copyOf(out);
    }

    private static void add(List<Missing> out, Set<String> seen, Missing m) {
        if (seen.add(m.testCase() + "\u0000" + m.who())) {
            out.add(m);
        }
    }

    /** Who can turn this INCONCLUSIVE test case into a verdict; the message prefixes are the Classifier's. */
    static Missing forCase(Case c) {
        if (c.kind() == Kind.OPEN) {
            return TestCaseId.conceptual(c.testCase())
                    ? new Missing(c.testCase(), "the assessor's statement for " + c.testCase() + " (hil303 assess adds an entry to fill)", Who.ASSESSOR)
                    : new Missing(c.testCase(), "a run of its automated test cases (--tags left them out of this run)", Who.RIG);
        }
        String m = c.message() == null ? "" : c.message();
        Who who;
        if (m.startsWith("IXIT incomplete:")) {
            who = Who.SUPPLIER;
        } else if (m.startsWith("rig:") || m.startsWith("DUT not ready:")) {
            // a unit that never becomes ready is the lab's to look at on its bench first: its wiring and boot settings
            who = Who.RIG;
        } else {
            who = Who.HARNESS; // "harness error:", "not implemented:", or anything the classifier did not name
        }
        return new Missing(c.testCase(), m.length() > LONGEST ? m.substring(0, LONGEST) + "…" : m, who);
    }
}

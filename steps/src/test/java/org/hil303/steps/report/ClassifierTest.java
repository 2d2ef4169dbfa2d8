package org.hil303.steps.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import java.time.Duration;
import org.hil303.rigs.base.RigFault;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class ClassifierTest {
    private static Verdict of(Status s, Throwable t) {
        return Classifier.classify(new Result(s, Duration.ZERO, t));
    }

    @Test
    void only_a_non_conformity_is_a_fail() {
        assertThat(of(Status.FAILED, NonConformity.of("telnet accepts admin:admin"))).isEqualTo(Verdict.FAIL);
        assertThat(of(Status.FAILED, new AssertionError("a harness assertion"))).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(of(Status.FAILED, new RigFault("relay did not switch"))).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(of(Status.FAILED, new NullPointerException())).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void not_implemented_is_never_a_pass() {
        assertThat(of(Status.UNDEFINED, null)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(of(Status.PENDING, null)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(of(Status.AMBIGUOUS, null)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Classifier.message(new Result(Status.UNDEFINED, Duration.ZERO, null))).contains("not implemented");
    }

    @Test
    void a_skip_is_not_applicable_only_when_the_ics_says_so() {
        assertThat(of(Status.SKIPPED, new TestAbortedException("N/A: no passwords"))).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(of(Status.SKIPPED, null)).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void a_pass_is_a_pass() {
        assertThat(of(Status.PASSED, null)).isEqualTo(Verdict.PASS);
    }

    @Test
    void an_inconclusive_message_says_who_must_act() {
        assertThat(Classifier.message(new Result(Status.FAILED, Duration.ZERO, new RigFault("console port /dev/ttyUSB0 is gone"))))
                .isEqualTo("rig: console port /dev/ttyUSB0 is gone");
        assertThat(Classifier.message(new Result(Status.FAILED, Duration.ZERO, new org.hil303.fixtures.dut.IxitIncomplete("the IXIT declares no 'cloud'"))))
                .isEqualTo("IXIT incomplete: the IXIT declares no 'cloud'");
        assertThat(Classifier.message(new Result(Status.FAILED, Duration.ZERO, new org.hil303.rigs.boot.DutNotReady("no ready line"))))
                .isEqualTo("DUT not ready: no ready line");
        assertThat(Classifier.message(new Result(Status.FAILED, Duration.ZERO, new NullPointerException()))).startsWith("harness error: ");
    }
}

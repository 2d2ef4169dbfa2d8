package org.hil303.steps.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A finding made while the rig was broken is never a FAIL, whichever step made it. */
class VerdictGateTest {
    @AfterEach
    void healthyAgain() {
        VerdictGate.watch(since -> List.of());
    }

    @Test
    void a_finding_on_a_healthy_rig_is_a_fail() {
        VerdictGate.watch(since -> List.of());
        VerdictGate.scenarioStarted();
        Error e = NonConformity.of("telnet accepts admin:admin");
        assertThat(e).isInstanceOf(NonConformity.class);
        assertThat(Classifier.classify(new Result(Status.FAILED, Duration.ZERO, e))).isEqualTo(Verdict.FAIL);
    }

    @Test
    void a_finding_after_the_rig_broke_is_inconclusive_and_names_both() {
        VerdictGate.watch(since -> List.of("emulator: QEMU exited by itself with status 137"));
        VerdictGate.scenarioStarted();
        Error e = NonConformity.of("the local API did not answer while the uplink was down");
        assertThat(e).isInstanceOf(RigBroke.class).isNotInstanceOf(AssertionError.class);
        Result r = new Result(Status.FAILED, Duration.ZERO, e);
        assertThat(Classifier.classify(r)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Classifier.message(r)).startsWith("rig: the rig broke during the test").contains("QEMU exited by itself")
                .contains("the finding it would have given: the local API did not answer");
    }

    @Test
    void the_gate_asks_for_the_faults_since_the_scenario_began() {
        long[] asked = new long[1];
        VerdictGate.watch(since -> {
            asked[0] = since;
            return List.of();
        });
        long before = System.nanoTime();
        VerdictGate.scenarioStarted();
        assertThat(VerdictGate.rigBroke()).isEmpty();
        assertThat(asked[0]).isGreaterThanOrEqualTo(before);
    }
}

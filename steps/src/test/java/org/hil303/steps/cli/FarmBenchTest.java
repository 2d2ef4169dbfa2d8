package org.hil303.steps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FarmBenchTest {
    private static final Map<String, String> ONE = Map.of("5.1-1-2", "PASS", "5.6-4-2", "PASS", "5.1-2-2", "INCONCLUSIVE");
    private static final Map<String, String> MANY = Map.of("5.1-1-2", "PASS", "5.6-4-2", "PASS", "5.1-2-2", "PASS");

    @Test
    void the_speed_up_is_judged_on_three_rigs_with_the_one_rig_verdicts_and_the_cross_unit_ones_apart() {
        List<String> lines = FarmBench.lines(List.of(new FarmBench.Measured(1, Duration.ofMinutes(18), ONE, 3),
                new FarmBench.Measured(2, Duration.ofMinutes(10), MANY, 0), new FarmBench.Measured(3, Duration.ofMinutes(7), MANY, 0)));
        assertThat(lines.get(0)).contains("ratio 1.00").contains("same verdicts as on 1 rig").contains("across units: 5.1-2-2 INCONCLUSIVE");
        assertThat(lines.get(1)).contains("ratio 0.56").contains("same verdicts").doesNotContain("target");
        assertThat(lines.get(2)).contains("ratio 0.39").contains("target <= 0.45: MET");
    }

    @Test
    void a_verdict_that_differs_fails_the_target_whatever_the_time() {
        Map<String, String> differ = Map.of("5.1-1-2", "INCONCLUSIVE", "5.6-4-2", "PASS", "5.1-2-2", "PASS");
        List<String> lines = FarmBench.lines(List.of(new FarmBench.Measured(1, Duration.ofMinutes(18), ONE, 3),
                new FarmBench.Measured(2, Duration.ofMinutes(10), MANY, 0), new FarmBench.Measured(3, Duration.ofMinutes(7), differ, 3)));
        assertThat(lines.get(2)).contains("verdicts DIFFER from 1 rig: 5.1-1-2 PASS/INCONCLUSIVE").contains("NOT MET");
    }
}

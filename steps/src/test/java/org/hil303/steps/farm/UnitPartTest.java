package org.hil303.steps.farm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hil303.steps.report.TestCaseResult;
import org.hil303.steps.report.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnitPartTest {
    @TempDir
    Path dir;

    private static final String HOSTILE = "line\nwith: \"yaml\" {and} [flow] & *alias \u0000 <script>";

    @Test
    void a_part_comes_back_as_written_with_rig_and_unit_on_every_result() throws Exception {
        new UnitPart("virtual-2", "RD-000042", Map.of("rig", "virtual", "unit.serial", "RD-000042"),
                List.of(new TestCaseResult("5.6-4", "5.6-4-2", "uart", Verdict.FAIL, Duration.ofMillis(1234), HOSTILE)), true).write(dir);
        UnitPart back = UnitPart.read(dir);
        assertThat(back.finished()).isTrue();
        assertThat(back.environment()).containsEntry("unit.serial", "RD-000042");
        assertThat(back.results()).containsExactly(new TestCaseResult("5.6-4", "5.6-4-2", "uart", Verdict.FAIL, Duration.ofMillis(1234),
                HOSTILE, "virtual-2", "RD-000042"));
    }

    @Test
    void a_missing_or_garbled_part_is_an_error_that_names_the_file() throws Exception {
        assertThatThrownBy(() -> UnitPart.read(dir)).isInstanceOf(IOException.class).hasMessageContaining("no part.yaml");
        Files.writeString(dir.resolve(UnitPart.FILE), "results: [{verdict: MAYBE, durationMs: 1}]\n");
        assertThatThrownBy(() -> UnitPart.read(dir)).isInstanceOf(IOException.class).hasMessageContaining(dir.resolve(UnitPart.FILE).toString());
    }

    @Test
    void a_scenario_a_worker_did_not_finish_is_inconclusive_and_says_why() {
        Path home = Path.of(System.getProperty("user.dir")).resolve("..").normalize();
        org.hil303.rigs.RigFarm.Member rig = new org.hil303.rigs.RigFarm.Member("virtual-2",
                org.hil303.rigs.RigConfig.read(home.resolve("rigs/virtual.yaml")));
        Suite.Scenario done = new Suite.Scenario("5.1-1", "5.1-1-2", "sweep", List.of("@provision=5.1-1"));
        Suite.Scenario lost = new Suite.Scenario("5.9-3", "5.9-3-2", "storm", List.of("@provision=5.9-3"));
        FarmRun.Assignment a = new FarmRun.Assignment(rig, List.of("5.1-1", "5.9-3"), List.of(done, lost), Duration.ZERO, dir);
        List<TestCaseResult> finished = List.of(new TestCaseResult("5.1-1", "5.1-1-2", "sweep", Verdict.PASS, Duration.ZERO, "", "virtual-2", "RD-1"));
        assertThat(FarmRun.missing(a, finished, "its worker was killed")).containsExactly(
                new TestCaseResult("5.9-3", "5.9-3-2", "storm", Verdict.INCONCLUSIVE, Duration.ZERO, "its worker was killed", "virtual-2", ""));
    }
}

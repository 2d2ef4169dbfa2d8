package org.hil303.steps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.tagexpressions.Expression;
import io.cucumber.tagexpressions.TagExpressionParser;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunPhasesTest {
    private static final Path FEATURES = Path.of(System.getProperty("user.dir")).getParent().resolve("features");

    @Test
    void scenarios_that_install_a_newer_image_come_last_and_each_scenario_runs_once() {
        List<Expression> phases = RunPhases.of(null).stream().map(TagExpressionParser::parse).toList();
        List<String> refusesImages = List.of("@provision=5.3-9", "@testcase=5.3-9-2");
        List<String> installs = List.of("@provision=5.3-2", "@testcase=5.3-2-2", RunPhases.INSTALLS_UPDATE);
        assertThat(phases.get(0).evaluate(refusesImages)).isTrue();
        assertThat(phases.get(1).evaluate(refusesImages)).isFalse();
        assertThat(phases.get(0).evaluate(installs)).isFalse();
        assertThat(phases.get(1).evaluate(installs)).isTrue();
    }

    @Test
    void the_users_selection_holds_in_every_phase() {
        List<Expression> phases = RunPhases.of("@provision=5.3-9 or @provision=5.1-1").stream().map(TagExpressionParser::parse).toList();
        List<String> installs = List.of("@provision=5.3-2", "@testcase=5.3-2-2", RunPhases.INSTALLS_UPDATE);
        assertThat(phases).noneMatch(p -> p.evaluate(installs));
        assertThat(phases.get(0).evaluate(List.of("@provision=5.1-1", "@testcase=5.1-1-2"))).isTrue();
    }

    @Test
    void the_suite_marks_the_scenarios_that_install_an_update() {
        assertThat(SuiteTags.known(FEATURES)).contains(RunPhases.INSTALLS_UPDATE);
    }
}

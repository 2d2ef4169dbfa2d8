package org.hil303.steps.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trends need the previous report's history in the next run's results, separately per rig and DUT. */
class AllureHistoryTest {
    @Test
    void history_goes_from_one_report_to_the_next_runs_results(@TempDir Path reports) throws Exception {
        Path report = Files.createDirectories(reports.resolve("runs/1/allure-report/history"));
        Files.writeString(report.resolve("history.json"), "{\"run\": 1}");
        new AllureHistory(reports, "virtual", "refdev-compliant").keepFrom(reports.resolve("runs/1/allure-report"));

        Path results = Files.createDirectories(reports.resolve("runs/2/allure-results"));
        new AllureHistory(reports, "virtual", "refdev-compliant").restoreInto(results);
        assertThat(results.resolve("history/history.json")).hasContent("{\"run\": 1}");

        Path other = Files.createDirectories(reports.resolve("runs/3/allure-results"));
        new AllureHistory(reports, "virtual", "refdev-weak").restoreInto(other);
        assertThat(other.resolve("history")).doesNotExist();
    }
}

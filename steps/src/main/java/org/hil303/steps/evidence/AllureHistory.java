package org.hil303.steps.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Allure's trend history carried from run to run, one line per rig and DUT file
 * ({@code reports/history/<rig>-<dut>/}), so a nightly run shows how each test case went before.
 */
public final class AllureHistory {
    private static final Logger LOG = LoggerFactory.getLogger(AllureHistory.class);

    private final Path kept;

    public AllureHistory(Path reports, String rig, String dut) {
        this.kept = reports.resolve("history").resolve(rig + "-" + dut);
    }

    /** Before generating: the previous report's history goes into this run's results. */
    public void restoreInto(Path results) {
        if (Files.isDirectory(kept)) {
            copy(kept, results.resolve("history"));
        }
    }

    /** After generating: the new report's history (now including this run) is kept for the next one. */
    public void keepFrom(Path report) {
        Path history = report.resolve("history");
        if (Files.isDirectory(history)) {
            copy(history, kept);
        }
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.list(from)) {
            Files.createDirectories(to);
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // trends are a convenience: a run's own results and verdicts do not depend on them
            LOG.warn("cannot carry the Allure history from {} to {}: {}", from, to, e.toString());
        }
    }
}

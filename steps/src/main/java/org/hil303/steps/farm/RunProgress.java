package org.hil303.steps.farm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hil303.fixtures.dut.IcsEntry;
import org.hil303.steps.evidence.AssessorStatement;
import org.hil303.steps.evidence.ConformanceSummary;
import org.hil303.steps.evidence.SummaryFiles;
import org.hil303.steps.report.TestCaseResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run's summary while it is under way: written at the start and again whenever a test case finishes,
 * marked incomplete, from what the rigs' parts hold. A run stopped or killed before its end therefore
 * leaves a summary with every result finished so far, saying it is incomplete; the end of a complete
 * run writes the final one.
 */
public final class RunProgress {
    private static final Logger LOG = LoggerFactory.getLogger(RunProgress.class);
    public static final String COMPLETE = "run.complete";

    private final Path runDir;
    private final List<FarmRun.Assignment> plan;
    private final Set<String> automatable;
    private final Map<String, IcsEntry> ics;
    private final Map<String, AssessorStatement> statements;
    private final Map<String, String> environment;
    private volatile boolean finished;

    public RunProgress(Path runDir, List<FarmRun.Assignment> plan, Set<String> automatable, Map<String, IcsEntry> ics,
            Map<String, AssessorStatement> statements, Map<String, String> environment) {
        this.runDir = runDir;
        this.plan = List.copyOf(plan);
        this.automatable = automatable;
        this.ics = ics;
        this.statements = statements;
        this.environment = new LinkedHashMap<>(environment);
    }

    /** The summary as the parts stand, marked incomplete with why (empty: still running). */
    public synchronized void write(String why) {
        if (finished) {
            return;
        }
        List<TestCaseResult> results = new ArrayList<>();
        for (FarmRun.Assignment a : plan) {
            try {
                results.addAll(UnitPart.read(a.part()).results());
            } catch (IOException e) {
                // this rig has finished nothing yet
            }
        }
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put(COMPLETE, "false");
        env.put("run.incomplete", why.isEmpty() ? "the run had not ended when this summary was written: it is still under way, or it was killed" : why);
        try {
            SummaryFiles.write(runDir, results, ConformanceSummary.of(results, automatable, ics, statements, Map.of()), env);
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot write the run's interim summary in {}: {}", runDir, e.toString());
        }
    }

    /** The run reached its end: from here on the final summary is the one that counts. */
    public void finished() {
        finished = true;
    }
}

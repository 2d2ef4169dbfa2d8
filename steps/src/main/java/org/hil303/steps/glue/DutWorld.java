package org.hil303.steps.glue;

import io.qameta.allure.Allure;
import org.hil303.rigs.Rig;
import org.hil303.rigs.boot.BootStrategy;
import org.hil303.rigs.console.ReportText;
import org.hil303.steps.run.HarnessRun;

/**
 * What one scenario works with: the run's rig and DUT, and the evidence it records. Created per
 * scenario by picocontainer; the rig itself belongs to the run.
 */
public final class DutWorld {
    private static final int MAX_ATTACHMENT = 512 * 1024;

    private final HarnessRun run = HarnessRun.current();
    private String provision = "";
    private String testCase = "";
    private long transcriptStart = -1;

    void begin(String provision, String testCase) {
        this.provision = provision;
        this.testCase = testCase;
        run.openedRig().ifPresent(r -> transcriptStart = r.console().transcriptPosition());
    }

    public HarnessRun run() {
        return run;
    }

    public String provision() {
        return provision;
    }

    public String testCase() {
        return testCase;
    }

    public Rig rig() {
        Rig rig = run.rig();
        if (transcriptStart < 0) {
            transcriptStart = rig.console().transcriptPosition();
        }
        return rig;
    }

    public BootStrategy boot() {
        rig();
        return run.boot();
    }

    /** A line of progress under the running scenario, for work that takes minutes. */
    public void progress(String line) {
        org.hil303.steps.report.ProgressPlugin.note(line);
    }

    /** Records a piece of evidence with the result (text from the device is made safe first). */
    public void evidence(String name, String text) {
        Allure.addAttachment(name, "text/plain", ReportText.sanitize(text, MAX_ATTACHMENT), ".txt");
    }

    void attachConsoleSlice() {
        if (transcriptStart >= 0) {
            run.openedRig().ifPresent(r -> Allure.addAttachment("console " + r.console().describe(), "text/plain",
                    r.console().transcriptSince(transcriptStart, MAX_ATTACHMENT), ".log"));
        }
    }
}

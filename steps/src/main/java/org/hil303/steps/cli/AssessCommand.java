package org.hil303.steps.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hil303.fixtures.dut.DutFile;
import org.hil303.rigs.config.ConfigException;
import org.hil303.steps.evidence.AssessorStatements;
import org.hil303.steps.evidence.AssessorTemplate;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hil303 assess}: prepares the assessor's half of a DUT's assessment, an entry to fill per conceptual test case. */
@Command(name = "assess", mixinStandardHelpOptions = true,
        description = {"Adds to the DUT's assessor statements file an entry to fill for every conceptual test case (<provision>-1) that has none:",
                "the provision in short, the questions of its test units and the IXIT fields that answer them, as comments.",
                "Existing statements are never changed; an entry counts once its verdict, reasoning, assessor and date are filled.",
                "Exit status: 0 done (or nothing to add), 2 the DUT file or the statements file cannot be used as written."})
final class AssessCommand implements Callable<Integer> {
    @Option(names = "--dut", required = true, paramLabel = "FILE", description = "the DUT file (ICS and IXIT)")
    Path dut;

    @Option(names = "--out", paramLabel = "FILE", description = "the statements file to write or extend (default: <dut>.assessor.yaml beside the DUT file)")
    Path out;

    @Override
    public Integer call() {
        Path file = out != null ? out : AssessorStatements.besideDut(dut);
        AssessorTemplate.Added added;
        try {
            added = AssessorTemplate.extend(file, DutFile.read(dut).ics());
        } catch (ConfigException | IllegalStateException e) {
            // a located problem in one of the files, or the refusal to change a statement already there
            System.err.println("error: " + e.getMessage());
            return Main.USAGE;
        } catch (IOException e) {
            LoggerFactory.getLogger(AssessCommand.class).debug("reading or writing the statements file failed", e);
            System.err.println("error: cannot read or write " + file + ": " + e.getMessage());
            return Main.USAGE;
        }
        List<String> left = new ArrayList<>();
        if (added.alreadyThere() > 0) {
            left.add(added.alreadyThere() + " conceptual test cases had an entry already");
        }
        if (added.notApplicable() > 0) {
            left.add(added.notApplicable() + " provisions the ICS marks N/A were left out");
        }
        String why = left.isEmpty() ? "" : " (" + String.join(", ", left) + ")";
        if (!added.written()) {
            System.out.println("nothing to add to " + file + why);
        } else {
            System.out.println((added.created() ? "wrote " : "extended ") + file + ": added " + added.testCases().size() + " entries to fill" + why);
            System.out.println("an entry counts as a statement once its verdict, reasoning, assessor and date are filled");
        }
        return Main.OK;
    }
}

package org.hil303.steps.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hil303.fixtures.dut.DutFile;
import org.hil303.steps.report.TestCaseResult;

/** The end of a run: the conformance summaries and the evidence bundle, signed when the lab has a key. */
public final class RunEvidence {
    /** What the run was: enough for a regulator to rerun it from the bundle. */
    public record Run(String id, Path dir, List<Path> rigFiles, DutFile dut, Optional<String> tags, List<Path> images, Set<String> automatable) {}

    /** What was written, for the user's last lines; signer is the lab certificate's subject. */
    public record Written(ConformanceSummary summary, Path bundle, Optional<String> signer) {}

    private RunEvidence() {}

    public static Written finish(Run run, List<TestCaseResult> results, Map<String, AssessorStatement> statements,
            Map<String, String> environment, Path labKeys) throws IOException {
        for (AssessorStatement s : statements.values()) {
            // the statement as the summaries link it, readable without the YAML
            Files.createDirectories(run.dir().resolve("assessor"));
            Files.writeString(run.dir().resolve("assessor/" + s.testCase() + ".txt"), String.join("\n",
                    "test case: " + s.testCase(), "verdict: " + s.verdict(), "assessor: " + s.assessor(), "date: " + s.date(),
                    "reasoning: " + s.reasoning(), "attachments: " + s.attachments().stream().map(p -> p.getFileName().toString()).toList(), ""),
                    StandardCharsets.UTF_8);
        }
        ConformanceSummary summary = ConformanceSummary.of(results, run.automatable(), run.dut().ics(), statements, AllureLinks.in(run.dir()));
        SummaryFiles.write(run.dir(), results, summary, environment);

        EvidenceBundle bundle = new EvidenceBundle().addRun(run.dir());
        // one entry per distinct rig file; a farm's run names them in order, a file used by several rigs more than once
        List<String> rigEntries = new java.util.ArrayList<>();
        Map<Path, String> entryOf = new LinkedHashMap<>();
        for (Path rigFile : run.rigFiles()) {
            String entry = entryOf.computeIfAbsent(rigFile.toAbsolutePath().normalize(), f -> {
                String name = EvidenceBundle.RIG + f.getFileName();
                return entryOf.containsValue(name) ? EvidenceBundle.RIG + (entryOf.size() + 1) + "-" + f.getFileName() : name;
            });
            bundle.add(entry, rigFile);
            rigEntries.add(entry);
        }
        Path dutFile = run.dut().file();
        bundle.add(EvidenceBundle.DUT + dutFile.getFileName(), dutFile);
        Path statementsFile = AssessorStatements.besideDut(dutFile);
        if (Files.exists(statementsFile)) {
            bundle.add(EvidenceBundle.DUT + statementsFile.getFileName(), statementsFile);
            Path folder = statementsFile.toAbsolutePath().getParent();
            for (AssessorStatement s : statements.values()) {
                for (Path a : s.attachments()) {
                    bundle.add(EvidenceBundle.DUT + folder.relativize(a).toString().replace('\\', '/'), a);
                }
            }
        }
        // the supplier's update images and key go with the DUT file that names them, so that a reproduction finds them
        Path dutFolder = dutFile.toAbsolutePath().getParent();
        List<Path> supplied = run.dut().update().flatMap(u -> u.supplied()).map(s -> s.files()).orElse(List.of());
        for (Path f : supplied) {
            String name = dutFolder.relativize(f.toAbsolutePath()).toString().replace('\\', '/');
            if (!name.startsWith("../")) {
                bundle.add(EvidenceBundle.DUT + name, f);
            }
        }
        Map<String, String> props = new LinkedHashMap<>(environment);
        props.put("bundle.format", "1");
        props.put("run.id", run.id());
        props.put("run.rig.file", rigEntries.get(0));
        if (rigEntries.size() > 1) {
            props.put("run.rig.files", String.join(",", rigEntries));
        }
        props.put("run.dut.file", EvidenceBundle.DUT + dutFile.getFileName());
        run.tags().ifPresent(t -> props.put("run.tags", t));
        for (Path image : run.images()) {
            props.put("image.sha256." + image.getFileName(), EvidenceBundle.sha256(image));
        }
        for (Path f : supplied) {
            props.put("update.sha256." + f.getFileName(), EvidenceBundle.sha256(f));
        }
        bundle.properties(props);

        Optional<LabKeys> keys = LabKeys.load(labKeys);
        Path zip = run.dir().resolve("evidence-" + run.id() + ".zip");
        bundle.write(zip, keys);
        return new Written(summary, zip, keys.map(k -> k.certificate().getSubjectX500Principal().getName()));
    }
}

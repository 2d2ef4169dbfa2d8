package org.hil303.steps.cli;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import org.hil303.steps.evidence.BundleVerifier;
import org.hil303.steps.evidence.Escape;
import org.hil303.steps.evidence.EvidenceBundle;
import org.hil303.steps.evidence.RunVerdicts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hil303 reproduce}: reruns a bundle's suite, tags and DUT file on this rig and compares the verdicts test case by test case. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = {"Reruns the run an evidence bundle records (same DUT file, same tags) on the given rig and compares the verdicts.",
                "Exit status: 0 every test case agrees, 1 some differ or the bundle was changed, 2 usage error."})
final class ReproduceCommand implements Callable<Integer> {
    @Parameters(paramLabel = "BUNDLE", description = "evidence-<run>.zip")
    Path bundle;

    @Option(names = "--rig", paramLabel = "FILE", description = "the rig (or farm file) to rerun on (default: the rig files in the bundle)")
    Path rig;

    @Option(names = "--reports", paramLabel = "DIR", description = "where the new run goes (default: reports/)")
    Path reports;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(bundle)) {
            System.err.println("error: " + bundle + ": no such file");
            return Main.USAGE;
        }
        BundleVerifier.Result r = BundleVerifier.verify(bundle, Optional.empty());
        if (r.status() == BundleVerifier.Status.TAMPERED) {
            System.err.println("error: " + bundle + " was changed after it was made; not reproducing it: " + String.join("; ", r.problems()));
            return Main.FAIL;
        }
        if (r.status() == BundleVerifier.Status.UNSIGNED) {
            System.out.println("note: the bundle is not signed; it matches its own manifest");
        }
        Map<String, byte[]> files = r.files();
        byte[] propsBytes = files.get(EvidenceBundle.PROPERTIES);
        byte[] summary = files.get(EvidenceBundle.RUN + "summary.json");
        if (propsBytes == null || summary == null) {
            System.err.println("error: " + bundle + " has no " + EvidenceBundle.PROPERTIES + " or run/summary.json: not a hil303 evidence bundle");
            return Main.USAGE;
        }
        Properties props = new Properties();
        props.load(new StringReader(new String(propsBytes, StandardCharsets.UTF_8)));

        // the DUT file and its assessor statements, as the lab had them, in a folder of their own
        Path inputs = Files.createTempDirectory("hil303-reproduce-");
        // streamed out of the archive: a supplier's images may be larger than what the verifier keeps in memory
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(bundle.toFile())) {
            for (var en = z.entries(); en.hasMoreElements(); ) {
                java.util.zip.ZipEntry e = en.nextElement();
                if (!e.isDirectory() && (e.getName().startsWith(EvidenceBundle.DUT) || e.getName().startsWith(EvidenceBundle.RIG))) {
                    Path target = inputs.resolve(e.getName()).normalize();
                    if (!target.startsWith(inputs)) {
                        continue; // the verifier has already refused paths outside the bundle
                    }
                    Files.createDirectories(target.getParent());
                    try (var in = z.getInputStream(e)) {
                        Files.copy(in, target);
                    }
                }
            }
        }
        String dutEntry = props.getProperty("run.dut.file", "");
        String rigEntry = props.getProperty("run.rig.file", "");
        if (!Files.isRegularFile(inputs.resolve(dutEntry).normalize()) || !dutEntry.startsWith(EvidenceBundle.DUT)
                || !Files.isRegularFile(inputs.resolve(rigEntry).normalize()) || !rigEntry.startsWith(EvidenceBundle.RIG)) {
            System.err.println("error: " + bundle + ": " + EvidenceBundle.PROPERTIES + " does not name the DUT and rig files the bundle holds");
            return Main.USAGE;
        }
        List<String> args = new ArrayList<>(List.of("run", "--dut", inputs.resolve(dutEntry).toString()));
        if (rig != null) {
            args.addAll(List.of("--rig", rig.toString()));
        } else {
            // a run over several rigs is reproduced over as many, from the rig files it recorded
            for (String entry : props.getProperty("run.rig.files", rigEntry).split(",")) {
                if (!Files.isRegularFile(inputs.resolve(entry).normalize()) || !entry.startsWith(EvidenceBundle.RIG)) {
                    System.err.println("error: " + bundle + ": " + EvidenceBundle.PROPERTIES + " names a rig file the bundle does not hold: " + entry);
                    return Main.USAGE;
                }
                args.addAll(List.of("--rig", inputs.resolve(entry).toString()));
            }
        }
        String tags = props.getProperty("run.tags");
        if (tags != null) {
            args.addAll(List.of("--tags", tags));
        }
        Path runs = Optional.ofNullable(reports).orElse(RunCommand.Home.dir().resolve("reports")).toAbsolutePath();
        args.addAll(List.of("--reports", runs.toString()));
        System.out.println("reproducing run " + Escape.plain(props.getProperty("run.id", "?")) + (tags == null ? "" : " (tags " + Escape.plain(tags) + ")"));
        int status;
        try {
            status = Main.execute(args.toArray(new String[0]));
        } finally {
            deleteTree(inputs); // the new run's bundle carries its own copies of the inputs
        }
        if (status == Main.USAGE) {
            return Main.USAGE;
        }
        Path newSummary = runs.resolve("latest/summary.json");
        Map<String, String> was = RunVerdicts.of(new String(summary, StandardCharsets.UTF_8));
        Map<String, String> now = Files.exists(newSummary) ? RunVerdicts.of(Files.readString(newSummary)) : Map.of();
        Set<String> cases = new LinkedHashSet<>(was.keySet());
        cases.addAll(now.keySet());
        int differ = 0;
        System.out.println();
        System.out.printf("%-9s %-12s %-14s %s%n", "", "test case", "in the bundle", "here");
        for (String tc : cases) {
            String a = was.getOrDefault(tc, "-");
            String b = now.getOrDefault(tc, "-");
            boolean same = a.equals(b);
            differ += same ? 0 : 1;
            System.out.printf("%-9s %-12s %-14s %s%n", same ? "agree" : "DIFFER", Escape.plain(tc), a, b);
        }
        System.out.println(differ == 0 ? "all " + cases.size() + " test cases agree" : differ + " of " + cases.size() + " test cases differ");
        return differ == 0 && !cases.isEmpty() ? Main.OK : Main.FAIL;
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder left behind is litter, not a failure of the reproduction
        }
    }
}

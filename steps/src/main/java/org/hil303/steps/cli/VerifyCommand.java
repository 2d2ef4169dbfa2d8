package org.hil303.steps.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.hil303.steps.evidence.BundleVerifier;
import org.hil303.steps.evidence.Escape;
import org.hil303.steps.evidence.EvidenceBundle;
import org.hil303.steps.evidence.LabKeys;
import org.hil303.steps.evidence.RunVerdicts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hil303 verify}: checks an evidence bundle's signature and every file's hash, then prints what it says. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Checks an evidence bundle: the lab's signature on the manifest and the SHA-256 of every file.",
                "Exit status: 0 verified, 1 changed (the file is named) or not signed by --cert, 2 usage error, 3 intact but unsigned."})
final class VerifyCommand implements Callable<Integer> {
    @Parameters(paramLabel = "BUNDLE", description = "evidence-<run>.zip")
    Path bundle;

    @Option(names = "--cert", paramLabel = "PEM", description = "the lab's certificate: the bundle must be signed by it")
    Path cert;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(bundle)) {
            System.err.println("error: " + bundle + ": no such file");
            return Main.USAGE;
        }
        Optional<X509Certificate> expected = Optional.empty();
        if (cert != null) {
            try {
                expected = Optional.of(LabKeys.readCertificate(cert));
            } catch (IOException e) {
                System.err.println("error: " + e.getMessage());
                return Main.USAGE;
            }
        }
        BundleVerifier.Result r = BundleVerifier.verify(bundle, expected);
        if (r.status() == BundleVerifier.Status.TAMPERED) {
            System.out.println("NOT VERIFIED: " + bundle);
            r.problems().forEach(p -> System.out.println("  " + p));
            return Main.FAIL;
        }
        int files = r.files().size();
        if (r.status() == BundleVerifier.Status.UNSIGNED) {
            System.out.println("UNSIGNED: " + bundle + ": " + files + " files match the manifest, but nobody signed it");
        } else {
            X509Certificate signer = r.signer().orElseThrow();
            System.out.println("VERIFIED: " + bundle);
            System.out.println("  signed by   " + signer.getSubjectX500Principal().getName());
            System.out.println("  certificate SHA-256 " + LabKeys.fingerprint(signer)
                    + (cert == null ? " (compare it with the fingerprint the lab publishes, or pass --cert)" : " (the one given)"));
            System.out.println("  " + files + " files, each matching the signed manifest");
        }
        print(r.files());
        return r.status() == BundleVerifier.Status.VERIFIED ? Main.OK : Main.INCONCLUSIVE;
    }

    private static void print(Map<String, byte[]> files) throws IOException {
        byte[] props = files.get(EvidenceBundle.PROPERTIES);
        if (props != null) {
            Properties p = new Properties();
            p.load(new java.io.StringReader(new String(props, StandardCharsets.UTF_8)));
            System.out.println(Escape.plain("  DUT " + p.getProperty("dut", "?") + " (" + p.getProperty("run.dut.file", "?") + "), rig "
                    + p.getProperty("rig", p.getProperty("rigs", "?")) + ", harness " + p.getProperty("harness.version", "?") + " " + p.getProperty("harness.commit", "")
                    + ", run " + p.getProperty("run.id", "?") + (p.getProperty("run.tags") == null ? "" : ", tags " + p.getProperty("run.tags"))));
        }
        byte[] summary = files.get(EvidenceBundle.RUN + "summary.json");
        if (summary != null) {
            RunVerdicts.of(new String(summary, StandardCharsets.UTF_8)).forEach((tc, v) -> System.out.printf("  %-12s %s%n", Escape.plain(tc), v));
        }
        byte[] md = files.get(EvidenceBundle.RUN + "summary.md");
        if (md != null) {
            new String(md, StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("- provisions: "))
                    .forEach(l -> System.out.println("  " + Escape.plain(l.substring(2))));
        }
    }
}

package org.hil303.steps.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hil303.steps.evidence.BundleVerifier;
import org.hil303.steps.evidence.EvidenceBundle;
import org.hil303.steps.evidence.LabKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hil303 keys}: the lab's evidence-signing key. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "The lab's key that signs evidence bundles.",
        subcommands = {KeysCommand.Init.class, KeysCommand.Sign.class})
final class KeysCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Creates the lab's key and self-signed certificate ($HIL303_LAB_KEYS, else $XDG_CONFIG_HOME/hil303/lab, else ~/.config/hil303/lab).")
    static final class Init implements Callable<Integer> {
        @Option(names = "--name", paramLabel = "LAB", description = "the lab's name in the certificate (default: hil303 lab on this host)")
        String name;

        @Override
        public Integer call() throws IOException {
            Path dir = LabKeys.dir();
            String lab = name != null ? name : "hil303 lab on " + InetAddress.getLocalHost().getHostName();
            LabKeys keys;
            try {
                keys = LabKeys.create(dir, lab);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                System.err.println("error: " + e.getMessage());
                return Main.USAGE;
            }
            System.out.println("lab key:     " + dir.resolve(LabKeys.KEY) + " (owner-only; keep it secret, back it up)");
            System.out.println("certificate: " + dir.resolve(LabKeys.CERT) + " (give it to whoever verifies your bundles)");
            System.out.println("fingerprint: SHA-256 " + LabKeys.fingerprint(keys.certificate()) + " (publish it)");
            System.out.println("from now on every `hil303 run` signs its evidence bundle with this key");
            return Main.OK;
        }
    }

    @Command(name = "sign", mixinStandardHelpOptions = true, description = "Signs an unsigned bundle (a run made before the lab key existed).")
    static final class Sign implements Callable<Integer> {
        @Parameters(paramLabel = "BUNDLE", description = "evidence-<run>.zip")
        Path bundle;

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(bundle)) {
                System.err.println("error: " + bundle + ": no such file");
                return Main.USAGE;
            }
            Optional<LabKeys> keys = LabKeys.load(LabKeys.dir());
            if (keys.isEmpty()) {
                System.err.println("error: no lab key in " + LabKeys.dir() + ": create it with `hil303 keys init`");
                return Main.USAGE;
            }
            BundleVerifier.Result r = BundleVerifier.verify(bundle, Optional.empty());
            if (r.status() != BundleVerifier.Status.UNSIGNED) {
                System.err.println("error: " + bundle + (r.status() == BundleVerifier.Status.VERIFIED ? " is signed already"
                        : " does not match its own manifest, so it will not be signed: " + String.join("; ", r.problems())));
                return r.status() == BundleVerifier.Status.VERIFIED ? Main.USAGE : Main.FAIL;
            }
            EvidenceBundle b = new EvidenceBundle();
            r.files().forEach(b::add);
            b.write(bundle, keys);
            System.out.println("signed: " + bundle + " by " + keys.get().certificate().getSubjectX500Principal().getName());
            return Main.OK;
        }
    }
}

package org.hil303.steps.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.hil303.steps.evidence.BundleVerifier.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceBundleTest {
    @TempDir
    Path dir;
    Path zip;
    LabKeys keys;

    @BeforeEach
    void bundle() throws Exception {
        keys = LabKeys.create(dir.resolve("lab"), "Test Lab");
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve("summary.json"), "{\"testCases\": []}");
        Files.createDirectories(run.resolve("allure-results"));
        Files.write(run.resolve("allure-results/capture.bin"), new byte[] {0, 1, 2, (byte) 0xff});
        zip = dir.resolve("evidence-x.zip");
        new EvidenceBundle().addRun(run).properties(Map.of("run.id", "x")).write(zip, Optional.of(keys));
    }

    @Test
    void the_lab_key_is_owner_only_and_reloads() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("lab/lab-key.pem")))).isEqualTo("rw-------");
        LabKeys again = LabKeys.load(dir.resolve("lab")).orElseThrow();
        assertThat(again.certificate()).isEqualTo(keys.certificate());
        assertThat(LabKeys.load(dir.resolve("nowhere"))).isEmpty();
    }

    @Test
    void an_intact_bundle_verifies_against_the_labs_certificate() throws Exception {
        BundleVerifier.Result r = BundleVerifier.verify(zip, Optional.of(keys.certificate()));
        assertThat(r.problems()).isEmpty();
        assertThat(r.status()).isEqualTo(Status.VERIFIED);
        assertThat(r.files()).containsKeys("run/summary.json", "run/allure-results/capture.bin", "bundle.properties");
    }

    @Test
    void another_labs_key_is_named() throws Exception {
        LabKeys other = LabKeys.create(dir.resolve("other"), "Other Lab");
        BundleVerifier.Result r = BundleVerifier.verify(zip, Optional.of(other.certificate()));
        assertThat(r.status()).isEqualTo(Status.TAMPERED);
        assertThat(r.problems()).singleElement().asString().contains("CN=Test Lab").contains("not by the certificate given");
    }

    /** Rewrites the bundle with one change, as someone would who unzips, edits and zips again. */
    private Path rewritten(Consumer<Map<String, byte[]>> change) throws Exception {
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                entries.put(e.getName(), z.getInputStream(e).readAllBytes());
            }
        }
        change.accept(entries);
        Path out = dir.resolve("tampered.zip");
        try (OutputStream o = Files.newOutputStream(out); ZipOutputStream z = new ZipOutputStream(o)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out;
    }

    @Test
    void a_changed_file_is_named() throws Exception {
        Path t = rewritten(m -> m.put("run/allure-results/capture.bin", new byte[] {0, 1, 2, (byte) 0xfe}));
        BundleVerifier.Result r = BundleVerifier.verify(t, Optional.empty());
        assertThat(r.status()).isEqualTo(Status.TAMPERED);
        assertThat(r.problems()).containsExactly("run/allure-results/capture.bin: changed (its SHA-256 differs from the manifest)");
    }

    @Test
    void a_manifest_rewritten_to_match_breaks_the_signature() throws Exception {
        Path t = rewritten(m -> {
            m.put("run/summary.json", "{\"testCases\": [\"forged\"]}".getBytes(StandardCharsets.UTF_8));
            Map<String, byte[]> content = new TreeMap<>(m);
            content.remove(EvidenceBundle.MANIFEST);
            content.remove(EvidenceBundle.SIGNATURE);
            m.put(EvidenceBundle.MANIFEST, EvidenceBundle.manifest(content).getBytes(StandardCharsets.UTF_8));
        });
        BundleVerifier.Result r = BundleVerifier.verify(t, Optional.empty());
        assertThat(r.status()).isEqualTo(Status.TAMPERED);
        assertThat(r.problems()).singleElement().asString().startsWith("MANIFEST.sha256: changed after signing");
    }

    @Test
    void added_and_removed_files_are_named() throws Exception {
        BundleVerifier.Result added = BundleVerifier.verify(rewritten(m -> m.put("run/extra.txt", new byte[1])), Optional.empty());
        assertThat(added.problems()).containsExactly("run/extra.txt: not in the manifest (added after the bundle was made)");
        BundleVerifier.Result removed = BundleVerifier.verify(rewritten(m -> m.remove("run/summary.json")), Optional.empty());
        assertThat(removed.problems()).containsExactly("run/summary.json: listed in the manifest but missing");
    }

    @Test
    void a_flipped_byte_anywhere_in_the_archive_is_detected() throws Exception {
        byte[] original = Files.readAllBytes(zip);
        Path t = dir.resolve("flipped.zip");
        for (int i = 0; i < original.length; i += Math.max(1, original.length / 40)) {
            byte[] copy = original.clone();
            copy[i] ^= 0x01;
            Files.write(t, copy);
            BundleVerifier.Result r;
            try {
                r = BundleVerifier.verify(t, Optional.empty());
            } catch (java.io.IOException e) {
                continue; // unreadable is not verified either; the CLI reports it by name
            }
            if (r.status() == Status.VERIFIED) {
                // zip metadata outside the entries' content (time stamps, extra fields) is not evidence
                assertThat(hashes(r.files())).isEqualTo(hashes(BundleVerifier.verify(zip, Optional.empty()).files()));
            } else {
                assertThat(r.problems()).isNotEmpty();
            }
        }
    }

    private static Map<String, String> hashes(Map<String, byte[]> files) {
        Map<String, String> h = new TreeMap<>();
        files.forEach((k, v) -> h.put(k, EvidenceBundle.sha256(v)));
        return h;
    }

    @Test
    void an_unsigned_bundle_is_intact_but_says_so() throws Exception {
        Path unsigned = dir.resolve("unsigned.zip");
        new EvidenceBundle().add("run/summary.json", new byte[] {1}).write(unsigned, Optional.empty());
        BundleVerifier.Result r = BundleVerifier.verify(unsigned, Optional.empty());
        assertThat(r.status()).isEqualTo(Status.UNSIGNED);
        assertThat(r.problems()).isEmpty();
    }
}

package org.hil303.steps.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.hil303.fixtures.crypto.Bc;

/**
 * One archive per run: the run folder (Allure results and report, console transcript, captures, summaries), the
 * rig and DUT files with the assessor statements, and bundle.properties (harness version and commit, tool
 * versions, image hashes, how the run was started). MANIFEST.sha256 lists every file's SHA-256 in sha256sum's
 * format; MANIFEST.sha256.p7s is its detached CMS signature by the lab's key, the certificate included.
 */
public final class EvidenceBundle {
    public static final String MANIFEST = "MANIFEST.sha256";
    public static final String SIGNATURE = "MANIFEST.sha256.p7s";
    public static final String PROPERTIES = "bundle.properties";
    public static final String RUN = "run/";
    public static final String DUT = "inputs/dut/";
    public static final String RIG = "inputs/rig/";

    /** A file of the bundle: on disk (streamed, however large: a unit's flash image) or made in memory (small). */
    private record Source(Path file, byte[] bytes) {
        InputStream open() throws IOException {
            return file != null ? Files.newInputStream(file) : new java.io.ByteArrayInputStream(bytes);
        }
    }

    private final Map<String, Source> entries = new TreeMap<>();

    /** Every regular file under the run folder, except earlier bundles. */
    public EvidenceBundle addRun(Path runDir) throws IOException {
        try (Stream<Path> files = Files.walk(runDir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String rel = runDir.relativize(f).toString().replace('\\', '/');
                if (!(rel.startsWith("evidence-") && rel.endsWith(".zip"))) {
                    entries.put(RUN + rel, new Source(f, null));
                }
            }
        }
        return this;
    }

    public EvidenceBundle add(String name, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": not a file");
        }
        entries.put(name, new Source(file, null));
        return this;
    }

    public EvidenceBundle add(String name, byte[] content) {
        entries.put(name, new Source(null, content.clone()));
        return this;
    }

    public EvidenceBundle properties(Map<String, String> values) throws IOException {
        Properties p = new Properties();
        p.putAll(values);
        StringWriter w = new StringWriter();
        p.store(w, "hil303 evidence bundle");
        return add(PROPERTIES, w.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the archive, streaming every file through (memory stays small whatever the files weigh); signs the manifest when the lab has a key. */
    public void write(Path zip, Optional<LabKeys> keys) throws IOException {
        StringBuilder manifestText = new StringBuilder();
        Path tmp = zip.resolveSibling(zip.getFileName() + ".part");
        try (OutputStream o = Files.newOutputStream(tmp); ZipOutputStream z = new ZipOutputStream(o)) {
            for (Map.Entry<String, Source> e : entries.entrySet()) {
                MessageDigest sha = digest();
                z.putNextEntry(new ZipEntry(e.getKey()));
                try (InputStream in = new DigestInputStream(e.getValue().open(), sha)) {
                    in.transferTo(z);
                }
                z.closeEntry();
                manifestText.append(HexFormat.of().formatHex(sha.digest())).append("  ").append(e.getKey()).append('\n');
            }
            byte[] manifest = manifestText.toString().getBytes(StandardCharsets.UTF_8);
            put(z, MANIFEST, manifest);
            if (keys.isPresent()) {
                put(z, SIGNATURE, sign(manifest, keys.get()));
            }
        }
        Files.move(tmp, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static String manifest(Map<String, byte[]> entries) {
        StringBuilder b = new StringBuilder();
        entries.forEach((name, bytes) -> b.append(sha256(bytes)).append("  ").append(name).append('\n'));
        return b.toString();
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sign(byte[] manifest, LabKeys keys) throws IOException {
        try {
            CMSSignedDataGenerator g = new CMSSignedDataGenerator();
            g.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().setProvider(Bc.provider()).build())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Bc.provider()).build(keys.key()), keys.certificate()));
            g.addCertificates(new JcaCertStore(List.of(keys.certificate())));
            return g.generate(new CMSProcessableByteArray(manifest), false).getEncoded();
        } catch (CMSException | OperatorCreationException | GeneralSecurityException e) {
            throw new IOException("cannot sign the manifest with the lab key: " + e.getMessage(), e);
        }
    }

    /** A file's SHA-256, read as a stream. */
    static String sha256(Path file) throws IOException {
        MessageDigest sha = digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(ZipOutputStream z, String name, byte[] bytes) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(bytes);
        z.closeEntry();
    }
}

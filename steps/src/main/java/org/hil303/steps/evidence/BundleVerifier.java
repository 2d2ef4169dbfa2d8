package org.hil303.steps.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.util.Selector;
import org.hil303.fixtures.crypto.Bc;

/** Checks an evidence bundle: every file against the manifest, the manifest against the lab's signature. */
public final class BundleVerifier {
    /** Files up to this size are also kept for reading (summaries, properties, inputs); larger ones are only hashed. */
    static final int KEEP = 8 << 20;

    public enum Status { VERIFIED, TAMPERED, UNSIGNED }

    /**
     * The outcome; {@code problems} name the file that was changed, added, removed or damaged; {@code files}
     * holds the bundle's files of up to 8 MiB (a unit's flash image is hashed as it streams by, not kept).
     */
    public record Result(Status status, List<String> problems, Optional<X509Certificate> signer, Map<String, byte[]> files) {}

    private BundleVerifier() {}

    public static Result verify(Path zip, Optional<X509Certificate> expectedSigner) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, String> hashes = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> en = z.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                if (e.isDirectory()) {
                    continue;
                }
                if (e.getName().startsWith("/") || Arrays.asList(e.getName().split("/")).contains("..")) {
                    problems.add(e.getName() + ": a path outside the bundle");
                    continue;
                }
                if (hashes.containsKey(e.getName())) {
                    problems.add(e.getName() + ": appears twice in the archive");
                    continue;
                }
                try (InputStream in = z.getInputStream(e)) {
                    java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
                    java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
                    byte[] buf = new byte[1 << 16];
                    long size = 0;
                    for (int n; (n = in.read(buf)) > 0; ) {
                        sha.update(buf, 0, n);
                        if (size + n <= KEEP) {
                            kept.write(buf, 0, n);
                        }
                        size += n;
                    }
                    hashes.put(e.getName(), java.util.HexFormat.of().formatHex(sha.digest()));
                    if (size <= KEEP) {
                        files.put(e.getName(), kept.toByteArray());
                    }
                } catch (ZipException ex) {
                    problems.add(e.getName() + ": its bytes in the archive are damaged (" + ex.getMessage() + ")");
                    hashes.put(e.getName(), null);
                } catch (java.security.NoSuchAlgorithmException ex) {
                    throw new IllegalStateException(ex);
                }
            }
        } catch (ZipException e) {
            return new Result(Status.TAMPERED, List.of(zip.getFileName() + ": not a readable zip archive (" + e.getMessage() + ")"), Optional.empty(), files);
        }
        hashes.remove(EvidenceBundle.MANIFEST);
        hashes.remove(EvidenceBundle.SIGNATURE);
        byte[] manifest = files.remove(EvidenceBundle.MANIFEST);
        byte[] signature = files.remove(EvidenceBundle.SIGNATURE);
        if (manifest == null) {
            problems.add(EvidenceBundle.MANIFEST + ": missing");
            return new Result(Status.TAMPERED, problems, Optional.empty(), files);
        }
        Map<String, String> listed = new LinkedHashMap<>();
        for (String line : new String(manifest, StandardCharsets.UTF_8).split("\n")) {
            if (line.length() < 67 || line.charAt(64) != ' ' || line.charAt(65) != ' ') {
                problems.add(EvidenceBundle.MANIFEST + ": malformed line '" + Escape.plain(line) + "'");
                continue;
            }
            listed.put(line.substring(66), line.substring(0, 64));
        }
        for (Map.Entry<String, String> l : listed.entrySet()) {
            String hash = hashes.get(l.getKey());
            if (!hashes.containsKey(l.getKey())) {
                problems.add(l.getKey() + ": listed in the manifest but missing");
            } else if (hash != null && !hash.equals(l.getValue())) {
                problems.add(l.getKey() + ": changed (its SHA-256 differs from the manifest)");
            }
        }
        for (String name : hashes.keySet()) {
            if (!listed.containsKey(name)) {
                problems.add(name + ": not in the manifest (added after the bundle was made)");
            }
        }
        Optional<X509Certificate> signer = Optional.empty();
        if (signature != null) {
            try {
                signer = Optional.of(checkSignature(manifest, signature));
                if (expectedSigner.isPresent() && !expectedSigner.get().equals(signer.get())) {
                    problems.add(EvidenceBundle.SIGNATURE + ": signed by " + signer.get().getSubjectX500Principal().getName()
                            + " (" + LabKeys.fingerprint(signer.get()) + "), not by the certificate given");
                }
            } catch (SignatureProblem e) {
                problems.add(e.getMessage());
            }
        }
        Status status = !problems.isEmpty() ? Status.TAMPERED : signature == null ? Status.UNSIGNED : Status.VERIFIED;
        return new Result(status, problems, signer, files);
    }

    private static X509Certificate checkSignature(byte[] manifest, byte[] signature) throws SignatureProblem {
        try {
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(manifest), signature);
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                throw new SignatureProblem(EvidenceBundle.SIGNATURE + ": expected one signer, found " + signers.size());
            }
            SignerInformation si = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> certs = cms.getCertificates().getMatches((Selector<X509CertificateHolder>) si.getSID());
            if (certs.isEmpty()) {
                throw new SignatureProblem(EvidenceBundle.SIGNATURE + ": the signer's certificate is not included");
            }
            X509Certificate cert = new JcaX509CertificateConverter().setProvider(Bc.provider()).getCertificate(certs.iterator().next());
            if (!si.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Bc.provider()).build(cert))) {
                throw new SignatureProblem(EvidenceBundle.MANIFEST + ": changed after signing (the signature does not match)");
            }
            return cert;
        } catch (CMSSignerDigestMismatchException e) {
            throw new SignatureProblem(EvidenceBundle.MANIFEST + ": changed after signing (the signature does not match)");
        } catch (CMSException | RuntimeException | org.bouncycastle.operator.OperatorCreationException
                 | java.security.cert.CertificateException e) {
            throw new SignatureProblem(EvidenceBundle.SIGNATURE + ": not a valid signature of the manifest (" + e.getMessage() + ")");
        }
    }

    private static final class SignatureProblem extends Exception {
        SignatureProblem(String message) {
            super(message);
        }
    }
}

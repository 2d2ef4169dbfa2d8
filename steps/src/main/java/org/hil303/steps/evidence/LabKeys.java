package org.hil303.steps.evidence;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.hil303.fixtures.crypto.Bc;

/**
 * The lab's signing key and its self-signed certificate: {@code lab-key.pem} (owner-only) and {@code lab-cert.pem}
 * under $HIL303_LAB_KEYS, else $XDG_CONFIG_HOME/hil303/lab, else ~/.config/hil303/lab. The lab publishes the
 * certificate's fingerprint so a regulator can tell its bundles from anyone else's.
 */
public record LabKeys(PrivateKey key, X509Certificate certificate) {
    public static final String KEY = "lab-key.pem";
    public static final String CERT = "lab-cert.pem";

    public static Path dir() {
        String explicit = System.getenv("HIL303_LAB_KEYS");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return config.resolve("hil303/lab");
    }

    /** Creates a new key and certificate; refuses to replace a lab's existing key. */
    public static LabKeys create(Path dir, String labName) throws IOException {
        Path keyFile = dir.resolve(KEY);
        if (Files.exists(keyFile)) {
            throw new FileAlreadyExistsException(keyFile + " exists already; move it away first if the lab really needs a new key");
        }
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair pair = g.generateKeyPair();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, labName).addRDN(BCStyle.OU, "hil303 evidence signing").build();
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, new SecureRandom()),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(5 * 366))), subject, pair.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            X509CertificateHolder holder = b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
            X509Certificate cert = new JcaX509CertificateConverter().setProvider(Bc.provider()).getCertificate(holder);
            Files.createDirectories(dir);
            Files.writeString(keyFile, "", StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the folder's own protection has to do
            }
            Files.writeString(keyFile, pem(pair.getPrivate()), StandardCharsets.US_ASCII);
            Files.writeString(dir.resolve(CERT), pem(cert), StandardCharsets.US_ASCII);
            return new LabKeys(pair.getPrivate(), cert);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot create the lab key: " + e.getMessage(), e);
        }
    }

    /** The lab's key, if one was created; an unreadable key is an error, not an unsigned bundle. */
    public static Optional<LabKeys> load(Path dir) throws IOException {
        Path keyFile = dir.resolve(KEY);
        if (!Files.exists(keyFile)) {
            return Optional.empty();
        }
        Object key = readPem(keyFile);
        PrivateKey privateKey;
        try {
            privateKey = new JcaPEMKeyConverter().setProvider(Bc.provider()).getPrivateKey((PrivateKeyInfo) key);
        } catch (ClassCastException e) {
            throw new IOException(keyFile + ": not a PKCS#8 private key");
        }
        return Optional.of(new LabKeys(privateKey, readCertificate(dir.resolve(CERT))));
    }

    public static X509Certificate readCertificate(Path file) throws IOException {
        Object o = readPem(file);
        if (!(o instanceof X509CertificateHolder h)) {
            throw new IOException(file + ": not a PEM certificate");
        }
        try {
            return new JcaX509CertificateConverter().setProvider(Bc.provider()).getCertificate(h);
        } catch (GeneralSecurityException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    public static String fingerprint(X509Certificate cert) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(d);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object readPem(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser p = new PEMParser(r)) {
            Object o = p.readObject();
            if (o == null) {
                throw new IOException(file + ": no PEM object");
            }
            return o;
        }
    }

    private static String pem(Object o) throws IOException {
        StringWriter s = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(s)) {
            if (o instanceof PrivateKey k) {
                w.writeObject(new JcaPKCS8Generator(k, null)); // "PRIVATE KEY": PKCS#8, unencrypted; the file's mode protects it
            } else {
                w.writeObject(o);
            }
        }
        return s.toString();
    }
}

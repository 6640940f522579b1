package org.markguard.evidence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.EnumSet;
import java.util.Set;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * The server's packet-signing key: an Ed25519 key pair created at first start in a directory of
 * its own. The private key ({@value #PRIVATE_KEY_FILE}, PKCS#8 PEM) is readable by the owner only;
 * {@value #PUBLIC_KEY_FILE} is a copy of the public key for people to hand to verifiers. The
 * public key is always derived from the private key, so a stale or edited {@code .pub} file can
 * never make the server sign under a key other than the one it announces; it is rewritten when
 * it differs.
 */
public final class EvidenceKeys implements EvidenceSigner {
    public static final String PRIVATE_KEY_FILE = "evidence-key.pem";
    public static final String PUBLIC_KEY_FILE = "evidence-key.pub";
    private static final String ALGORITHM = "Ed25519";
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private EvidenceKeys(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** Loads the key pair kept in {@code directory}, creating it (and the directory) on first use. */
    public static EvidenceKeys loadOrCreate(Path directory) throws IOException {
        Path privateFile = directory.resolve(PRIVATE_KEY_FILE);
        if (!Files.exists(privateFile)) {
            createDirectory(directory);
            createPrivateKey(directory, privateFile);
        }
        restrictToOwner(privateFile);
        PrivateKey privateKey = readPrivateKey(privateFile);
        EvidenceKeys keys = new EvidenceKeys(privateKey, derivePublicKey(privateKey, privateFile));
        Path publicFile = directory.resolve(PUBLIC_KEY_FILE);
        String pem = keys.publicKeyPem();
        if (!Files.exists(publicFile) || !Files.readString(publicFile, StandardCharsets.US_ASCII).equals(pem)) {
            writeAtomically(directory, publicFile, pem.getBytes(StandardCharsets.US_ASCII), false);
        }
        return keys;
    }

    /** Parses a public key PEM as written by {@link #publicKeyPem()}. */
    public static PublicKey parsePublicKey(String pem) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(Pem.decode("PUBLIC KEY", pem)));
        } catch (InvalidKeySpecException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks Ed25519", e);
        }
    }

    /** The hex SHA-256 of the key's X.509 encoding: what a person compares over the phone. */
    public static String fingerprint(PublicKey key) {
        return "sha256:" + Digests.hex(Digests.sha256(key.getEncoded()));
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String fingerprint() {
        return fingerprint(publicKey);
    }

    @Override
    public String publicKeyPem() {
        return Pem.encode("PUBLIC KEY", publicKey.getEncoded());
    }

    @Override
    public byte[] sign(byte[] data) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    private static void createPrivateKey(Path directory, Path privateFile) throws IOException {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks Ed25519", e);
        }
        byte[] pem = Pem.encode("PRIVATE KEY", pair.getPrivate().getEncoded()).getBytes(StandardCharsets.US_ASCII);
        try {
            writeAtomically(directory, privateFile, pem, true);
        } catch (FileAlreadyExistsException raced) {
            // another process created it first: use that one
        }
    }

    private static PrivateKey readPrivateKey(Path file) throws IOException {
        try {
            byte[] der = Pem.decode("PRIVATE KEY", Files.readString(file, StandardCharsets.US_ASCII));
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IllegalArgumentException | InvalidKeySpecException e) {
            throw new IOException(file + " is not an Ed25519 private key (PKCS#8 PEM): " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks Ed25519", e);
        }
    }

    /** The JDK cannot derive an Ed25519 public key from a private one; BouncyCastle's primitive can. */
    private static PublicKey derivePublicKey(PrivateKey privateKey, Path file) throws IOException {
        byte[] seed = ((EdECPrivateKey) privateKey).getBytes()
                .orElseThrow(() -> new IOException(file + ": the private key has no extractable seed"));
        byte[] raw = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
        try {
            byte[] spki = new SubjectPublicKeyInfo(new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519), raw)
                    .getEncoded();
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 public key encoding failed", e);
        }
    }

    private static void createDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        if (isPosix(directory.toAbsolutePath().getParent())) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
        } else {
            Files.createDirectories(directory);
        }
    }

    /** Writes to a temporary file (owner-only from its creation when asked), fsyncs, then renames. */
    private static void writeAtomically(Path directory, Path target, byte[] bytes, boolean ownerOnly)
            throws IOException {
        boolean posix = isPosix(directory);
        FileAttribute<?>[] attributes = ownerOnly && posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)}
                : new FileAttribute<?>[0];
        Path temporary = Files.createTempFile(directory, ".evidence-key-", ".tmp", attributes);
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (ownerOnly) {
                // never replace an existing private key: that would orphan every packet signed with it
                try {
                    Files.createLink(target, temporary); // atomic, and fails rather than replace
                } catch (FileAlreadyExistsException exists) {
                    throw exists;
                } catch (UnsupportedOperationException | IOException noHardLinks) {
                    Files.move(temporary, target);
                }
            } else {
                try {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void restrictToOwner(Path privateFile) throws IOException {
        if (isPosix(privateFile) && !Files.getPosixFilePermissions(privateFile).equals(OWNER_ONLY_FILE)) {
            Files.setPosixFilePermissions(privateFile, OWNER_ONLY_FILE);
        }
    }

    private static boolean isPosix(Path path) {
        return path != null && path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}

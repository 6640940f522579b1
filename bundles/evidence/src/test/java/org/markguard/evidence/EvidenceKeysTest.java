package org.markguard.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server key: created once, kept owner-only, always the same key afterwards. */
class EvidenceKeysTest {
    @TempDir
    Path dir;

    @Test
    void loadingTwiceGivesTheSameKey() throws Exception {
        Path keys = dir.resolve("evidence-keys");
        EvidenceKeys first = EvidenceKeys.loadOrCreate(keys);
        EvidenceKeys second = EvidenceKeys.loadOrCreate(keys);
        assertArrayEquals(first.publicKey().getEncoded(), second.publicKey().getEncoded());
        assertEquals(first.publicKeyPem(), second.publicKeyPem());
        assertEquals(first.publicKeyPem(), Files.readString(keys.resolve(EvidenceKeys.PUBLIC_KEY_FILE)));
        assertTrue(first.publicKeyPem().startsWith("-----BEGIN PUBLIC KEY-----\n"));
        assertTrue(Files.readString(keys.resolve(EvidenceKeys.PRIVATE_KEY_FILE)).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertTrue(first.fingerprint().matches("sha256:[0-9a-f]{64}"));

        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(EvidenceKeys.parsePublicKey(second.publicKeyPem()));
        verifier.update("data".getBytes());
        assertTrue(verifier.verify(first.sign("data".getBytes())), "signed by one load, verified with the other");
        assertNotEquals(first.fingerprint(), EvidenceKeys.loadOrCreate(dir.resolve("elsewhere")).fingerprint());
    }

    @Test
    void thePrivateKeyAndItsDirectoryAreOwnerOnly() throws Exception {
        Path keys = dir.resolve("new/evidence-keys");
        EvidenceKeys.loadOrCreate(keys);
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(keys.resolve(EvidenceKeys.PRIVATE_KEY_FILE))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)));
        try (var left = Files.list(keys)) {
            assertEquals(2, left.count(), "no temporary file left behind");
        }

        Files.setPosixFilePermissions(keys.resolve(EvidenceKeys.PRIVATE_KEY_FILE), PosixFilePermissions.fromString("rw-r--r--"));
        EvidenceKeys.loadOrCreate(keys);
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(keys.resolve(EvidenceKeys.PRIVATE_KEY_FILE))), "tightened again on load");
    }

    @Test
    void theAnnouncedPublicKeyIsAlwaysDerivedFromThePrivateKey() throws Exception {
        Path keys = dir.resolve("keys");
        EvidenceKeys original = EvidenceKeys.loadOrCreate(keys);
        String someoneElses = EvidenceKeys.loadOrCreate(dir.resolve("other")).publicKeyPem();
        Files.writeString(keys.resolve(EvidenceKeys.PUBLIC_KEY_FILE), someoneElses);
        EvidenceKeys reloaded = EvidenceKeys.loadOrCreate(keys);
        assertEquals(original.publicKeyPem(), reloaded.publicKeyPem());
        assertEquals(original.publicKeyPem(), Files.readString(keys.resolve(EvidenceKeys.PUBLIC_KEY_FILE)), "rewritten");
        Files.delete(keys.resolve(EvidenceKeys.PUBLIC_KEY_FILE));
        assertEquals(original.publicKeyPem(), EvidenceKeys.loadOrCreate(keys).publicKeyPem());
    }

    @Test
    void aDamagedPrivateKeyIsAClearErrorNotANewKey() throws Exception {
        Path keys = dir.resolve("keys");
        EvidenceKeys.loadOrCreate(keys);
        Files.writeString(keys.resolve(EvidenceKeys.PRIVATE_KEY_FILE), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        IOException e = assertThrows(IOException.class, () -> EvidenceKeys.loadOrCreate(keys));
        assertTrue(e.getMessage().contains("is not an Ed25519 private key"), e.getMessage());
    }
}

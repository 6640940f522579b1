package org.markguard.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes one evidence packet, a zipped BagIt 1.0 bag (layout: {@link org.markguard.evidence}),
 * as a stream: payload files go straight into the zip while their SHA-256 and SHA-512 are
 * computed, so no file is ever held in memory whole; {@link #finish} then adds the manifests, the
 * tag files, the signature and the optional time-stamp token. One payload stream is open at a
 * time. The caller's output stream is never closed by the writer.
 *
 * <p>Not thread-safe.
 */
public final class PacketWriter {
    static final String SOFTWARE_AGENT = "markguard-evidence 0.1.0 (org.markguard.evidence)";
    static final String DEFAULT_SOURCE_ORGANIZATION = "markguard";
    private static final Pattern PACKET_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
    private static final Set<String> WRITER_FIELDS =
            Set.of("bagging-date", "external-identifier", "payload-oxum", "bag-software-agent");
    private static final List<String> COMPRESSED_SUFFIXES =
            List.of(".gz", ".zip", ".zst", ".png", ".jpg", ".jpeg", ".webp", ".gif", ".mp4", ".webm", ".pdf");

    private final OutputStream out;
    private final ZipOutputStream zip;
    private final String root;
    private final String packetId;
    private final Map<String, String> bagInfo;
    private final Map<String, PayloadFile> payloads = new TreeMap<>();
    private final Map<String, String> pathByCollisionKey = new HashMap<>();
    private PayloadStream openPayload;
    private boolean finished;

    private record PayloadFile(long size, String sha256, String sha512) {
    }

    /**
     * @param zip where the zip goes (not closed by the writer)
     * @param packetId the bag's top folder and its {@code External-Identifier}: letters, digits,
     *     '.', '_', '-', at most 200, starting with a letter or digit
     * @param bagInfo extra {@code bag-info.txt} fields in order, e.g. {@code Source-Organization}
     *     (default "markguard"), {@code Contact-Name}, {@code External-Description}; the writer
     *     owns {@code Bagging-Date}, {@code External-Identifier}, {@code Payload-Oxum} and
     *     {@code Bag-Software-Agent}
     */
    public PacketWriter(OutputStream zip, String packetId, Map<String, String> bagInfo) {
        if (packetId == null || !PACKET_ID.matcher(packetId).matches()) {
            throw new IllegalArgumentException("packet id " + PayloadPath.quote(packetId)
                    + ": only letters, digits, '.', '_' and '-' (at most 200, starting with a letter or digit)");
        }
        this.bagInfo = checkedBagInfo(bagInfo == null ? Map.of() : bagInfo);
        this.out = zip;
        this.zip = new ZipOutputStream(zip, StandardCharsets.UTF_8);
        this.packetId = packetId;
        this.root = packetId + "/";
    }

    /**
     * Starts a payload file; write its bytes to the stream returned, then close it (which ends the
     * zip entry, not the packet).
     *
     * @param relativePath the path under {@code data/}, '/'-separated; no '..' or '.' segments, not
     *     absolute, no backslash, no control characters, and not the same file as an earlier
     *     path on a case-insensitive or Unicode-normalising file system
     */
    public OutputStream payload(String relativePath) throws IOException {
        requireWritable();
        PayloadPath.requireSafe(relativePath);
        String earlier = pathByCollisionKey.putIfAbsent(PayloadPath.collisionKey(relativePath), relativePath);
        if (earlier != null) {
            throw new IllegalArgumentException("payload path " + PayloadPath.quote(relativePath)
                    + " names the same file as " + PayloadPath.quote(earlier) + " on some file systems");
        }
        zip.setLevel(isCompressed(relativePath) ? Deflater.NO_COMPRESSION : Deflater.DEFAULT_COMPRESSION);
        zip.putNextEntry(new ZipEntry(root + PacketLayout.PAYLOAD_DIRECTORY + relativePath));
        openPayload = new PayloadStream(relativePath);
        return openPayload;
    }

    /** Copies a stream into a payload file (the stream is not closed). */
    public void addPayload(String relativePath, InputStream in) throws IOException {
        try (OutputStream payload = payload(relativePath)) {
            in.transferTo(payload);
        }
    }

    /** Copies a file into a payload file. */
    public void addPayload(String relativePath, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            addPayload(relativePath, in);
        }
    }

    /**
     * Writes the manifests, {@code bag-info.txt}, the public key, the tag manifests, the signature
     * over {@code tagmanifest-sha512.txt} and, when {@code tsa} is given, its time-stamp token;
     * then ends the zip. Everything is computed before anything is written, so when the signer or
     * the time-stamping authority fails, nothing is written and finish can be called again (with
     * another authority, or none).
     */
    public void finish(EvidenceSigner signer, TimeStamper tsa) throws IOException {
        requireWritable();
        Map<String, byte[]> tagFiles = new LinkedHashMap<>();
        tagFiles.put(PacketLayout.BAGIT, utf8("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"));
        tagFiles.put(PacketLayout.BAG_INFO, utf8(bagInfoText()));
        tagFiles.put(PacketLayout.MANIFEST_SHA256, utf8(manifest(PayloadFile::sha256)));
        tagFiles.put(PacketLayout.MANIFEST_SHA512, utf8(manifest(PayloadFile::sha512)));
        String publicKeyPem = signer.publicKeyPem();
        tagFiles.put(PacketLayout.PUBLIC_KEY, publicKeyPem.getBytes(StandardCharsets.US_ASCII));
        byte[] tagManifest256 = utf8(tagManifest(tagFiles, "sha256"));
        byte[] tagManifest512 = utf8(tagManifest(tagFiles, "sha512"));
        byte[] signature = signer.sign(tagManifest512);
        requireVerifies(publicKeyPem, tagManifest512, signature);
        byte[] timeStamp = tsa == null ? null : tsa.timeStamp(Digests.sha256(tagManifest512));

        tagFiles.put(PacketLayout.TAG_MANIFEST_SHA256, tagManifest256);
        tagFiles.put(PacketLayout.TAG_MANIFEST_SHA512, tagManifest512);
        tagFiles.put(PacketLayout.SIGNATURE, utf8(Base64.getEncoder().encodeToString(signature) + "\n"));
        if (timeStamp != null) {
            tagFiles.put(PacketLayout.TIME_STAMP, timeStamp);
        }
        zip.setLevel(Deflater.DEFAULT_COMPRESSION);
        for (Map.Entry<String, byte[]> tagFile : tagFiles.entrySet()) {
            zip.putNextEntry(new ZipEntry(root + tagFile.getKey()));
            zip.write(tagFile.getValue());
            zip.closeEntry();
        }
        zip.finish();
        out.flush();
        finished = true;
    }

    /** The number of payload files written so far. */
    public int payloadCount() {
        return payloads.size();
    }

    private void requireWritable() {
        if (finished) {
            throw new IllegalStateException("packet " + packetId + " is already finished");
        }
        if (openPayload != null && !openPayload.closed) {
            throw new IllegalStateException("payload " + PayloadPath.quote(openPayload.path) + " is still open");
        }
    }

    private String bagInfoText() {
        long octets = payloads.values().stream().mapToLong(PayloadFile::size).sum();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Source-Organization", DEFAULT_SOURCE_ORGANIZATION);
        fields.putAll(bagInfo); // a caller's Source-Organization replaces the default, in first place
        fields.put("Bagging-Date", LocalDate.now(ZoneOffset.UTC).toString());
        fields.put("External-Identifier", packetId);
        fields.put("Bag-Software-Agent", SOFTWARE_AGENT);
        fields.put("Payload-Oxum", octets + "." + payloads.size());
        StringBuilder text = new StringBuilder();
        fields.forEach((label, value) -> text.append(label).append(": ").append(value).append('\n'));
        return text.toString();
    }

    private String manifest(java.util.function.Function<PayloadFile, String> digest) {
        StringBuilder text = new StringBuilder();
        payloads.forEach((path, file) -> text.append(digest.apply(file)).append("  ")
                .append(PayloadPath.encode(PacketLayout.PAYLOAD_DIRECTORY + path)).append('\n'));
        return text.toString();
    }

    private static String tagManifest(Map<String, byte[]> tagFiles, String algorithm) {
        StringBuilder text = new StringBuilder();
        tagFiles.forEach((name, bytes) -> text.append(Digests.hex(Digests.forBagit(algorithm).digest(bytes)))
                .append("  ").append(name).append('\n'));
        return text.toString();
    }

    /** A signer whose key and signature disagree would produce packets that can never verify. */
    private static void requireVerifies(String publicKeyPem, byte[] data, byte[] signature) throws IOException {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(EvidenceKeys.parsePublicKey(publicKeyPem));
            verifier.update(data);
            if (!verifier.verify(signature)) {
                throw new IOException("the signer's signature does not verify against its own public key");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("the signer's public key or signature is not Ed25519: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> checkedBagInfo(Map<String, String> fields) {
        Map<String, String> checked = new LinkedHashMap<>();
        fields.forEach((label, value) -> {
            if (label == null || label.isBlank() || !label.equals(label.strip()) || label.contains(":")
                    || hasControl(label, false)) {
                throw new IllegalArgumentException("bag-info label " + PayloadPath.quote(label)
                        + ": must be non-blank, without ':', control characters or surrounding spaces");
            }
            if (WRITER_FIELDS.contains(label.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("bag-info field " + label + " is written by the packet writer");
            }
            if (value == null || hasControl(value, true)) {
                throw new IllegalArgumentException("bag-info " + label + ": the value must be one line");
            }
            checked.put(label, value.strip());
        });
        return checked;
    }

    private static boolean hasControl(String text, boolean tabAllowed) {
        return text.chars().anyMatch(c -> (c < 0x20 && !(tabAllowed && c == '\t')) || c == 0x7f);
    }

    private static boolean isCompressed(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return COMPRESSED_SUFFIXES.stream().anyMatch(lower::endsWith);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** One payload entry being written: bytes go to the zip and to both digests. */
    private final class PayloadStream extends OutputStream {
        private final String path;
        private final MessageDigest sha256 = Digests.create("SHA-256");
        private final MessageDigest sha512 = Digests.create("SHA-512");
        private long size;
        private boolean closed;

        PayloadStream(String path) {
            this.path = path;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (closed) {
                throw new IOException("payload " + PayloadPath.quote(path) + " is closed");
            }
            zip.write(bytes, offset, length);
            sha256.update(bytes, offset, length);
            sha512.update(bytes, offset, length);
            size += length;
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                zip.closeEntry();
                closed = true;
                payloads.put(path, new PayloadFile(size, Digests.hex(sha256.digest()), Digests.hex(sha512.digest())));
            }
        }
    }
}

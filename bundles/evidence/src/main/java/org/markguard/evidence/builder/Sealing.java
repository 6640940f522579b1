package org.markguard.evidence.builder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampResponse;
import org.markguard.evidence.EvidenceSigner;
import org.markguard.evidence.PacketLayout;
import org.markguard.evidence.PacketWriter;
import org.markguard.evidence.TimeStamper;

/**
 * Seals a packet: signs it, and time-stamps it when an authority is configured. An authority that
 * fails does not fail the packet: it is sealed without a token and the failure is reported (a packet
 * can be time-stamped again by exporting it again; a signed packet without token still proves
 * integrity). Afterwards, reads back what the custody log records of the sealing.
 */
final class Sealing {
    /** What sealing produced; {@code timeStampFailure} is null when time-stamping worked or was off. */
    record Result(String tagManifestSha512, boolean timeStamped, Instant timeStampTime, String timeStampFailure) {
    }

    private Sealing() {
    }

    static String seal(PacketWriter packet, EvidenceSigner signer, TimeStamper tsa) throws IOException {
        if (tsa == null) {
            packet.finish(signer, null);
            return null;
        }
        RecordingTimeStamper recording = new RecordingTimeStamper(tsa);
        try {
            packet.finish(signer, recording);
            return null;
        } catch (IOException e) {
            if (recording.failure == null) {
                throw e; // the signer or the stream failed, not the authority
            }
            packet.finish(signer, null); // PacketWriter writes nothing before the token is had
            return recording.failure.getMessage();
        }
    }

    /** The tag manifest's SHA-512 and the token's time, read back from the written zip. */
    static Result readBack(Path zip, String packetId, String timeStampFailure) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            byte[] tagManifest = read(file, packetId + "/" + PacketLayout.TAG_MANIFEST_SHA512);
            if (tagManifest == null) {
                throw new IOException("the sealed packet has no " + PacketLayout.TAG_MANIFEST_SHA512);
            }
            byte[] token = read(file, packetId + "/" + PacketLayout.TIME_STAMP);
            Instant time = token == null ? null : genTime(token);
            return new Result(sha512(tagManifest), token != null, time, timeStampFailure);
        }
    }

    private static byte[] read(ZipFile file, String name) throws IOException {
        ZipEntry entry = file.getEntry(name);
        if (entry == null) {
            return null;
        }
        try (InputStream in = file.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    private static Instant genTime(byte[] token) throws IOException {
        try {
            return new TimeStampResponse(token).getTimeStampToken().getTimeStampInfo().getGenTime().toInstant();
        } catch (TSPException | RuntimeException e) {
            throw new IOException("the packet's time-stamp token cannot be read back: " + e.getMessage(), e);
        }
    }

    private static String sha512(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-512", e);
        }
    }

    /** Remembers whether the authority itself failed, to tell that apart from the signer failing. */
    private static final class RecordingTimeStamper implements TimeStamper {
        private final TimeStamper tsa;
        private IOException failure;

        RecordingTimeStamper(TimeStamper tsa) {
            this.tsa = tsa;
        }

        @Override
        public byte[] timeStamp(byte[] sha256) throws IOException {
            try {
                return tsa.timeStamp(sha256);
            } catch (IOException e) {
                failure = e;
                throw e;
            } catch (RuntimeException e) {
                failure = new IOException(e.toString(), e);
                throw failure;
            }
        }
    }
}

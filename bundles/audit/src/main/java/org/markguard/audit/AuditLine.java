package org.markguard.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.markguard.api.AuditEvent;

/**
 * One line of the trail and its chain hash: SHA-256 over the previous line's hash, a newline, and
 * this line's JSON without its {@code hash} field (fields in a fixed order, so the bytes hashed are
 * exactly the bytes stored before the hash).
 */
final class AuditLine {
    static final String GENESIS = "0".repeat(64);
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditLine() {
    }

    static String unhashedJson(long seq, Instant at, String user, String action, String target, String detail) {
        ObjectNode n = JSON.createObjectNode();
        n.put("seq", seq).put("at", at.toString()).put("user", user).put("action", action)
                .put("target", target).put("detail", detail);
        return n.toString();
    }

    static String hash(String previousHash, String unhashedJson) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previousHash.getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) '\n');
            sha.update(unhashedJson.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The stored line: the unhashed JSON with {@code "hash"} appended as its last field. */
    static String stored(String unhashedJson, String hash) {
        return unhashedJson.substring(0, unhashedJson.length() - 1) + ",\"hash\":\"" + hash + "\"}";
    }

    /** Parses a stored line; throws IllegalArgumentException when it is not one. */
    static AuditEvent parse(String line) {
        try {
            var n = JSON.readTree(line);
            return new AuditEvent(n.get("seq").asLong(), Instant.parse(n.get("at").asText()), n.get("user").asText(),
                    n.get("action").asText(), n.get("target").asText(), n.get("detail").asText(), n.get("hash").asText());
        } catch (Exception e) {
            throw new IllegalArgumentException("not an audit line: " + e.getMessage(), e);
        }
    }

    /** The unhashed JSON a stored line was hashed over (everything before its hash field). */
    static String unhashedPart(String line) {
        int at = line.lastIndexOf(",\"hash\":\"");
        if (at < 0 || !line.endsWith("\"}")) {
            throw new IllegalArgumentException("the line has no hash");
        }
        return line.substring(0, at) + "}";
    }
}

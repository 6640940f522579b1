package org.markguard.evidence;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Payload paths: what a writer accepts, and the RFC 8493 manifest encoding (only CR, LF and '%'
 * are percent-encoded, §2.1.3). Paths are checked so that unzipping a packet on any common file
 * system recreates exactly the files listed, nowhere else.
 */
final class PayloadPath {
    private PayloadPath() {
    }

    /**
     * Checks a path relative to the payload folder.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    static String requireSafe(String path) {
        String problem = problem(path);
        if (problem != null) {
            throw new IllegalArgumentException("payload path " + quote(path) + ": " + problem);
        }
        return path;
    }

    /** What is wrong with a relative path, null when nothing is. */
    static String problem(String path) {
        if (path == null || path.isEmpty()) {
            return "empty";
        }
        if (path.startsWith("/")) {
            return "absolute";
        }
        if (path.indexOf('\\') >= 0) {
            return "contains a backslash (the separator is '/')";
        }
        if (path.length() >= 2 && path.charAt(1) == ':' && Character.isLetter(path.charAt(0))) {
            return "starts with a drive letter";
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                return "contains a control character (U+" + String.format(Locale.ROOT, "%04X", (int) c) + ")";
            }
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty()) {
                return "has an empty segment (leading, trailing or doubled '/')";
            }
            if (segment.equals(".") || segment.equals("..")) {
                return "has a '" + segment + "' segment";
            }
        }
        return null;
    }

    /**
     * The form two paths share when a case-insensitive or normalising file system would store them
     * as one file (NFC, lower case).
     */
    static String collisionKey(String path) {
        return Normalizer.normalize(path, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** A path as written in a manifest line. */
    static String encode(String path) {
        return path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A manifest line's path field decoded: %0D, %0A and %25 (any case); other '%' stay as they are. */
    static String decode(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '%' && i + 2 < field.length()) {
                String code = field.substring(i + 1, i + 3).toUpperCase(Locale.ROOT);
                char decoded = switch (code) {
                    case "0D" -> '\r';
                    case "0A" -> '\n';
                    case "25" -> '%';
                    default -> 0;
                };
                if (decoded != 0) {
                    out.append(decoded);
                    i += 2;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    static String quote(String path) {
        return path == null ? "null" : "\"" + path.replace("\r", "\\r").replace("\n", "\\n") + "\"";
    }
}

package org.markguard.crawl;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Keeps a crawl out of crawler traps: endless calendars and paging, session ids that make every
 * URL new, paths that grow forever. maxDepth bounds any chain; this catches what stays shallow.
 */
final class TrapGuard {
    static final int MAX_URL_LENGTH = 1024;
    static final int MAX_PATH_SEGMENTS = 12;
    static final int MAX_SEGMENT_REPEATS = 2;
    /** Pages of one URL shape (digits masked) per crawl: a calendar has one shape and no end. */
    static final int MAX_PER_SHAPE = 20_000;

    private static final Pattern SESSION_IN_PATH = Pattern.compile("(?i);(jsessionid|phpsessid|sid|sessionid)=[^/?#]*");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private final Map<String, AtomicInteger> shapes = new ConcurrentHashMap<>();

    /** The URL without a path session id (query session ids are dropped by the URL normaliser). */
    static String withoutSessionId(String url) {
        return SESSION_IN_PATH.matcher(url).replaceAll("");
    }

    /** Why the URL looks like a trap, or null when it may be visited. */
    String reject(String url) {
        if (url.length() > MAX_URL_LENGTH) {
            return "trap guard: URL longer than " + MAX_URL_LENGTH + " characters";
        }
        String path;
        try {
            path = URI.create(url).getPath();
        } catch (IllegalArgumentException e) {
            return "trap guard: not a valid URL";
        }
        if (path == null) {
            return null;
        }
        String[] segments = path.split("/");
        if (segments.length > MAX_PATH_SEGMENTS + 1) {
            return "trap guard: more than " + MAX_PATH_SEGMENTS + " path segments";
        }
        Map<String, Integer> seen = new HashMap<>();
        for (String s : segments) {
            if (!s.isEmpty() && seen.merge(s, 1, Integer::sum) > MAX_SEGMENT_REPEATS) {
                return "trap guard: path segment '" + s + "' repeated";
            }
        }
        String shape = DIGITS.matcher(url).replaceAll("#");
        if (shapes.computeIfAbsent(shape, k -> new AtomicInteger()).incrementAndGet() > MAX_PER_SHAPE) {
            return "trap guard: more than " + MAX_PER_SHAPE + " URLs shaped " + shape;
        }
        return null;
    }
}

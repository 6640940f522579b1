package org.markguard.rest;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * UI login sessions, in memory (a restart logs everyone out, which is fine for a workbench). The
 * cookie holds a random 256-bit token; each session has its own CSRF token that state-changing
 * requests must echo in {@code X-CSRF-Token}.
 */
final class Sessions {
    static final String COOKIE = "MARKGUARD_SESSION";
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final int MAX_SESSIONS = 10_000;

    record Session(String token, Caller caller, String csrfToken, Instant lastUsed) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> byToken = new ConcurrentHashMap<>();
    private final Duration idle;
    private final Clock clock;

    Sessions(Duration idle, Clock clock) {
        this.idle = idle;
        this.clock = clock;
    }

    Session open(Caller caller) {
        if (byToken.size() >= MAX_SESSIONS) {
            expire();
        }
        Session s = new Session(randomToken(), caller, randomToken(), clock.instant());
        byToken.put(s.token(), s);
        return s;
    }

    /** The live session of a cookie value, its idle time renewed; empty when unknown or expired. */
    Optional<Session> find(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        Session s = byToken.get(token);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (s.lastUsed().plus(idle).isBefore(now)) {
            byToken.remove(token);
            return Optional.empty();
        }
        Session renewed = new Session(s.token(), s.caller(), s.csrfToken(), now);
        byToken.put(token, renewed);
        return Optional.of(renewed);
    }

    void close(String token) {
        if (token != null) {
            byToken.remove(token);
        }
    }

    /** Ends every session of a user (the account was deleted). */
    void closeAll(String user) {
        byToken.values().removeIf(s -> s.caller().user().equals(user));
    }

    /** Constant-time comparison, so the token cannot be guessed byte by byte from timings. */
    static boolean sameToken(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }

    private void expire() {
        Instant limit = clock.instant().minus(idle);
        byToken.values().removeIf(s -> s.lastUsed().isBefore(limit));
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

package org.markguard.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachedAuthenticatorTest {
    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicLong clock = new AtomicLong(1_000);
    private String password = "correct horse";

    private final Authenticator realm = (user, pw) -> {
        logins.incrementAndGet();
        return new String(pw).equals(password) ? Optional.of(new Caller(user, EnumSet.of(Role.ANALYST)))
                : Optional.empty();
    };

    private CachedAuthenticator cache(Duration ttl) {
        return new CachedAuthenticator(realm, ttl, clock::get);
    }

    @Test
    void aRepeatedGoodLoginIsAnsweredWithoutTheRealmUntilItExpires() {
        CachedAuthenticator auth = cache(Duration.ofSeconds(30));
        assertTrue(auth.authenticate("an", "correct horse".toCharArray()).isPresent());
        assertTrue(auth.authenticate("an", "correct horse".toCharArray()).isPresent());
        assertEquals(1, logins.get());
        clock.addAndGet(Duration.ofSeconds(31).toNanos());
        assertTrue(auth.authenticate("an", "correct horse".toCharArray()).isPresent());
        assertEquals(2, logins.get(), "expired: asked the realm again");
    }

    @Test
    void aWrongPasswordIsNeverAnsweredFromTheCacheAndEvictsTheEntry() {
        CachedAuthenticator auth = cache(Duration.ofSeconds(30));
        auth.authenticate("an", "correct horse".toCharArray());
        assertFalse(auth.authenticate("an", "wrong horse".toCharArray()).isPresent());
        assertFalse(auth.authenticate("an", "correct horsE".toCharArray()).isPresent());
        assertEquals(3, logins.get());
        password = "changed elsewhere";
        assertFalse(auth.authenticate("an", "correct horse".toCharArray()).isPresent(),
                "after a failure the old password is checked by the realm again");
    }

    @Test
    void aForgottenUserAndAZeroTtlGoToTheRealm() {
        CachedAuthenticator auth = cache(Duration.ofSeconds(30));
        auth.authenticate("an", "correct horse".toCharArray());
        auth.forget("an");
        password = "new password";
        assertFalse(auth.authenticate("an", "correct horse".toCharArray()).isPresent());
        CachedAuthenticator off = cache(Duration.ZERO);
        off.authenticate("bo", "new password".toCharArray());
        off.authenticate("bo", "new password".toCharArray());
        assertEquals(4, logins.get());
    }

    @Test
    void usersAreKeptApart() {
        CachedAuthenticator auth = cache(Duration.ofSeconds(30));
        assertEquals("an", auth.authenticate("an", "correct horse".toCharArray()).orElseThrow().user());
        assertEquals("bo", auth.authenticate("bo", "correct horse".toCharArray()).orElseThrow().user());
        assertEquals(2, logins.get());
    }
}

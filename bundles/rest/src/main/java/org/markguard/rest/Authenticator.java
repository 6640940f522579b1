package org.markguard.rest;

import java.util.Optional;

/** Checks a user name and password. */
interface Authenticator {
    /** The caller with its markguard roles, or empty when the credentials are wrong. */
    Optional<Caller> authenticate(String user, char[] password);

    /** Drops anything remembered about a user whose account or roles just changed. */
    default void forget(String user) {
    }
}

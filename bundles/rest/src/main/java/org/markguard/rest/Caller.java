package org.markguard.rest;

import java.util.Set;

/** The authenticated user of one request. */
record Caller(String user, Set<Role> roles) {
    boolean hasAny(Set<Role> wanted) {
        return roles.stream().anyMatch(wanted::contains);
    }
}

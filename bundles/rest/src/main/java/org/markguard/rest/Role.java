package org.markguard.rest;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The three markguard roles, as JAAS role principal names. */
enum Role {
    ADMIN,
    ANALYST,
    ENFORCEMENT;

    static final Set<Role> ANY = EnumSet.allOf(Role.class);
    static final Set<Role> ADMIN_ONLY = EnumSet.of(ADMIN);

    String principalName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

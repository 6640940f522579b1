package org.markguard.api;

import java.time.Instant;

/**
 * One entry of the audit trail.
 *
 * @param seq position in the trail, from 1
 * @param at when
 * @param user who did it ("-" for the system or an unknown user)
 * @param action what, e.g. {@code login}, {@code review.CONFIRMED}, {@code registry.replace}
 * @param target what it was done to (a listing id, a user name, a registry), may be empty
 * @param detail a short free text, may be empty
 * @param hash hex SHA-256 chaining this entry to the one before it
 */
public record AuditEvent(long seq, Instant at, String user, String action, String target, String detail,
                         String hash) {
}

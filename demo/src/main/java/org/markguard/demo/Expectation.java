package org.markguard.demo;

import org.markguard.api.FindingKind;

/** What a correct detector should flag on a listing: a kind of right and the registry entry id. */
record Expectation(FindingKind kind, String subject) {
}

package org.markguard.api;

import java.util.Locale;

/**
 * What a reviewer asks to record, checked on construction so that a bad request changes nothing.
 *
 * @param decision what is decided (or that the listing is assigned / annotated)
 * @param kind the infringement kind, required with {@link ReviewDecision#CONFIRMED}
 * @param reason why a flag is dismissed, required with {@link ReviewDecision#DISMISSED}
 * @param note free text, required with {@link ReviewDecision#NOTED} and with reason OTHER
 * @param assignee a user name, required with {@link ReviewDecision#ASSIGNED}
 */
public record ReviewRequest(ReviewDecision decision, FindingKind kind, DismissReason reason, String note,
                            String assignee) {
    public static final int MAX_NOTE_LENGTH = 4000;

    public ReviewRequest {
        if (decision == null) {
            throw new IllegalArgumentException("decision is required: one of " + java.util.List.of(ReviewDecision.values()));
        }
        note = blankToNull(note);
        assignee = blankToNull(assignee);
        if (note != null && note.length() > MAX_NOTE_LENGTH) {
            throw new IllegalArgumentException("note is longer than " + MAX_NOTE_LENGTH + " characters");
        }
        if (decision == ReviewDecision.CONFIRMED && kind == null) {
            throw new IllegalArgumentException("kind is required with CONFIRMED (the infringement kind)");
        }
        if (decision != ReviewDecision.CONFIRMED && kind != null) {
            throw new IllegalArgumentException("kind applies only to CONFIRMED");
        }
        if (decision == ReviewDecision.DISMISSED && reason == null) {
            throw new IllegalArgumentException("reason is required with DISMISSED: one of OFFICIAL_SELLER, "
                    + "LAWFUL_DESCRIPTIVE_USE, WRONG_BRAND, OTHER");
        }
        if (decision != ReviewDecision.DISMISSED && reason != null) {
            throw new IllegalArgumentException("reason applies only to DISMISSED");
        }
        if (reason == DismissReason.OTHER && note == null) {
            throw new IllegalArgumentException("note is required when the reason is OTHER");
        }
        if ((decision == ReviewDecision.NOTED || decision == ReviewDecision.TAKEDOWN_SUBMITTED
                || decision == ReviewDecision.TAKEDOWN_ANSWERED) && note == null) {
            throw new IllegalArgumentException("note is required with " + decision
                    + (decision == ReviewDecision.NOTED ? "" : " (the platform's reference or answer)"));
        }
        if (decision == ReviewDecision.ASSIGNED && assignee == null) {
            throw new IllegalArgumentException("assignee is required with ASSIGNED");
        }
        if (assignee != null && !assignee.matches("[a-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("assignee is not a user name: '" + assignee.toLowerCase(Locale.ROOT) + "'");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

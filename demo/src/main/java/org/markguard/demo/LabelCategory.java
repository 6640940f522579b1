package org.markguard.demo;

/** The ground-truth class of a generated listing, as written to the labels. */
enum LabelCategory {
    /** A registry brand sold by a non-official seller, usually far below the reference price. */
    COUNTERFEIT,
    /** A registry brand sold by one of its official sellers at a normal price. */
    GENUINE,
    /** A registered indication used by a seller outside its region (with or without "kiểu …"). */
    GI_MISUSE,
    /** A registered indication sold by a seller located in its region. */
    GI_GENUINE,
    /** Text that looks suspicious to a naive matcher but is not an infringement. */
    HARD_NEGATIVE,
    /** Ordinary unbranded goods. */
    PLAIN,
    /** Markup and script payloads in title and description; may also be a counterfeit. */
    HOSTILE,
    /**
     * A group post that sells nothing (news, a review, a question) although it names brands or
     * indications; only on the Facebook-like platform, labelled {@code "offer":false}.
     */
    NOT_OFFER
}

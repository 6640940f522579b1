package org.markguard.detect.trademark;

/** The listing fields the trademark detector reads, named as in evidence spans. */
final class Fields {
    static final String TITLE = "title";
    static final String DESCRIPTION = "description";
    static final String BRAND = "details.brand";
    static final String IMAGE_ALT = "details.imageAlts";

    private Fields() {
    }
}

package org.markguard.api;

/** What a finding says is infringed. GI, collective and certification marks are distinct rights. */
public enum FindingKind {
    TRADEMARK,
    GEOGRAPHICAL_INDICATION,
    COLLECTIVE_MARK,
    CERTIFICATION_MARK,
    OTHER
}

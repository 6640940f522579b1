package org.markguard.evidence.builder;

/** A packet cannot be made for a reason the requester can act on; its message becomes the FAILED status. */
final class PacketException extends Exception {
    private static final long serialVersionUID = 1L;

    PacketException(String message) {
        super(message);
    }
}

package org.markguard.api;

/** What a detector may read besides the listing: the registries in force right now. */
public interface DetectionContext {

    /** The registries in force; replaced as a whole when an admin uploads a new one. */
    Registries registries();
}

package org.markguard.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a detector may read besides the listing: the registries in force right now, and the folded
 * form of the listing's texts (shared by all detectors of one listing, so each text is folded once).
 */
public interface DetectionContext {

    /** The registries in force; replaced as a whole when an admin uploads a new one. */
    Registries registries();

    /** The folded form of a text of the listing; the same instance for the same text during one assessment. */
    default FoldedText fold(String text) {
        return FoldedText.of(text);
    }

    /**
     * A context for assessing one listing: registries as given, and folded texts computed once
     * and shared by every detector (which may run on different threads).
     */
    static DetectionContext forOneListing(Registries registries) {
        Map<String, FoldedText> folded = new ConcurrentHashMap<>();
        return new DetectionContext() {
            @Override
            public Registries registries() {
                return registries;
            }

            @Override
            public FoldedText fold(String text) {
                return folded.computeIfAbsent(text == null ? "" : text, FoldedText::of);
            }
        };
    }
}

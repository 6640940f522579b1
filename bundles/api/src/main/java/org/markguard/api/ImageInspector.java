package org.markguard.api;

/**
 * Reads a fetched product photo: its perceptual hash and metadata. Implemented by the extract
 * bundle; used by the crawler for the images of each listing it extracts.
 */
public interface ImageInspector {

    /**
     * Inspects image bytes. Never throws for bad input: bytes that are not an image give facts
     * with a null hash and a warning.
     *
     * @param url where the bytes came from (recorded in the facts)
     * @param contentType the Content-Type header received, may be null
     * @param bytes the bytes as received (the caller caps their size)
     */
    ImageFacts inspect(String url, String contentType, byte[] bytes);
}

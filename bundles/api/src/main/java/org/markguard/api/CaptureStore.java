package org.markguard.api;

import java.io.IOException;
import java.util.Optional;

/**
 * Keeps raw captures of fetched pages (WARC request and response records, exact bytes, headers and
 * fetch time) for evidence. Implemented by the capture bundle.
 */
public interface CaptureStore {

    /**
     * Writes one exchange durably.
     *
     * @return the capture reference to store on the listing ({@link Listing#captureRef()}); opaque,
     *     stable, and readable back with {@link #read}
     */
    String store(HttpExchange exchange) throws IOException;

    /** Reads a capture back, byte for byte; empty when the reference is unknown. */
    Optional<HttpExchange> read(String captureRef) throws IOException;
}

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

    /**
     * Writes a capture as a WARC file of its own, for an evidence packet: the {@code warcinfo}
     * record of the file it was written to, then its response and request records, every record
     * copied byte for byte (dates, IP address and digests as recorded at crawl time).
     *
     * @return false when the reference is unknown
     */
    default boolean copyRecords(String captureRef, java.io.OutputStream out) throws IOException {
        throw new UnsupportedOperationException(getClass().getName() + " cannot copy raw records");
    }
}

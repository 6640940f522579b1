package org.markguard.api;

import java.util.List;
import java.util.Map;

/**
 * What one fetched product photo says.
 *
 * @param url where the image was fetched
 * @param perceptualHash 64-bit difference hash as 16 lower-case hex digits: equal for the same
 *     photo re-encoded, resized or lightly recompressed, so accounts reposting one photo can be linked;
 *     null when the bytes are not a decodable image
 * @param width pixel width, 0 when unknown
 * @param height pixel height, 0 when unknown
 * @param metadata EXIF and similar metadata worth keeping as evidence (camera make and model,
 *     date taken, GPS position, description), keys as named by the inspector; hostile text like
 *     anything crawled
 * @param warnings why something could not be read (truncated, not an image, too large)
 */
public record ImageFacts(String url, String perceptualHash, int width, int height, Map<String, String> metadata,
                         List<String> warnings) {
    public ImageFacts {
        metadata = Map.copyOf(metadata == null ? Map.of() : metadata);
        warnings = List.copyOf(warnings == null ? List.of() : warnings);
    }
}

package org.markguard.extract.images;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.markguard.api.ImageFacts;
import org.markguard.api.ImageInspector;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The {@link ImageInspector} service: difference hash and size through {@link BoundedDecoder},
 * EXIF through {@link PhotoMetadata}. Image bytes come from crawled sites and are hostile; nothing
 * here throws for them.
 */
@Component(service = ImageInspector.class, configurationPid = ImageInspectorComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ImageInspectorConfig.class)
public class ImageInspectorComponent implements ImageInspector {
    static final String PID = "org.markguard.extract.images";
    /** 40 megapixels: above any phone camera, far below what a decompression bomb declares. */
    static final long DEFAULT_MAX_PIXELS = 40_000_000L;
    /** Hashing needs no more than about a megapixel; decoding less keeps memory per image small. */
    static final long DEFAULT_DECODE_PIXELS = 1_000_000L;
    static final int DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
    static final int DEFAULT_MAX_VALUE_CHARS = 512;

    private volatile Settings settings = new Settings(DEFAULT_MAX_PIXELS, DEFAULT_DECODE_PIXELS, DEFAULT_MAX_BYTES,
            DEFAULT_MAX_VALUE_CHARS);

    private record Settings(BoundedDecoder decoder, PhotoMetadata metadata, int maxBytes) {
        Settings(long maxPixels, long decodePixels, int maxBytes, int maxValueChars) {
            this(new BoundedDecoder(Math.max(1, maxPixels), Math.max(1, decodePixels)),
                    new PhotoMetadata(Math.max(1, maxValueChars)), Math.max(1, maxBytes));
        }
    }

    public ImageInspectorComponent() {
    }

    @Activate
    @Modified
    void configure(ImageInspectorConfig config) {
        settings = new Settings(config.maxPixels(), config.decodePixels(), config.maxBytes(),
                config.maxMetadataValueChars());
    }

    @Override
    public ImageFacts inspect(String url, String contentType, byte[] bytes) {
        Settings s = settings;
        List<String> warnings = new ArrayList<>();
        if (bytes == null || bytes.length == 0) {
            return new ImageFacts(url, null, 0, 0, Map.of(), List.of("no bytes"));
        }
        if (bytes.length > s.maxBytes()) {
            return new ImageFacts(url, null, 0, 0, Map.of(),
                    List.of("refused: " + bytes.length + " bytes, more than the cap of " + s.maxBytes()));
        }
        try {
            BoundedDecoder.Decoded decoded = s.decoder().decode(bytes);
            String hash = null;
            if (decoded.image() != null) {
                hash = DifferenceHash.of(decoded.image());
            } else {
                warnings.add(decoded.warning());
            }
            // a refused bomb is not handed to the metadata parsers either
            Map<String, String> metadata = decoded.width() > 0 && decoded.image() == null
                    ? Map.of() : s.metadata().read(bytes, warnings);
            if (contentType != null && !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("image/")) {
                warnings.add("served as " + contentType);
            }
            return new ImageFacts(url, hash, decoded.width(), decoded.height(), metadata, warnings);
        } catch (RuntimeException | LinkageError e) {
            warnings.add("not inspected: " + BoundedDecoder.shortly(e));
            return new ImageFacts(url, null, 0, 0, Map.of(), warnings);
        }
    }
}

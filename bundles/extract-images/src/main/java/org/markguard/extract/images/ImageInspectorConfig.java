package org.markguard.extract.images;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the image inspector, PID {@code org.markguard.extract.images}; every key is optional. */
@ObjectClassDefinition(name = "markguard image inspector",
        description = "Limits for reading fetched product photos (perceptual hash and EXIF).")
public @interface ImageInspectorConfig {
    @AttributeDefinition(name = "Maximum pixels",
            description = "Images declaring more pixels (width × height) are refused before decoding.")
    long maxPixels() default ImageInspectorComponent.DEFAULT_MAX_PIXELS;

    @AttributeDefinition(name = "Decoded pixels",
            description = "Larger images are decoded subsampled to about this many pixels.")
    long decodePixels() default ImageInspectorComponent.DEFAULT_DECODE_PIXELS;

    @AttributeDefinition(name = "Maximum bytes",
            description = "Images larger than this many bytes are not read at all.")
    int maxBytes() default ImageInspectorComponent.DEFAULT_MAX_BYTES;

    @AttributeDefinition(name = "Maximum metadata value length",
            description = "Each kept EXIF value is cut to this many characters.")
    int maxMetadataValueChars() default ImageInspectorComponent.DEFAULT_MAX_VALUE_CHARS;
}

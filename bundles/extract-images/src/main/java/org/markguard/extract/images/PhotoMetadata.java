package org.markguard.extract.images;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Property;
import org.apache.tika.metadata.TIFF;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.image.HeifParser;
import org.apache.tika.parser.image.JpegParser;
import org.apache.tika.parser.image.TiffParser;
import org.apache.tika.parser.image.WebPParser;
import org.apache.tika.sax.BodyContentHandler;

/**
 * The EXIF facts worth keeping as evidence (camera, date taken, GPS position, description), read
 * with Tika's image parsers. The parser is chosen from the file's magic bytes, not from the
 * Content-Type a hostile server sends, and each value is capped and stripped of control characters.
 */
final class PhotoMetadata {
    /** Output key → the Tika properties it is read from, first present wins. */
    private static final Map<String, List<Property>> KEPT = keptProperties();
    /** Image parsers put no body text; the write limit only guards against a parser that would. */
    private static final int BODY_WRITE_LIMIT = 10_000;

    private final int maxValueChars;

    PhotoMetadata(int maxValueChars) {
        this.maxValueChars = maxValueChars;
    }

    private static Map<String, List<Property>> keptProperties() {
        Map<String, List<Property>> kept = new LinkedHashMap<>();
        kept.put("make", List.of(TIFF.EQUIPMENT_MAKE));
        kept.put("model", List.of(TIFF.EQUIPMENT_MODEL));
        kept.put("dateTaken", List.of(TIFF.ORIGINAL_DATE, TikaCoreProperties.CREATED));
        kept.put("gpsLatitude", List.of(TikaCoreProperties.LATITUDE));
        kept.put("gpsLongitude", List.of(TikaCoreProperties.LONGITUDE));
        kept.put("description", List.of(TikaCoreProperties.DESCRIPTION));
        return kept;
    }

    /** The kept facts, empty when the format has no EXIF parser here; a parse problem goes to {@code warnings}. */
    Map<String, String> read(byte[] bytes, List<String> warnings) {
        Parser parser = parserFor(bytes);
        if (parser == null || parser instanceof JpegParser && !jpegHasMetadataSegments(bytes)) {
            return Map.of();
        }
        Metadata metadata = new Metadata();
        try {
            parser.parse(new ByteArrayInputStream(bytes), new BodyContentHandler(BODY_WRITE_LIMIT), metadata,
                    new ParseContext());
        } catch (Exception | LinkageError e) {
            // metadata read before the failure is still kept below
            warnings.add("metadata not fully read: " + BoundedDecoder.shortly(e));
        }
        Map<String, String> kept = new LinkedHashMap<>();
        KEPT.forEach((key, properties) -> {
            for (Property p : properties) {
                String value = clean(metadata.get(p));
                if (value != null) {
                    kept.put(key, value);
                    return;
                }
            }
        });
        return kept;
    }

    /** Tika's parser for the format the bytes start with, or null (PNG and GIF rarely carry EXIF). */
    static Parser parserFor(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return new JpegParser();
        }
        if (b.length >= 4 && (b[0] == 'I' && b[1] == 'I' && b[2] == 42 && b[3] == 0
                || b[0] == 'M' && b[1] == 'M' && b[2] == 0 && b[3] == 42)) {
            return new TiffParser();
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return new WebPParser();
        }
        if (b.length >= 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p'
                && (b[8] == 'h' && b[9] == 'e' || b[8] == 'm' && b[9] == 'i' && b[10] == 'f')) {
            return new HeifParser();
        }
        return null;
    }

    /**
     * Whether a JPEG has a segment any kept fact could come from: APP1 (EXIF, XMP), APP13 (IPTC),
     * any other application segment but JFIF (APP0) and ICC profiles (APP2), or a comment. Most product
     * photos have none (marketplaces strip EXIF) and then Tika's parse, a third of the cost of reading
     * a photo, finds nothing. A JPEG whose segments cannot be walked is handed to Tika.
     */
    static boolean jpegHasMetadataSegments(byte[] b) {
        int i = 2; // after SOI
        while (i + 4 <= b.length) {
            if ((b[i] & 0xff) != 0xFF) {
                return true; // not a marker where one must be: let Tika judge
            }
            int marker = b[i + 1] & 0xff;
            if (marker == 0xFF) {
                i++; // fill byte
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return false; // start of scan or end of image: metadata segments come before
            }
            if (marker >= 0xE0 && marker <= 0xEF && marker != 0xE0 && marker != 0xE2 || marker == 0xFE) {
                return true;
            }
            if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
                i += 2; // markers without a length
                continue;
            }
            int length = (b[i + 2] & 0xff) << 8 | b[i + 3] & 0xff;
            if (length < 2) {
                return true;
            }
            i += 2 + length;
        }
        return true; // cut off before the scan: let Tika judge
    }

    /** Trimmed, without control characters, at most {@code maxValueChars}; null when nothing is left. */
    private String clean(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), maxValueChars));
        for (int i = 0; i < value.length() && out.length() < maxValueChars; i++) {
            char c = value.charAt(i);
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        String text = out.toString().strip();
        return text.isEmpty() ? null : text;
    }
}

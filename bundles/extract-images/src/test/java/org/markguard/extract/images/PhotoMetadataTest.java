package org.markguard.extract.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TIFF;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.image.JpegParser;
import org.apache.tika.sax.BodyContentHandler;
import org.junit.jupiter.api.Test;

/** Which JPEGs are handed to Tika for their metadata, and that the others could not have had any. */
class PhotoMetadataTest {
    private static final byte[] EXIF = ExifSegment.payload("Canon", "EOS 80D", "Hang chinh hang",
            "2025:05:14 09:30:00", new int[] {21, 1, 30}, new int[] {105, 51, 0});

    private static byte[] plainJpeg() {
        return TestImages.jpeg(TestImages.scene(5, 120, 90), 0.8f); // JFIF (APP0) only, as javax.imageio writes it
    }

    /** The JPEG with a segment inserted after its JFIF segment, where cameras and editors often put EXIF. */
    private static byte[] withSegmentAfterJfif(byte[] jpeg, int marker, byte[] payload) {
        int jfifEnd = 4 + ((jpeg[4] & 0xff) << 8 | jpeg[5] & 0xff);
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + payload.length + 4);
        out.put(jpeg, 0, jfifEnd);
        out.put((byte) 0xFF).put((byte) marker).putShort((short) (payload.length + 2)).put(payload);
        out.put(jpeg, jfifEnd, jpeg.length - jfifEnd);
        return out.array();
    }

    @Test
    void aJpegWithOnlyJfifHasNoSegmentToReadAndTikaFindsNothingInIt() throws Exception {
        byte[] jpeg = plainJpeg();
        assertEquals(0xE0, jpeg[3] & 0xff, "the test JPEG starts with a JFIF segment");
        assertFalse(PhotoMetadata.jpegHasMetadataSegments(jpeg));
        Metadata tika = new Metadata();
        new JpegParser().parse(new ByteArrayInputStream(jpeg), new BodyContentHandler(), tika, new ParseContext());
        for (var p : List.of(TIFF.EQUIPMENT_MAKE, TIFF.EQUIPMENT_MODEL, TIFF.ORIGINAL_DATE, TikaCoreProperties.CREATED,
                TikaCoreProperties.LATITUDE, TikaCoreProperties.LONGITUDE, TikaCoreProperties.DESCRIPTION)) {
            assertNull(tika.get(p), p.getName());
        }
        assertEquals(0, new PhotoMetadata(512).read(jpeg, new ArrayList<>()).size());
    }

    @Test
    void exifAfterTheJfifSegmentIsStillRead() {
        byte[] jpeg = withSegmentAfterJfif(plainJpeg(), 0xE1, EXIF);
        assertTrue(PhotoMetadata.jpegHasMetadataSegments(jpeg));
        List<String> warnings = new ArrayList<>();
        var facts = new PhotoMetadata(512).read(jpeg, warnings);
        assertEquals("Canon", facts.get("make"), facts + " " + warnings);
        assertEquals("Hang chinh hang", facts.get("description"));
    }

    @Test
    void commentsIptcAndOtherApplicationSegmentsGoToTikaIccProfilesDoNot() {
        byte[] jpeg = plainJpeg();
        assertTrue(PhotoMetadata.jpegHasMetadataSegments(withSegmentAfterJfif(jpeg, 0xFE, "shop".getBytes())));
        assertTrue(PhotoMetadata.jpegHasMetadataSegments(withSegmentAfterJfif(jpeg, 0xED, new byte[20])));
        assertTrue(PhotoMetadata.jpegHasMetadataSegments(withSegmentAfterJfif(jpeg, 0xEE, new byte[12])));
        assertFalse(PhotoMetadata.jpegHasMetadataSegments(withSegmentAfterJfif(jpeg, 0xE2, new byte[40])));
    }

    @Test
    void aJpegWhoseSegmentsCannotBeWalkedGoesToTika() {
        byte[] jpeg = plainJpeg();
        assertTrue(PhotoMetadata.jpegHasMetadataSegments(Arrays.copyOf(jpeg, 10)), "cut off before the scan");
        byte[] broken = jpeg.clone();
        broken[4] = 0;
        broken[5] = 1; // a segment length below 2
        assertTrue(PhotoMetadata.jpegHasMetadataSegments(broken));
        byte[] noMarker = jpeg.clone();
        noMarker[2] = 0x00;
        assertTrue(PhotoMetadata.jpegHasMetadataSegments(noMarker));
    }
}

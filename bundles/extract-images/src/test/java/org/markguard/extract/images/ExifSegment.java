package org.markguard.extract.images;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the payload of a JPEG APP1 "Exif" segment (a big-endian TIFF structure) with camera,
 * description, date taken and a GPS position, so the tests have a photo with known EXIF without
 * shipping one.
 */
final class ExifSegment {
    private static final short ASCII = 2;
    private static final short LONG = 4;
    private static final short RATIONAL = 5;

    private record Entry(int tag, short type, int count, byte[] value) {
    }

    private ExifSegment() {
    }

    /** Latitude and longitude in degrees, minutes, seconds (whole numbers), north and east. */
    static byte[] payload(String make, String model, String description, String dateTaken,
                          int[] latitudeDms, int[] longitudeDms) {
        List<Entry> gps = List.of(ascii(0x0001, "N"), rationals(0x0002, latitudeDms),
                ascii(0x0003, "E"), rationals(0x0004, longitudeDms));
        List<Entry> exif = List.of(ascii(0x9003, dateTaken));
        // offsets are from the start of the TIFF header; IFD0 at 8, then the Exif and GPS IFDs
        int ifd0Size = ifdSize(List.of(ascii(0x010E, description), ascii(0x010F, make), ascii(0x0110, model),
                longValue(0x8769, 0), longValue(0x8825, 0)));
        int exifOffset = 8 + ifd0Size;
        int gpsOffset = exifOffset + ifdSize(exif);
        List<Entry> ifd0 = List.of(ascii(0x010E, description), ascii(0x010F, make), ascii(0x0110, model),
                longValue(0x8769, exifOffset), longValue(0x8825, gpsOffset));
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        tiff.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
        writeIfd(tiff, ifd0, 8);
        writeIfd(tiff, exif, exifOffset);
        writeIfd(tiff, gps, gpsOffset);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(tiff.toByteArray());
        return out.toByteArray();
    }

    private static Entry ascii(int tag, String text) {
        byte[] bytes = (text + "\0").getBytes(StandardCharsets.US_ASCII);
        return new Entry(tag, ASCII, bytes.length, bytes);
    }

    private static Entry longValue(int tag, int value) {
        return new Entry(tag, LONG, 1, ByteBuffer.allocate(4).putInt(value).array());
    }

    private static Entry rationals(int tag, int[] wholes) {
        ByteBuffer b = ByteBuffer.allocate(8 * wholes.length);
        for (int w : wholes) {
            b.putInt(w).putInt(1);
        }
        return new Entry(tag, RATIONAL, wholes.length, b.array());
    }

    /** Entry table plus the out-of-line values (those over 4 bytes), each padded to even length. */
    private static int ifdSize(List<Entry> entries) {
        int size = 2 + 12 * entries.size() + 4;
        for (Entry e : entries) {
            if (e.value().length > 4) {
                size += e.value().length + (e.value().length & 1);
            }
        }
        return size;
    }

    private static void writeIfd(ByteArrayOutputStream out, List<Entry> entries, int offset) {
        int data = offset + 2 + 12 * entries.size() + 4;
        ByteBuffer table = ByteBuffer.allocate(2 + 12 * entries.size() + 4);
        List<byte[]> outOfLine = new ArrayList<>();
        table.putShort((short) entries.size());
        for (Entry e : entries) {
            table.putShort((short) e.tag()).putShort(e.type()).putInt(e.count());
            if (e.value().length <= 4) {
                table.put(java.util.Arrays.copyOf(e.value(), 4));
            } else {
                table.putInt(data);
                byte[] padded = java.util.Arrays.copyOf(e.value(), e.value().length + (e.value().length & 1));
                outOfLine.add(padded);
                data += padded.length;
            }
        }
        table.putInt(0);
        out.writeBytes(table.array());
        outOfLine.forEach(out::writeBytes);
    }
}

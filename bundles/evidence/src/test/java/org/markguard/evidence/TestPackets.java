package org.markguard.evidence;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** Writes the packets the tests verify, with payload shaped like real evidence. */
final class TestPackets {
    static final String ID = "mg-2024-05-06-0001";
    static final String CAPTURE = "captures/markguard-20240506070809-00001.warc.gz";
    static final String WARCIO_CAPTURE = "captures/warcio-post-test.warc.gz";
    static final String SCREENSHOT = "screenshots/listing 1.png";
    static final String LISTING = "listings/nước mắm #1 (genuine?).json";
    static final String EMPTY = "notes/empty.txt";
    static final List<String> PAYLOAD = List.of(CAPTURE, WARCIO_CAPTURE, SCREENSHOT, LISTING, EMPTY);

    private TestPackets() {
    }

    static Map<String, String> bagInfo() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("Source-Organization", "Chi cục Quản lý thị trường tỉnh Kiên Giang");
        info.put("Contact-Name", "Nguyễn Văn An");
        info.put("External-Description", "Listings flagged for the geographical indication Phú Quốc");
        return info;
    }

    /** The standard test packet: two WARCs (one made with jwarc, one from warcio), a PNG, JSON, an empty file. */
    static Path write(Path directory, EvidenceSigner signer, TimeStamper tsa) throws IOException {
        Files.createDirectories(directory);
        Path warc = TestWarcs.writeCapture(Files.createTempDirectory(directory, "warc").resolve("capture.warc.gz"));
        Path zip = directory.resolve(ID + ".zip");
        try (OutputStream out = Files.newOutputStream(zip)) {
            PacketWriter writer = new PacketWriter(out, ID, bagInfo());
            writer.addPayload(CAPTURE, warc);
            writer.addPayload(WARCIO_CAPTURE, Fixtures.warcio("post-test.warc.gz"));
            try (OutputStream png = writer.payload(SCREENSHOT)) {
                png.write(png());
            }
            writer.addPayload(LISTING, new java.io.ByteArrayInputStream(
                    "{\"title\":\"Nước mắm Phú Quốc\",\"price\":45000}".getBytes(StandardCharsets.UTF_8)));
            writer.addPayload(EMPTY, new java.io.ByteArrayInputStream(new byte[0]));
            writer.finish(signer, tsa);
        }
        return zip;
    }

    /** A packet of the given payload files (path under data/ → file). */
    static Path writeFiles(Path zip, EvidenceSigner signer, Map<String, Path> payload) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip)) {
            PacketWriter writer = new PacketWriter(out, ID, Map.of());
            for (Map.Entry<String, Path> file : payload.entrySet()) {
                writer.addPayload(file.getKey(), file.getValue());
            }
            writer.finish(signer, null);
        }
        return zip;
    }

    /** A small real PNG, as a screenshot would be. */
    static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, 64, 32);
        g.setColor(Color.BLUE);
        g.fillRect(8, 8, 20, 12);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}

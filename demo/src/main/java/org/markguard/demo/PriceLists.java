package org.markguard.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The PDF price lists ("bảng giá") that producers link from their Shopee-like shop page: a heading,
 * a few product lines "name …… price", and a contact line, in Vietnamese with an embedded TrueType
 * font (DejaVu Sans, Debian package fonts-dejavu-core). Drawn from the seed and the seller.
 */
final class PriceLists {
    static final String FILE_NAME = "bang-gia.pdf";
    static final Path FONT = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    private static final List<String> VARIANTS = List.of("loại đặc biệt", "loại 1", "hộp quà biếu", "túi 500g",
            "chai 500ml", "combo 3 sản phẩm", "gói dùng thử", "thùng 12 đơn vị");

    /** One product line as printed. */
    record Line(String title, long price, String printed) {
    }

    private final long seed;
    private final SellerDirectory sellers;

    PriceLists(long seed, SellerDirectory sellers) {
        this.seed = seed;
        this.sellers = sellers;
    }

    /** Only the Shopee-like shop pages link price lists. */
    static boolean offeredOn(PlatformStyle style) {
        return style instanceof ShopeeStyle;
    }

    /** The lines of a producer's price list, empty for a seller that has none. */
    Optional<List<Line>> lines(String sellerId) {
        return sellers.productOf(sellerId).map(product -> {
            SplittableRandom rnd = new SplittableRandom(seed * 7 + sellerId.hashCode());
            List<String> variants = new ArrayList<>(VARIANTS);
            List<Line> lines = new ArrayList<>();
            int count = 4 + rnd.nextInt(4);
            for (int i = 0; i < count; i++) {
                String title = product + " " + variants.remove(rnd.nextInt(variants.size()));
                long price = (40 + rnd.nextInt(900)) * 1000L;
                lines.add(new Line(title, price, title + " ........ " + Money.grouped(price) + "đ"));
            }
            return lines;
        });
    }

    /** The PDF bytes, the same on every request. */
    Optional<byte[]> pdf(String sellerId, String shopName) {
        return lines(sellerId).map(lines -> render(shopName, lines, seed ^ sellerId.hashCode()));
    }

    private static byte[] render(String shopName, List<Line> lines, long documentId) {
        try (PDDocument doc = new PDDocument()) {
            doc.setDocumentId(documentId); // the trailer /ID is derived from it: no clock in the bytes
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDType0Font font = PDType0Font.load(doc, Files.newInputStream(FONT));
            try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                float y = 780;
                y = write(text, font, 16, y, "BẢNG GIÁ SỈ VÀ LẺ – " + shopName);
                y = write(text, font, 10, y - 6, "Áp dụng từ tháng này, giá đã gồm VAT");
                y -= 14;
                for (Line line : lines) {
                    y = write(text, font, 12, y, line.printed());
                }
                write(text, font, 10, y - 14, "Đặt hàng: nhắn tin cho shop, giao toàn quốc.");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("price list not drawn (is fonts-dejavu-core installed?)", e);
        }
    }

    private static float write(PDPageContentStream text, PDType0Font font, float size, float y, String line)
            throws IOException {
        text.beginText();
        text.setFont(font, size);
        text.newLineAtOffset(50, y);
        text.showText(line);
        text.endText();
        return y - size * 1.6f;
    }
}

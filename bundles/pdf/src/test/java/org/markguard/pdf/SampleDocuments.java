package org.markguard.pdf;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The documents the tests write: shaped like markguard's evidence packets and agency reports. */
final class SampleDocuments {
    static final String[] PRODUCTS = {"Nước mắm Phú Quốc", "Cà phê Buôn Ma Thuột", "Hồ tiêu Chư Sê", "Vải thiều Lục Ngạn"};
    static final String STACKED = "Đặng Nguyễn mỗi Sự Mỹ: ặ ễ ỗ ự ỹ, ĐẶC SẢN";
    static final int TABLE_ROWS = 200;
    static final String VI_TITLE = "Gói chứng cứ — sản phẩm nghi vi phạm chỉ dẫn địa lý";

    private SampleDocuments() {
    }

    static String nfd(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD);
    }

    static String rowCode(int row) {
        return String.format(Locale.ROOT, "R%04d", row);
    }

    /**
     * Page 1: headings, paragraphs (NFC and NFD), a label/value table. Then a 200-row table from page
     * 2, and an image with a bar chart on the page after it.
     */
    static PdfDocument vietnamese(byte[] png) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(1, "Tóm tắt"));
        blocks.add(new Block.Paragraph(PRODUCTS[0] + " là chỉ dẫn địa lý được bảo hộ; tin đăng dưới đây dùng tên này "
                + "cho sản phẩm không rõ nguồn gốc."));
        blocks.add(new Block.Heading(2, "Các chỉ dẫn địa lý liên quan"));
        blocks.add(new Block.Paragraph(PRODUCTS[1] + " (NFC)."));
        blocks.add(new Block.Paragraph(nfd(PRODUCTS[2] + " và " + PRODUCTS[3] + " (NFD).")));
        blocks.add(new Block.Paragraph(STACKED));
        blocks.add(new Block.Paragraph(nfd("Dấu chồng NFD: Nghệ Ỷ Lại ặ ễ ỗ ự ỹ")));
        blocks.add(new Block.Heading(2, "Tin đăng"));
        blocks.add(listingFacts(1));
        blocks.add(new Block.PageBreak());
        blocks.add(new Block.Heading(2, "Danh sách tin đăng"));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= TABLE_ROWS; i++) {
            rows.add(List.of(rowCode(i), PRODUCTS[i % PRODUCTS.length], "Cửa hàng đặc sản số " + i,
                    String.format(Locale.ROOT, "%d.000", 100 + i)));
        }
        blocks.add(new Block.Table(List.of("Mã", "Tên sản phẩm", "Người bán", "Giá (₫)"), rows, List.of(1f, 3f, 3f, 1.4f)));
        blocks.add(new Block.PageBreak());
        blocks.add(new Block.Image(png, "Ảnh chụp trang tin đăng lúc thu thập", 300));
        blocks.add(new Block.BarChart("Số tin đăng theo chỉ dẫn địa lý", List.of(PRODUCTS),
                List.of(new double[] {42, 17, 9, 23}, new double[] {30, 20, 4, 25}), List.of("Kỳ này", "Kỳ trước")));
        return new PdfDocument(VI_TITLE, Locale.forLanguageTag("vi"), "Gói EP-2025-0042 · sha256 3f9a1c…", blocks);
    }

    /** The label/value facts of one listing, as an evidence packet prints them. */
    static Block.KeyValues listingFacts(int listing) {
        return new Block.KeyValues(List.of(
                Map.entry("URL", "https://shopee.vn/nuoc-mam-phu-quoc-40-do-dam-500ml-i." + (123456789 + listing)
                        + "?sp_atk=8f0e1d2c-3b4a-5968-7a8b-9c0d1e2f3a4b&xptdk=8f0e1d2c"),
                Map.entry("Nền tảng", "Shopee"),
                Map.entry("Người bán", "Đặc sản Phú Quốc chính hãng " + listing),
                Map.entry("Giá", "125.000 ₫"),
                Map.entry("Thời điểm thu thập", "2025-03-14 09:41:07 +07:00"),
                Map.entry("Phát hiện", "Dùng chỉ dẫn địa lý \"Phú Quốc\" không có chứng nhận; ảnh nhãn giống nhãn tập thể"),
                Map.entry("Người duyệt", "Nguyễn Thị Hồng Nhung"),
                Map.entry("SHA-256 (WARC)", "3f9a1c0b5e2d47a8b9c6d3e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4"),
                Map.entry("SHA-256 (ảnh)", "a0b1c2d3e4f5061728394a5b6c7d8e9f00112233445566778899aabbccddeeff")));
    }

    static PdfDocument english(byte[] png) {
        List<Block> blocks = List.of(
                new Block.Heading(1, "Summary"),
                new Block.Paragraph("Listings flagged this month for the official file office: fluffy, affluent, "
                        + "efficient wording is checked as plain text (no ligature may swallow letters)."),
                new Block.KeyValues(List.of(Map.entry("Agency", "Market Surveillance, Kien Giang"),
                        Map.entry("Period", "March 2025"))),
                new Block.Table(List.of("Platform", "Listings", "Flagged"),
                        List.of(List.of("Shopee", "1,204", "87"), List.of("Lazada", "633", "41"), List.of("TikTok Shop", "958", "112"))),
                new Block.Image(png, "Screenshot of a flagged listing"),
                new Block.BarChart("Flagged listings per platform", List.of("Shopee", "Lazada", "TikTok Shop"),
                        List.of(new double[] {87, 41, 112}, new double[] {70, 45, 60}), List.of("This period", "Baseline")));
        return new PdfDocument("Monthly enforcement report", Locale.ENGLISH, "Report R-2025-03", blocks);
    }
}

package org.markguard.demo;

import java.util.List;

/**
 * Listings that must not be flagged: hard negatives (a brand named only to say what an accessory
 * fits, a generic word that is also a brand elsewhere, a protected place name used for a hotel or
 * a tour) and plain unbranded goods. Also the hostile payloads.
 */
final class EverydayGoods {
    /** A fixed listing text with a plausible price range in VND. */
    record Template(ProductCategory category, String title, String description, long minPrice, long maxPrice) {
    }

    static final List<Template> HARD_NEGATIVES = List.of(
            // "Apple" is registered in class 9 (electronics): apples the fruit do not infringe it
            new Template(ProductCategory.FOOD, "Táo Envy Apple Mỹ size lớn giòn ngọt",
                    "Táo Envy nhập khẩu Mỹ, quả to, giòn ngọt, thùng 5kg. Hàng trái cây tươi.", 150_000, 450_000),
            new Template(ProductCategory.FOOD, "Táo Apple Gala New Zealand hộp 2kg",
                    "Táo đỏ Gala New Zealand, trái cây tươi nhập khẩu, giao nhanh trong ngày.", 89_000, 220_000),
            new Template(ProductCategory.ELECTRONICS, "Vỏ ốp silicon tương thích AirPods Pro 2",
                    "Vỏ ốp bảo vệ hộp sạc, tương thích AirPods Pro 2, có móc treo. Phụ kiện bên thứ ba.", 25_000, 79_000),
            new Template(ProductCategory.FASHION, "Áo polo nam cotton cá sấu basic",
                    "Áo polo nam vải cá sấu co giãn 4 chiều, form regular, nhiều màu.", 99_000, 259_000),
            new Template(ProductCategory.FASHION, "Áo polo nữ tay ngắn phối viền",
                    "Áo polo nữ chất thun mềm, thấm hút mồ hôi, size S đến XL.", 89_000, 199_000),
            new Template(ProductCategory.ELECTRONICS, "Ốp lưng dùng cho iPhone 15 Pro Max chống sốc",
                    "Ốp lưng silicon dẻo dùng cho iPhone 15 Pro Max. Phụ kiện của bên thứ ba, không phải sản phẩm của Apple.",
                    35_000, 120_000),
            new Template(ProductCategory.ELECTRONICS, "Sạc nhanh 25W cho Samsung Galaxy S24",
                    "Củ sạc nhanh 25W chuẩn PD, tương thích Samsung Galaxy S24, S23. Hàng phụ kiện, không phải hàng Samsung.",
                    79_000, 190_000),
            new Template(ProductCategory.ELECTRONICS, "Cáp sạc Type-C tương thích iPhone 15 dài 1m",
                    "Cáp bện dù, sạc nhanh 60W, tương thích iPhone 15 và các máy Type-C.", 29_000, 89_000),
            new Template(ProductCategory.ELECTRONICS, "Miếng dán cường lực cho iPhone 14",
                    "Kính cường lực 9H dùng cho iPhone 14, chống vân tay, tặng kèm khăn lau.", 15_000, 59_000),
            new Template(ProductCategory.ELECTRONICS, "Bao da dùng cho Galaxy Tab S9",
                    "Bao da nắp gập dùng cho máy tính bảng Galaxy Tab S9, có khe cắm bút.", 120_000, 290_000),
            new Template(ProductCategory.WATCHES, "Dây đeo dùng cho Apple Watch 41mm silicon",
                    "Dây đeo thay thế dùng cho Apple Watch series 7, 8, 9 size 41mm.", 39_000, 150_000),
            new Template(ProductCategory.TRAVEL, "Khách sạn ở Phú Quốc gần biển, phòng đôi",
                    "Phòng đôi view biển tại Dương Đông, gần chợ đêm, miễn phí đưa đón sân bay.", 650_000, 2_800_000),
            new Template(ProductCategory.TRAVEL, "Tour Đà Lạt 3 ngày 2 đêm trọn gói",
                    "Tham quan thác Datanla, hồ Tuyền Lâm, chợ đêm. Đã gồm xe giường nằm và khách sạn 3 sao.",
                    1_490_000, 3_990_000),
            new Template(ProductCategory.TRAVEL, "Vé xe giường nằm đi Buôn Ma Thuột",
                    "Xe giường nằm 34 chỗ, xuất bến mỗi tối, có nước uống và chăn đắp.", 250_000, 450_000),
            new Template(ProductCategory.TRAVEL, "Homestay Mộc Châu view đồi, ăn sáng miễn phí",
                    "Homestay nhà gỗ, phòng gia đình 4 người, có chỗ đỗ ô tô.", 450_000, 1_200_000),
            new Template(ProductCategory.TRAVEL, "Combo vé máy bay và khách sạn Huế 2 người",
                    "Combo 3 ngày 2 đêm gồm vé khứ hồi và phòng khách sạn trung tâm.", 2_990_000, 5_990_000));

    static final List<Template> PLAIN = List.of(
            new Template(ProductCategory.HOME, "Bình giữ nhiệt inox 500ml",
                    "Giữ nóng 12 giờ, giữ lạnh 24 giờ, inox 304 an toàn.", 69_000, 180_000),
            new Template(ProductCategory.HOME, "Nồi chiên không dầu 5L",
                    "Dung tích 5 lít, công suất 1500W, bảo hành 12 tháng.", 690_000, 1_590_000),
            new Template(ProductCategory.FASHION, "Quần jean nữ ống rộng lưng cao",
                    "Chất jean dày dặn, không phai màu, size 26 đến 32.", 159_000, 320_000),
            new Template(ProductCategory.FASHION, "Áo thun nam cổ tròn cotton 100%",
                    "Áo thun trơn nhiều màu, vải mát, đường may chắc chắn.", 59_000, 149_000),
            new Template(ProductCategory.BAGS, "Balo laptop chống nước 15.6 inch",
                    "Nhiều ngăn, quai đeo êm, có cổng sạc USB bên hông.", 189_000, 450_000),
            new Template(ProductCategory.HOME, "Đèn ngủ LED cảm ứng để bàn",
                    "Ba chế độ sáng, sạc USB, ánh sáng vàng dịu mắt.", 49_000, 129_000),
            new Template(ProductCategory.HOME, "Sổ tay bìa da A5 200 trang",
                    "Giấy dày định lượng 100gsm, có dây buộc và ngăn đựng bút.", 45_000, 110_000),
            new Template(ProductCategory.ELECTRONICS, "Giá đỡ điện thoại để bàn gấp gọn",
                    "Hợp kim nhôm, xoay 360 độ, vừa mọi điện thoại 4 đến 7 inch.", 39_000, 99_000),
            new Template(ProductCategory.FOOD, "Mật ong rừng nguyên chất 500ml",
                    "Mật ong khai thác tự nhiên, đóng chai thủy tinh.", 150_000, 320_000),
            new Template(ProductCategory.FOOD, "Cà phê rang xay nguyên chất 500g",
                    "Rang mộc, xay sẵn cho pha phin, hạn dùng 12 tháng.", 95_000, 210_000),
            new Template(ProductCategory.SHOES, "Dép tổ ong quai ngang",
                    "Dép nhựa dẻo, chống trơn, đủ size cho cả nhà.", 25_000, 60_000),
            new Template(ProductCategory.BEAUTY, "Kem dưỡng ẩm tinh chất nha đam 50g",
                    "Dưỡng ẩm nhẹ, thấm nhanh, không gây bết dính.", 65_000, 180_000));

    /** Injected into hostile titles, in turn. */
    static final List<String> TITLE_PAYLOADS = List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>");

    /** Appended to every hostile description: script, event handler and a javascript: URL as text. */
    static final String DESCRIPTION_PAYLOAD = " Xem ảnh thật: <img src=x onerror=alert(1)> "
            + "<script>alert(1)</script> liên hệ: javascript:alert(document.cookie) \"><svg onload=alert(1)>";

    private EverydayGoods() {
    }
}

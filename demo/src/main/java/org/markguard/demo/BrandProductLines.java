package org.markguard.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.markguard.api.Brand;
import org.markguard.api.FoldedText;

/**
 * Realistic products for the registry brands ("Túi xách" + "Marmont"), the slang counterfeit
 * sellers use, and the shop category of a product term. A brand added to the registry later still
 * works: its own product terms are used with no model name.
 */
final class BrandProductLines {
    /** A kind of goods (a term from the registry) and a model name. */
    record ProductLine(String term, String model) {
    }

    private static final Map<String, List<String>> LINES = Map.ofEntries(
            Map.entry("gucci", List.of("túi xách|Marmont", "ví|Ophidia", "thắt lưng|GG Supreme", "giày|Ace Sneaker")),
            Map.entry("louis-vuitton", List.of("túi|Neverfull MM", "balo|Christopher", "ví|Zippy", "túi xách|Speedy 30")),
            Map.entry("chanel", List.of("nước hoa|No.5 100ml", "son|Rouge Allure", "túi|Classic Flap")),
            Map.entry("nike", List.of("giày|Air Force 1", "giày|Air Jordan 1 Low", "áo|Dri-FIT", "dép|Benassi")),
            Map.entry("adidas", List.of("giày|Ultraboost 22", "giày|Samba OG", "quần|Tiro", "áo|Trefoil")),
            Map.entry("apple", List.of("tai nghe|AirPods Pro 2", "điện thoại|iPhone 15 Pro Max", "laptop|MacBook Air M2")),
            Map.entry("samsung", List.of("điện thoại|Galaxy S24 Ultra", "tai nghe|Galaxy Buds2 Pro", "máy tính bảng|Galaxy Tab S9")),
            Map.entry("la-roche-posay", List.of("kem chống nắng|Anthelios SPF50", "sữa rửa mặt|Effaclar", "serum|Hyalu B5")),
            Map.entry("rolex", List.of("đồng hồ|Submariner", "đồng hồ|Datejust 41", "đồng hồ|Daytona")),
            Map.entry("vinamilk", List.of("sữa bột|Optimum Gold", "sữa chua|Probi", "sữa|100% tươi")),
            Map.entry("bitis", List.of("giày|Hunter X", "dép|Quai Hậu", "sandal|Hunter Street")),
            Map.entry("dior", List.of("nước hoa|Sauvage EDP", "son|Addict Lip Glow", "túi|Saddle", "túi|Lady Dior")));

    static final List<String> TITLE_SLANG = List.of("hàng rep 1:1", "like auth", "super fake", "loại 1",
            "fullbox", "rep 11 cao cấp", "hàng F1", "replica", "like auth 99%", "mirror", "SF", "fake 1",
            "hàng nhái loại 1", "F1");
    static final List<String> DESCRIPTION_SLANG = List.of("Hàng rep 1:1 giống auth 99%", "Super fake loại 1",
            "Like auth, fullbox, bill, thẻ", "Hàng F1 xưởng, không phân biệt được", "Replica cao cấp, đủ phụ kiện",
            "Hàng nhái loại 1 giống 99%", "Fake 1 hàng SF, fullbox");

    private static final Map<String, ProductCategory> TERM_CATEGORIES = Map.ofEntries(
            Map.entry("tui", ProductCategory.BAGS), Map.entry("tui xach", ProductCategory.BAGS),
            Map.entry("vi", ProductCategory.BAGS), Map.entry("balo", ProductCategory.BAGS),
            Map.entry("bag", ProductCategory.BAGS), Map.entry("wallet", ProductCategory.BAGS),
            Map.entry("giay", ProductCategory.SHOES), Map.entry("dep", ProductCategory.SHOES),
            Map.entry("sandal", ProductCategory.SHOES), Map.entry("shoes", ProductCategory.SHOES),
            Map.entry("sneakers", ProductCategory.SHOES),
            Map.entry("dien thoai", ProductCategory.ELECTRONICS), Map.entry("tai nghe", ProductCategory.ELECTRONICS),
            Map.entry("laptop", ProductCategory.ELECTRONICS), Map.entry("may tinh", ProductCategory.ELECTRONICS),
            Map.entry("may tinh bang", ProductCategory.ELECTRONICS), Map.entry("phone", ProductCategory.ELECTRONICS),
            Map.entry("nuoc hoa", ProductCategory.BEAUTY), Map.entry("son", ProductCategory.BEAUTY),
            Map.entry("kem", ProductCategory.BEAUTY), Map.entry("kem chong nang", ProductCategory.BEAUTY),
            Map.entry("sua rua mat", ProductCategory.BEAUTY), Map.entry("serum", ProductCategory.BEAUTY),
            Map.entry("dong ho", ProductCategory.WATCHES), Map.entry("watch", ProductCategory.WATCHES),
            Map.entry("sua", ProductCategory.FOOD), Map.entry("sua bot", ProductCategory.FOOD),
            Map.entry("sua chua", ProductCategory.FOOD), Map.entry("milk", ProductCategory.FOOD));

    private BrandProductLines() {
    }

    static List<ProductLine> linesFor(Brand brand) {
        List<ProductLine> lines = new ArrayList<>();
        for (String line : LINES.getOrDefault(brand.id(), List.of())) {
            String[] parts = line.split("\\|", 2);
            lines.add(new ProductLine(parts[0], parts[1]));
        }
        if (lines.isEmpty()) {
            for (String term : brand.productTerms()) {
                lines.add(new ProductLine(term, ""));
            }
        }
        if (lines.isEmpty()) {
            lines.add(new ProductLine("sản phẩm", ""));
        }
        return lines;
    }

    static ProductCategory categoryOf(String term) {
        return TERM_CATEGORIES.getOrDefault(FoldedText.fold(term).strip(), ProductCategory.FASHION);
    }
}

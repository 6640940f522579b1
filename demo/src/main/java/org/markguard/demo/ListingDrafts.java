package org.markguard.demo;

import static org.markguard.demo.SellerDirectory.pick;

import java.util.List;
import java.util.SplittableRandom;
import org.markguard.api.Brand;
import org.markguard.api.FindingKind;
import org.markguard.api.FoldedText;
import org.markguard.api.Indication;
import org.markguard.api.Registries;
import org.markguard.api.Seller;
import org.markguard.demo.BrandProductLines.ProductLine;
import org.markguard.demo.EverydayGoods.Template;

/**
 * Writes the content of one listing of a given ground-truth class: title, description, price,
 * seller and what a detector should flag. Platform, ids and spelling are added by
 * {@link ListingGenerator}.
 */
final class ListingDrafts {
    /** The platform-independent part of a listing. */
    record Draft(LabelCategory category, ProductCategory productCategory, String title, String description,
                 long price, Seller seller, String brand, List<Expectation> expected) {
    }

    static final String NO_BRAND = "No Brand";
    private static final List<String> GI_QUALIFIERS = List.of("kiểu", "chuẩn vị", "hương vị", "loại", "phong cách");
    private static final List<String> GI_EXTRAS = List.of("đặc sản", "loại ngon", "hàng tuyển", "giao nhanh",
            "date mới", "thơm ngon", "gói quà biếu");

    private final Registries registries;
    private final SellerDirectory sellers;
    private final IndicationMatcher matcher;

    ListingDrafts(Registries registries, SellerDirectory sellers, IndicationMatcher matcher) {
        this.registries = registries;
        this.sellers = sellers;
        this.matcher = matcher;
    }

    Draft counterfeit(SplittableRandom rnd) {
        Brand brand = pick(rnd, registries.brands());
        ProductLine line = pick(rnd, BrandProductLines.linesFor(brand));
        String title = brandedTitle(brand, line, rnd);
        String description;
        if (rnd.nextInt(10) < 7) {
            title += " " + pick(rnd, BrandProductLines.TITLE_SLANG);
            description = pick(rnd, BrandProductLines.DESCRIPTION_SLANG) + ". " + brand.names().get(0)
                    + " " + line.model() + " đủ size, ship COD toàn quốc, kiểm tra hàng trước khi nhận.";
        } else {
            // no slang at all: only the price and the seller give it away
            description = "Hàng mới 100%, giá xả kho, số lượng có hạn. Ship COD toàn quốc.";
        }
        long price = referencePrice(brand) == 0 ? 100_000 + rnd.nextInt(900) * 1000L
                : Money.round(referencePrice(brand) * (0.03 + rnd.nextDouble() * 0.27), 1000);
        return new Draft(LabelCategory.COUNTERFEIT, BrandProductLines.categoryOf(line.term()), title.strip(),
                description, price, sellers.anyShop(rnd), brand.names().get(0),
                List.of(new Expectation(FindingKind.TRADEMARK, brand.id())));
    }

    /** A genuine offer; a brand without official sellers in the registry yields a counterfeit instead. */
    Draft genuine(SplittableRandom rnd) {
        Brand brand = pick(rnd, registries.brands());
        var store = sellers.officialStore(brand, rnd);
        if (store.isEmpty()) {
            return counterfeit(rnd);
        }
        ProductLine line = pick(rnd, BrandProductLines.linesFor(brand));
        String main = brand.names().get(0);
        String title = (VietnameseText.capitalize(line.term()) + " " + main + " " + withoutName(line.model(), main)
                + " chính hãng").replaceAll(" +", " ");
        String description = "Sản phẩm chính hãng " + main + " do " + brand.owner()
                + " sản xuất, phân phối chính thức tại Việt Nam. Bảo hành theo chính sách của hãng, hóa đơn VAT đầy đủ.";
        long ref = referencePrice(brand);
        long price = ref == 0 ? 1_000_000 : Money.round(ref * (1.0 + rnd.nextDouble() * 1.5), 10_000);
        return new Draft(LabelCategory.GENUINE, BrandProductLines.categoryOf(line.term()), title, description,
                Math.max(price, ref), store.get(), main, List.of());
    }

    Draft indicationMisuse(SplittableRandom rnd) {
        Indication ind = pick(rnd, registries.indications());
        Seller seller = sellers.shopOutside(ind, rnd);
        String qualifier = rnd.nextInt(100) < 45 ? pick(rnd, GI_QUALIFIERS) : null;
        String title = indicationTitle(ind, qualifier, rnd);
        String description = title + " thơm ngon, đóng gói cẩn thận. "
                + (rnd.nextBoolean() ? "Sản xuất và đóng gói tại " : "Giao hàng toàn quốc từ kho ") + seller.location() + ".";
        return new Draft(LabelCategory.GI_MISUSE, ProductCategory.FOOD, title, description, regionalPrice(rnd),
                seller, NO_BRAND, matcher.misusesIn(title + "\n" + description, seller.location()));
    }

    Draft indicationGenuine(SplittableRandom rnd) {
        Indication ind = pick(rnd, registries.indications());
        Seller seller = sellers.producerOf(ind, rnd);
        String title = indicationTitle(ind, null, rnd);
        String description = "Đặc sản " + ind.names().get(0) + " chính gốc, thu hoạch và đóng gói tại "
                + seller.location() + ". Có giấy chứng nhận của địa phương.";
        return new Draft(LabelCategory.GI_GENUINE, ProductCategory.FOOD, title, description, regionalPrice(rnd),
                seller, NO_BRAND, matcher.misusesIn(title + "\n" + description, seller.location()));
    }

    Draft hardNegative(SplittableRandom rnd) {
        return fromTemplate(LabelCategory.HARD_NEGATIVE, pick(rnd, EverydayGoods.HARD_NEGATIVES), rnd);
    }

    Draft plain(SplittableRandom rnd) {
        return fromTemplate(LabelCategory.PLAIN, pick(rnd, EverydayGoods.PLAIN), rnd);
    }

    /** Payloads in title and description; half of them are also counterfeits and labelled so. */
    Draft hostile(SplittableRandom rnd, int index) {
        Draft base = rnd.nextBoolean() ? counterfeit(rnd) : plain(rnd);
        String payload = EverydayGoods.TITLE_PAYLOADS.get(Math.floorMod(index, EverydayGoods.TITLE_PAYLOADS.size()));
        String title = base.title() + " " + payload;
        String description = base.description() + EverydayGoods.DESCRIPTION_PAYLOAD;
        return new Draft(LabelCategory.HOSTILE, base.productCategory(), title, description, base.price(),
                base.seller(), base.brand(), base.expected());
    }

    private Draft fromTemplate(LabelCategory category, Template t, SplittableRandom rnd) {
        long price = Money.round(t.minPrice() + rnd.nextDouble() * (t.maxPrice() - t.minPrice()), 1000);
        return new Draft(category, t.category(), t.title(), t.description(), price, sellers.anyShop(rnd),
                NO_BRAND, List.of());
    }

    /** "Túi xách Gucci Marmont", "Túi LV Neverfull MM", "Tai nghe AirPods Pro 2". */
    private static String brandedTitle(Brand brand, ProductLine line, SplittableRandom rnd) {
        List<String> names = brand.names();
        String name = names.size() > 1 && rnd.nextInt(4) == 0 ? names.get(1 + rnd.nextInt(names.size() - 1))
                : names.get(0);
        String model = line.model();
        boolean modelNamesBrand = names.stream().anyMatch(n -> FoldedText.of(model).containsWord(n));
        if (modelNamesBrand && (!name.equals(names.get(0)) || rnd.nextBoolean())) {
            name = ""; // "Điện thoại iPhone 15 Pro Max": the model already carries the mark
        }
        return (VietnameseText.capitalize(line.term()) + " " + name + " " + model).replaceAll(" +", " ").strip();
    }

    /** "Nước mắm Phú Quốc", "Cà phê chuẩn vị Buôn Ma Thuột", "Phu Quoc fish sauce", "Dâu tây Đà Lạt". */
    private static String indicationTitle(Indication ind, String qualifier, SplittableRandom rnd) {
        List<String> terms = ind.productTerms();
        String term = terms.size() > 1 && rnd.nextInt(5) == 0 ? terms.get(1 + rnd.nextInt(terms.size() - 1))
                : terms.get(0);
        String picked = ind.names().size() > 1 && rnd.nextInt(4) == 0 ? pick(rnd, ind.names()) : ind.names().get(0);
        if (qualifier != null && carriesTerm(picked, terms)) {
            // "Dâu tây kiểu Đà Lạt" reads right, "Kiểu Dâu tây Đà Lạt" does not: prefer the bare place name
            picked = ind.names().stream().filter(n -> !carriesTerm(n, terms)).findFirst().orElse(picked);
        }
        String name = picked;
        String extra = pick(rnd, GI_EXTRAS);
        boolean nameCarriesTerm = carriesTerm(name, terms);
        String q = qualifier == null ? "" : qualifier + " ";
        if (nameCarriesTerm) {
            return VietnameseText.capitalize(q + name + " " + extra);
        }
        if (term.matches("[a-z ]+") && !term.equals(terms.get(0))) {
            // English product terms follow the name: "Phú Quốc fish sauce", "Phú Quốc-style fish sauce"
            return qualifier == null ? name + " " + term : name + "-style " + term;
        }
        return VietnameseText.capitalize(term) + " " + q + name + " " + extra;
    }

    private static boolean carriesTerm(String name, List<String> terms) {
        return terms.stream().anyMatch(t -> FoldedText.of(name).containsWord(t));
    }

    private static String withoutName(String model, String name) {
        return FoldedText.of(model).containsWord(name) ? model.replace(name, "").strip() : model;
    }

    private static long referencePrice(Brand brand) {
        return brand.referencePrice() == null || brand.referencePrice().min() == null ? 0
                : brand.referencePrice().min().longValue();
    }

    private static long regionalPrice(SplittableRandom rnd) {
        return Money.round(40_000 + rnd.nextDouble() * 760_000, 1000);
    }
}

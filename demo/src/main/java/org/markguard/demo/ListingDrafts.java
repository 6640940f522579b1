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
                 long price, Seller seller, String brand, List<Expectation> expected, DemoListing.HardCase hard) {
        Draft(LabelCategory category, ProductCategory productCategory, String title, String description,
              long price, Seller seller, String brand, List<Expectation> expected) {
            this(category, productCategory, title, description, price, seller, brand, expected,
                    DemoListing.HardCase.NONE);
        }

        Draft withText(String newTitle, String newDescription, DemoListing.HardCase newHard) {
            return new Draft(category, productCategory, newTitle, newDescription, price, seller, brand, expected,
                    newHard);
        }
    }

    static final String NO_BRAND = "No Brand";
    /** Words that qualify an indication ("kiểu Phú Quốc") without making its use lawful outside the region. */
    private static final List<String> GI_QUALIFIERS = List.of("kiểu", "chuẩn vị", "hương vị", "loại", "phong cách",
            "công thức", "type", "style");
    /** What an alt-text counterfeit says in its title instead of the brand. */
    private static final List<String> GENERIC_DESCRIPTORS = List.of("nữ da cao cấp", "hàng hiệu sang chảnh",
            "thời trang cao cấp", "mẫu mới hot trend", "bản đẹp như hình");
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
        String obfuscation = BrandObfuscation.pick(rnd);
        String title;
        String description;
        String claimedBrand = brand.names().get(0);
        String imageAlt = null;
        String slang = rnd.nextInt(10) < 7 ? pick(rnd, BrandProductLines.TITLE_SLANG) : null;
        String descriptionSlang = pick(rnd, BrandProductLines.DESCRIPTION_SLANG);
        if (obfuscation.equals(BrandObfuscation.NONE)) {
            title = brandedTitle(brand, line, rnd);
            description = brand.names().get(0) + " " + line.model();
        } else if (obfuscation.equals(BrandObfuscation.ALT_TEXT)) {
            // the brand is nowhere in the text, only in the alt text of the product photos
            title = VietnameseText.capitalize(line.term()) + " " + pick(rnd, GENERIC_DESCRIPTORS);
            description = "Ảnh thật shop tự chụp, xem kỹ ảnh";
            imageAlt = brand.names().get(0) + " " + line.model();
            claimedBrand = NO_BRAND;
        } else {
            String name = BrandObfuscation.apply(obfuscation, brand.names().get(0), rnd);
            String model = obfuscateNames(brand, line.model(), obfuscation, rnd);
            boolean modelNamesBrand = !model.equals(line.model());
            title = VietnameseText.capitalize(line.term()) + " " + (modelNamesBrand ? "" : name + " ") + model;
            description = name + " " + model;
            claimedBrand = name;
        }
        if (slang != null) {
            title += " " + slang;
            description = descriptionSlang + ". " + description
                    + " đủ size, ship COD toàn quốc, kiểm tra hàng trước khi nhận.";
        } else {
            // no slang at all: only the price and the seller give it away
            description = "Hàng mới 100%, giá xả kho, số lượng có hạn. Ship COD toàn quốc."
                    + (obfuscation.equals(BrandObfuscation.NONE) ? "" : " " + description + ".");
        }
        long price = referencePrice(brand) == 0 ? 100_000 + rnd.nextInt(900) * 1000L
                : Money.round(referencePrice(brand) * (0.03 + rnd.nextDouble() * 0.27), 1000);
        return new Draft(LabelCategory.COUNTERFEIT, BrandProductLines.categoryOf(line.term()),
                title.replaceAll(" +", " ").strip(), description, price, sellers.anyShop(rnd), claimedBrand,
                List.of(new Expectation(FindingKind.TRADEMARK, brand.id())),
                new DemoListing.HardCase(obfuscation, imageAlt, null, 0));
    }

    /** A post that sells nothing although it names a brand or an indication (news, review, question). */
    Draft notOffer(SplittableRandom rnd) {
        Brand brand = pick(rnd, registries.brands());
        ProductLine line = pick(rnd, BrandProductLines.linesFor(brand));
        Indication ind = pick(rnd, registries.indications());
        NonOfferPosts.Post post = NonOfferPosts.write(rnd, brand.names().get(0), line, ind);
        return new Draft(LabelCategory.NOT_OFFER, post.category(), post.title(), post.text(), 0, sellers.anyShop(rnd),
                NO_BRAND, List.of());
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
        String[] written = indicationTitle(ind, qualifier, rnd);
        String title = written[0];
        String description = title + " thơm ngon, đóng gói cẩn thận. "
                + (rnd.nextBoolean() ? "Sản xuất và đóng gói tại " : "Giao hàng toàn quốc từ kho ") + seller.location() + ".";
        Draft d = new Draft(LabelCategory.GI_MISUSE, ProductCategory.FOOD, title, description, regionalPrice(rnd),
                seller, NO_BRAND, matcher.misusesIn(title + "\n" + description, seller.province()),
                new DemoListing.HardCase(BrandObfuscation.NONE, null, written[1], 0));
        return withOcopClaim(d, rnd, 15);
    }

    Draft indicationGenuine(SplittableRandom rnd) {
        Indication ind = pick(rnd, registries.indications());
        Seller seller = sellers.producerOf(ind, rnd);
        String title = indicationTitle(ind, null, rnd)[0];
        String description = "Đặc sản " + ind.names().get(0) + " chính gốc, thu hoạch và đóng gói tại "
                + seller.location() + ". Có giấy chứng nhận của địa phương.";
        // the seller may write its place in any form; whether it is in the region depends on the province
        Draft d = new Draft(LabelCategory.GI_GENUINE, ProductCategory.FOOD, title, description, regionalPrice(rnd),
                seller, NO_BRAND, matcher.misusesIn(title + "\n" + description, seller.province()));
        return withOcopClaim(d, rnd, 35);
    }

    Draft hardNegative(SplittableRandom rnd) {
        return fromTemplate(LabelCategory.HARD_NEGATIVE, pick(rnd, EverydayGoods.HARD_NEGATIVES), rnd);
    }

    Draft plain(SplittableRandom rnd) {
        Draft d = fromTemplate(LabelCategory.PLAIN, pick(rnd, EverydayGoods.PLAIN), rnd);
        return d.productCategory() == ProductCategory.FOOD ? withOcopClaim(d, rnd, 30) : d;
    }

    /** In {@code percent} of the cases, the text claims an OCOP rating ("sản phẩm OCOP 4 sao"), labelled {@code ocopClaim}. */
    private static Draft withOcopClaim(Draft d, SplittableRandom rnd, int percent) {
        if (rnd.nextInt(100) >= percent) {
            return d;
        }
        int stars = 3 + rnd.nextInt(3);
        boolean inTitle = rnd.nextBoolean();
        String title = inTitle ? d.title() + " OCOP " + stars + " sao" : d.title();
        String description = inTitle ? d.description() : d.description() + " Sản phẩm OCOP " + stars + " sao.";
        return d.withText(title, description, d.hard().withOcop(stars));
    }

    /** Payloads in title and description; half of them are also counterfeits and labelled so. */
    Draft hostile(SplittableRandom rnd, int index) {
        Draft base = rnd.nextBoolean() ? counterfeit(rnd) : plain(rnd);
        String payload = EverydayGoods.TITLE_PAYLOADS.get(Math.floorMod(index, EverydayGoods.TITLE_PAYLOADS.size()));
        String title = base.title() + " " + payload;
        String description = base.description() + EverydayGoods.DESCRIPTION_PAYLOAD;
        return new Draft(LabelCategory.HOSTILE, base.productCategory(), title, description, base.price(),
                base.seller(), base.brand(), base.expected(), base.hard());
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
    private static String[] indicationTitle(Indication ind, String qualifier, SplittableRandom rnd) {
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
            return new String[] {VietnameseText.capitalize(q + name + " " + extra), qualifier};
        }
        if (term.matches("[a-z ]+") && !term.equals(terms.get(0))) {
            // English product terms follow the name: "Phú Quốc fish sauce", "Phú Quốc-style fish sauce"
            return qualifier == null ? new String[] {name + " " + term, null}
                    : new String[] {name + "-style " + term, "style"};
        }
        return new String[] {VietnameseText.capitalize(term) + " " + q + name + " " + extra, qualifier};
    }

    /** The model with every registry name of the brand in it disguised: "iPhone 15" → "iPh0ne 15". */
    private static String obfuscateNames(Brand brand, String model, String kind, SplittableRandom rnd) {
        String out = model;
        for (String name : brand.names()) {
            if (FoldedText.of(out).containsWord(name) && out.contains(name)) {
                out = out.replace(name, BrandObfuscation.apply(kind, name, rnd));
            }
        }
        return out;
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

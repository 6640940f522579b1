package org.markguard.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.markguard.api.FetchedPage;
import org.markguard.api.Listing;
import org.markguard.api.ProductDetails;
import org.markguard.api.Seller;

/**
 * Merges what the sources found into one listing: each field from the most trusted source that
 * has it, with the source recorded in {@code fieldSources}.
 *
 * <p>Sources that themselves say "product" come first, in order of trust; the others (an
 * og:type=website title, the page's h1) only fill the gaps they leave. Otherwise the site-wide
 * OpenGraph title of a single-page shop would beat the product name in its embedded state.
 */
final class ListingAssembler {
    static final int MAX_TITLE = 1_000;
    static final int MAX_DESCRIPTION = 20_000;
    static final int MAX_WARNINGS = 50;

    private final List<ProductFields> sources;
    private final Map<String, String> fieldSources = new LinkedHashMap<>();

    /** @param sources in order of trust, most trusted first */
    private ListingAssembler(List<ProductFields> sources) {
        List<ProductFields> ordered = new ArrayList<>();
        sources.stream().filter(s -> s.product).forEach(ordered::add);
        sources.stream().filter(s -> !s.product).forEach(ordered::add);
        this.sources = ordered;
    }

    static boolean offersProduct(List<ProductFields> sources) {
        return sources.stream().anyMatch(s -> s.product);
    }

    /** What the sources found together (first value wins), to spare later sources needless searches. */
    static ProductFields known(List<ProductFields> sources) {
        ProductFields known = new ProductFields(FieldSource.HTML);
        for (ProductFields s : sources) {
            known.product |= s.product;
            known.sku = known.sku != null ? known.sku : s.sku;
            known.sellerName = known.sellerName != null ? known.sellerName : s.sellerName;
            known.sellerId = known.sellerId != null ? known.sellerId : s.sellerId;
            known.sellerLocation = known.sellerLocation != null ? known.sellerLocation : s.sellerLocation;
            known.brand = known.brand != null ? known.brand : s.brand;
            known.availability = known.availability != null ? known.availability : s.availability;
            known.imageAlts.addAll(s.imageAlts);
        }
        return known;
    }

    static boolean hasAnyField(List<ProductFields> sources) {
        return sources.stream().anyMatch(s -> !s.isEmpty());
    }

    /** The listing from its sources; declaredLanguage is the page's own ({@link Languages#declared}), may be null. */
    static Listing assemble(FetchedPage page, List<ProductFields> sources, List<String> warnings,
                            String declaredLanguage) {
        return new ListingAssembler(sources).assemble(page, warnings, declaredLanguage);
    }

    private Listing assemble(FetchedPage page, List<String> warnings, String declaredLanguage) {
        List<String> notes = new ArrayList<>(warnings);
        String title = pick("title", f -> f.title);
        String description = pick("description", f -> f.description);
        if (title != null && title.length() > MAX_TITLE) {
            notes.add("title truncated from " + title.length() + " to " + MAX_TITLE + " characters");
            title = Text.truncate(title, MAX_TITLE);
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            notes.add("description truncated from " + description.length() + " to " + MAX_DESCRIPTION
                    + " characters");
            description = Text.truncate(description, MAX_DESCRIPTION);
        }
        BigDecimal price = confirmedByPage(pick("price", f -> f.price));
        String currency = pick("currency", f -> f.currency);
        List<String> images = pick("imageUrls", f -> f.images().isEmpty() ? null : f.images());
        String location = pick("seller.location", f -> f.sellerLocation);
        Seller seller = new Seller(pick("seller.id", f -> f.sellerId), pick("seller.name", f -> f.sellerName),
                location, Provinces.defaults().provinceOf(location));
        ProductDetails details = details(price, title, description, declaredLanguage);
        String canonical = Urls.canonical(page.url(), declaredCanonicals());
        return new Listing(null, canonical, page.platform(), title, description, price, currency, seller, images,
                page.fetchTime(), Listing.sha256Hex(page.body()), extractionSource(), fieldSources,
                capped(notes), details, null);
    }

    /**
     * The price the page itself shows settles a disagreement: when the most trusted price differs
     * from the visible one (the HTML source's) and another structured source has the visible
     * one, that one wins (an auction's starting price in JSON-LD, its current bid in OpenGraph and
     * on the page); when the trusted price is the struck-through price shown beside a lower
     * visible price, the structured data carries the list price, and the visible sale price wins.
     */
    private BigDecimal confirmedByPage(BigDecimal trusted) {
        ProductFields visible = sources.stream().filter(s -> s.source == FieldSource.HTML).findFirst().orElse(null);
        if (trusted == null || visible == null || visible.price == null || visible.price.compareTo(trusted) == 0) {
            return trusted;
        }
        for (ProductFields source : sources) {
            if (source.source != FieldSource.HTML && source.price != null
                    && source.price.compareTo(visible.price) == 0) {
                fieldSources.put("price", source.source.name());
                return source.price;
            }
        }
        if (visible.originalPrice != null && visible.originalPrice.compareTo(trusted) == 0
                && visible.price.compareTo(trusted) < 0) {
            fieldSources.put("price", FieldSource.HTML.name());
            return visible.price;
        }
        return trusted;
    }

    /** The product facts, each from the most trusted source that has it, recorded as "details.x". */
    private ProductDetails details(BigDecimal price, String title, String description, String declaredLanguage) {
        BigDecimal original = pick("details.originalPrice",
                f -> f.originalPrice != null && price != null && f.originalPrice.compareTo(price) > 0
                        ? f.originalPrice : null);
        // the range's upper bound, from the source that gave the listing price (ranges do not mix)
        BigDecimal high = null;
        String priceSource = fieldSources.get("price");
        for (ProductFields source : sources) {
            if (source.source.name().equals(priceSource) && source.highestPrice != null && price != null
                    && source.highestPrice.compareTo(price) > 0) {
                high = source.highestPrice;
                fieldSources.put("details.priceHigh", priceSource);
            }
        }
        List<String> alts = pick("details.imageAlts", f -> f.imageAlts.isEmpty() ? null : List.copyOf(f.imageAlts));
        Languages.Verdict verdict = Languages.judge(declaredLanguage, title, description);
        String language = verdict.language();
        if (language != null) {
            fieldSources.put("details.language", (verdict.declared() ? FieldSource.HTML : FieldSource.TEXT).name());
        }
        return new ProductDetails(pick("details.brand", f -> f.brand), shownSkuOr(pick("details.sku", f -> f.sku)),
                pick("details.gtin", f -> f.gtin), pick("details.availability", f -> f.availability), original, high,
                pick("details.rating", f -> f.rating), pick("details.soldCount", f -> f.soldCount),
                pick("details.livestreamHost", f -> f.livestreamHost), alts, language, null);
    }

    /** The code the page shows under a label, when the trusted SKU is one the page does not show. */
    private String shownSkuOr(String trusted) {
        for (ProductFields source : sources) {
            if (source.skuShown && source.sku != null) {
                fieldSources.put("details.sku", source.source.name());
                return source.sku;
            }
        }
        return trusted;
    }

    /** Distinct warnings, at most {@link #MAX_WARNINGS}: a broken page must not bloat the index. */
    private static List<String> capped(List<String> warnings) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(warnings));
        if (distinct.size() <= MAX_WARNINGS) {
            return distinct;
        }
        List<String> kept = new ArrayList<>(distinct.subList(0, MAX_WARNINGS - 1));
        kept.add((distinct.size() - kept.size()) + " more warnings left out");
        return kept;
    }

    private <T> T pick(String field, Function<ProductFields, T> getter) {
        for (ProductFields source : sources) {
            T value = getter.apply(source);
            if (value != null) {
                fieldSources.put(field, source.source.name());
                return value;
            }
        }
        return null;
    }

    /** link rel=canonical (HTML) before og:url: the canonical link is meant for exactly this. */
    private String[] declaredCanonicals() {
        List<String> declared = new ArrayList<>();
        sources.stream().filter(s -> s.source == FieldSource.HTML).forEach(s -> declared.add(s.canonicalUrl));
        sources.stream().filter(s -> s.source != FieldSource.HTML).forEach(s -> declared.add(s.canonicalUrl));
        return declared.toArray(String[]::new);
    }

    /** The most trusted source that gave a field; failing that, the most trusted that saw a product. */
    private String extractionSource() {
        FieldSource best = null;
        for (String name : fieldSources.values()) {
            FieldSource source = FieldSource.valueOf(name);
            best = best == null || source.ordinal() < best.ordinal() ? source : best;
        }
        if (best == null) {
            best = sources.stream().filter(s -> s.product).map(s -> s.source).findFirst().orElse(FieldSource.HTML);
        }
        return best.name();
    }
}

package org.markguard.demo;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.markguard.api.FindingKind;
import org.markguard.api.Seller;

/**
 * The demo marketplace's listings as plain data, for tools that need many of them without
 * serving or crawling pages (the search benchmark indexes a million). Each one is exactly the
 * listing the site of the same seed and count would serve (generation 1), with its label.
 */
public final class BulkListings {

    /**
     * One generated listing and its ground truth.
     *
     * @param url the canonical URL the site serves it under (its label id is the SHA-256 of it)
     * @param platform platform key (shopee, lazada, tiktok, facebook, rao-vat, jsrender, private-group)
     * @param title title as the seller wrote it (NFC, without diacritics or NFD)
     * @param description description as the seller wrote it
     * @param price the price the page states in VND, null when it states none
     * @param seller id, name, location as written and the 2025 province (location and province may be null)
     * @param brand the brand a structured page claims ("No Brand" when none)
     * @param productCategory the slug of the shop category it is browsed under ("tui-vi", "dac-san", …)
     * @param label the ground-truth class: COUNTERFEIT, GENUINE, GI_MISUSE, GI_GENUINE, HARD_NEGATIVE,
     *     PLAIN, HOSTILE or NOT_OFFER
     * @param expected what a correct detector flags, empty when nothing
     * @param ocopStars the OCOP rating the text claims, 0 when none
     */
    public record Item(String url, String platform, String title, String description, Long price, Seller seller,
                       String brand, String productCategory, String label, List<Expected> expected, int ocopStars) {
    }

    /** An expected finding: the kind of right and the registry entry id (brand or indication). */
    public record Expected(FindingKind kind, String subject) {
    }

    private BulkListings() {
    }

    /**
     * Listings 0 … count−1 of the site of {@code seed} and {@code count}, generated lazily in index
     * order (memory does not grow with the count), with the bundled registries.
     *
     * @param baseUrl the base URL their canonical URLs start with, e.g. {@code http://127.0.0.1:8089/}
     */
    public static Stream<Item> stream(long seed, int count, String baseUrl) {
        ListingGenerator generator = new ListingGenerator(seed, count, RegistryLoader.bundled(), DemoSite.STYLES, 1);
        SiteLinks links = new SiteLinks(baseUrl);
        return IntStream.range(0, count).mapToObj(i -> item(generator.listing(i), links));
    }

    private static Item item(DemoListing l, SiteLinks links) {
        PlatformStyle style = DemoSite.STYLES.stream().filter(s -> s.key().equals(l.platform())).findFirst().orElseThrow();
        List<Expected> expected = l.expected().stream().map(e -> new Expected(e.kind(), e.subject())).toList();
        return new Item(links.absolute(style.listingPath(l)), l.platform(), l.title(), l.description(),
                l.publishedPrice(), l.seller(), l.brand(), l.productCategory().slug(), l.category().name(), expected,
                l.hard().ocopStars());
    }
}

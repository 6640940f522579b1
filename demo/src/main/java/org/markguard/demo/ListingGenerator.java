package org.markguard.demo;

import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.markguard.api.Registries;
import org.markguard.demo.ListingDrafts.Draft;

/**
 * Generates listing number {@code i} of the site from (seed, i) alone, with its own random
 * stream. Nothing is cached: pages and labels regenerate what they show, so the same seed and
 * count always give the same site and memory does not grow with the listing count.
 */
final class ListingGenerator {
    /** Item ids are {@code ITEM_BASE + index * ITEM_STRIDE}, so a URL maps straight back to its index. */
    static final long ITEM_BASE = 21_000_000_000L;
    static final long ITEM_STRIDE = 7919;
    /** Every listing at {@code index % HOSTILE_EVERY == HOSTILE_EVERY / 2} is hostile, so small sites have some. */
    static final int HOSTILE_EVERY = 50;

    private static final LabelCategory[] CATEGORIES = {LabelCategory.COUNTERFEIT, LabelCategory.GENUINE,
            LabelCategory.GI_MISUSE, LabelCategory.GI_GENUINE, LabelCategory.HARD_NEGATIVE, LabelCategory.PLAIN,
            LabelCategory.HOSTILE};
    private static final int[] WEIGHTS = {26, 12, 16, 12, 18, 15, 1};
    private static final List<String> LIVESTREAM_HOSTS = List.of("Linh Chi Live", "Minh Tú Sale", "Hoàng Anh Review",
            "Chị Ba Săn Deal", "Bảo Trâm Official Live", "Gia Huy Unbox");

    private final long seed;
    private final int count;
    private final List<String> platforms;
    private final ListingDrafts drafts;
    private final SellerDirectory sellers;

    ListingGenerator(long seed, int count, Registries registries, List<String> platforms) {
        if (count < 0) {
            throw new IllegalArgumentException("listing count must not be negative: " + count);
        }
        this.seed = seed;
        this.count = count;
        this.platforms = List.copyOf(platforms);
        IndicationMatcher matcher = new IndicationMatcher(registries.indications());
        SellerDirectory sellers = new SellerDirectory(seed, count, registries.brands(), registries.indications(), matcher);
        this.drafts = new ListingDrafts(registries, sellers, matcher);
        this.sellers = sellers;
    }

    long seed() {
        return seed;
    }

    int count() {
        return count;
    }

    SellerDirectory sellers() {
        return sellers;
    }

    static long itemIdOf(int index) {
        return ITEM_BASE + index * ITEM_STRIDE;
    }

    /** The index an item id belongs to, if it is one of this site's. */
    OptionalInt indexOf(long itemId) {
        long offset = itemId - ITEM_BASE;
        if (offset < 0 || offset % ITEM_STRIDE != 0 || offset / ITEM_STRIDE >= count) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) (offset / ITEM_STRIDE));
    }

    DemoListing listing(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("no listing " + index + " in a site of " + count);
        }
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 1);
        boolean forcedHostile = index % HOSTILE_EVERY == HOSTILE_EVERY / 2;
        LabelCategory category = forcedHostile ? LabelCategory.HOSTILE : pickCategory(rnd);
        // forced hostile listings rotate over the platforms so that every platform has some
        String platform = forcedHostile ? platforms.get((index / HOSTILE_EVERY) % platforms.size())
                : platforms.get(rnd.nextInt(platforms.size()));
        Draft d = switch (category) {
            case COUNTERFEIT -> drafts.counterfeit(rnd);
            case GENUINE -> drafts.genuine(rnd);
            case GI_MISUSE -> drafts.indicationMisuse(rnd);
            case GI_GENUINE -> drafts.indicationGenuine(rnd);
            case HARD_NEGATIVE -> drafts.hardNegative(rnd);
            case PLAIN -> drafts.plain(rnd);
            case HOSTILE -> drafts.hostile(rnd, index);
        };
        VietnameseText.Form form = d.category() == LabelCategory.HOSTILE ? VietnameseText.Form.NFC : pickForm(rnd);
        int images = 1 + rnd.nextInt(3);
        String host = SellerDirectory.pick(rnd, LIVESTREAM_HOSTS);
        boolean live = rnd.nextInt(10) < 7;
        return new DemoListing(index, itemIdOf(index), platform, d.productCategory(), d.category(),
                VietnameseText.inForm(d.title(), form), VietnameseText.inForm(d.description(), form), d.price(),
                d.seller(), d.brand(), images, host, live, d.expected());
    }

    private static LabelCategory pickCategory(SplittableRandom rnd) {
        int total = 0;
        for (int w : WEIGHTS) {
            total += w;
        }
        int roll = rnd.nextInt(total);
        for (int i = 0; i < WEIGHTS.length; i++) {
            roll -= WEIGHTS[i];
            if (roll < 0) {
                return CATEGORIES[i];
            }
        }
        return LabelCategory.PLAIN;
    }

    /** Most sellers write proper Vietnamese; some drop the diacritics, some paste decomposed text. */
    private static VietnameseText.Form pickForm(SplittableRandom rnd) {
        int roll = rnd.nextInt(100);
        return roll < 70 ? VietnameseText.Form.NFC : roll < 85 ? VietnameseText.Form.NO_DIACRITICS : VietnameseText.Form.NFD;
    }
}

package org.markguard.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.markguard.api.Registries;
import org.markguard.api.Seller;
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
            LabelCategory.HOSTILE, LabelCategory.NOT_OFFER};
    private static final int[] WEIGHTS = {26, 12, 16, 12, 18, 15, 1, 5};
    private static final List<String> SHOWS_ALT_TEXT = List.of("shopee", "lazada", FacebookStyle.KEY, RaoVatStyle.KEY);
    private static final List<String> LIVESTREAM_HOSTS = List.of("Linh Chi Live", "Minh Tú Sale", "Hoàng Anh Review",
            "Chị Ba Săn Deal", "Bảo Trâm Official Live", "Gia Huy Unbox");

    private final long seed;
    private final int count;
    private final int generation;
    private final List<String> platforms = new ArrayList<>();
    private final int[] shares;
    /** Platforms the root links; hostile listings rotate over these. */
    private final List<String> rootPlatforms = new ArrayList<>();
    private final ListingDrafts drafts;
    private final SellerDirectory sellers;

    ListingGenerator(long seed, int count, Registries registries, List<PlatformStyle> styles, int generation) {
        if (count < 0) {
            throw new IllegalArgumentException("listing count must not be negative: " + count);
        }
        if (generation < 1) {
            throw new IllegalArgumentException("generations start at 1: " + generation);
        }
        this.seed = seed;
        this.count = count;
        this.generation = generation;
        this.shares = new int[styles.size()];
        for (int i = 0; i < styles.size(); i++) {
            platforms.add(styles.get(i).key());
            shares[i] = styles.get(i).share();
            if (styles.get(i).onRoot()) {
                rootPlatforms.add(styles.get(i).key());
            }
        }
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

    int generation() {
        return generation;
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
        String platform;
        if (forcedHostile) {
            // forced hostile listings rotate over the root platforms so that every one has some
            platform = rootPlatforms.get((index / HOSTILE_EVERY) % rootPlatforms.size());
        } else if (category == LabelCategory.NOT_OFFER) {
            platform = FacebookStyle.KEY; // only a free-text post can be about goods without offering them
        } else {
            platform = pickPlatform(rnd, category == LabelCategory.HOSTILE);
        }
        Draft d = switch (category) {
            case COUNTERFEIT -> drafts.counterfeit(rnd);
            case GENUINE -> drafts.genuine(rnd);
            case GI_MISUSE -> drafts.indicationMisuse(rnd);
            case GI_GENUINE -> drafts.indicationGenuine(rnd);
            case HARD_NEGATIVE -> drafts.hardNegative(rnd);
            case PLAIN -> drafts.plain(rnd);
            case HOSTILE -> drafts.hostile(rnd, index);
            case NOT_OFFER -> drafts.notOffer(rnd);
        };
        if (d.hard().obfuscation().equals(BrandObfuscation.ALT_TEXT) && !SHOWS_ALT_TEXT.contains(platform)) {
            platform = "shopee"; // the TikTok-like app state and the lab pages show no alt texts to hide the brand in
        }
        VietnameseText.Form form = d.category() == LabelCategory.HOSTILE ? VietnameseText.Form.NFC : pickForm(rnd);
        int images = 1 + rnd.nextInt(3);
        String host = SellerDirectory.pick(rnd, LIVESTREAM_HOSTS);
        boolean live = rnd.nextInt(10) < 7;
        long price = d.price();
        Seller seller = d.seller();
        PostPrice.Written postPrice = null;
        if (platform.equals(FacebookStyle.KEY)) {
            postPrice = PostPrice.pick(rnd, price);
            price = postPrice.step() > 1000 ? Money.round(price, postPrice.step()) : price;
            boolean placeMatters = d.category() == LabelCategory.GI_MISUSE || d.category() == LabelCategory.GI_GENUINE;
            if (!placeMatters && rnd.nextInt(100) < 35) {
                seller = new Seller(seller.id(), seller.name(), null, null); // the post does not say where
            }
        }
        DemoListing.History history = Generations.evolve(seed, index, price,
                postPrice == null ? 1000 : postPrice.step(), d.category() == LabelCategory.GENUINE, generation);
        long current = history.priceByGeneration().get(history.priceByGeneration().size() - 1);
        return new DemoListing(index, itemIdOf(index), platform, d.productCategory(), d.category(),
                VietnameseText.inForm(d.title(), form), VietnameseText.inForm(d.description(), form), current,
                seller, d.brand(), images, host, live, d.expected(), d.hard(), postPrice, history);
    }

    private String pickPlatform(SplittableRandom rnd, boolean rootOnly) {
        int total = 0;
        for (int i = 0; i < shares.length; i++) {
            total += rootOnly && !rootPlatforms.contains(platforms.get(i)) ? 0 : shares[i];
        }
        int roll = rnd.nextInt(total);
        for (int i = 0; i < shares.length; i++) {
            roll -= rootOnly && !rootPlatforms.contains(platforms.get(i)) ? 0 : shares[i];
            if (roll < 0) {
                return platforms.get(i);
            }
        }
        return platforms.get(0);
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

package org.markguard.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What happens to a listing between runs of the same seed with {@code --generation 1, 2, …}: in
 * each new generation some listings change price and some are removed (answering 404 or 410). Each
 * listing has its own random stream, independent of the generation asked for, so generation N+1
 * continues generation N: its price history starts with N's.
 */
final class Generations {
    /** Percent of the online listings removed in each new generation. */
    static final int GONE_PERCENT = 4;
    /** Percent of the online listings whose price changes in each new generation. */
    static final int REPRICE_PERCENT = 15;

    private Generations() {
    }

    /**
     * @param step rounding step that keeps the price writable (100,000 for "1tr2" posts)
     * @param onlyUp genuine goods are never repriced below their reference price
     */
    static DemoListing.History evolve(long seed, int index, long price, long step, boolean onlyUp, int generation) {
        SplittableRandom rnd = new SplittableRandom(seed * 0xD1B54A32D192ED03L + index * 0x94D049BB133111EBL + 77);
        List<Long> prices = new ArrayList<>(List.of(price));
        for (int g = 2; g <= generation; g++) {
            int roll = rnd.nextInt(100);
            double factor = onlyUp ? 1.05 + rnd.nextDouble() * 0.15 : 0.8 + rnd.nextDouble() * 0.4;
            boolean notFound = rnd.nextBoolean();
            if (roll < GONE_PERCENT) {
                return new DemoListing.History(prices, g, notFound ? 404 : 410);
            }
            long last = prices.get(prices.size() - 1);
            long next = roll < GONE_PERCENT + REPRICE_PERCENT ? Money.round(last * factor, step) : last;
            if (next == last && roll < GONE_PERCENT + REPRICE_PERCENT) {
                next = last + step; // a repricing always changes the price
            }
            prices.add(next);
        }
        return new DemoListing.History(prices, 0, 0);
    }
}

package org.markguard.demo;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which online listings each platform shows under each category, in index order: the only per-listing
 * state the site keeps (a few bytes per listing), built once by generating every listing.
 */
final class ListingIndex {
    private final Map<String, int[][]> byPlatform = new LinkedHashMap<>();

    ListingIndex(ListingGenerator generator, List<String> platforms) {
        int categories = ProductCategory.values().length;
        Map<String, int[]> sizes = new LinkedHashMap<>();
        Map<String, int[][]> lists = new LinkedHashMap<>();
        for (String p : platforms) {
            sizes.put(p, new int[categories]);
            lists.put(p, new int[categories][16]);
        }
        for (int i = 0; i < generator.count(); i++) {
            DemoListing l = generator.listing(i);
            if (!l.online()) {
                continue; // removed listings are no longer on any category page
            }
            int c = l.productCategory().ordinal();
            int[] size = sizes.get(l.platform());
            int[][] list = lists.get(l.platform());
            if (size[c] == list[c].length) {
                list[c] = Arrays.copyOf(list[c], list[c].length * 2);
            }
            list[c][size[c]++] = i;
        }
        for (String p : platforms) {
            int[][] exact = new int[categories][];
            for (int c = 0; c < categories; c++) {
                exact[c] = Arrays.copyOf(lists.get(p)[c], sizes.get(p)[c]);
            }
            byPlatform.put(p, exact);
        }
    }

    /** Listing indexes of a platform's category, ascending; empty for an unknown platform. */
    int[] listings(String platform, ProductCategory category) {
        int[][] perCategory = byPlatform.get(platform);
        return perCategory == null ? new int[0] : perCategory[category.ordinal()];
    }

    /** Number of pages of {@code pageSize} listings (a category page exists only when it has listings). */
    int pages(String platform, ProductCategory category, int pageSize) {
        int n = listings(platform, category).length;
        return (n + pageSize - 1) / pageSize;
    }
}

package org.markguard.extract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The product taxonomy on real marketplace titles no one here wrote ({@code
 * ../shared/data/02_vietnam_ecommerce}, read in place): each file lies in a category folder of the
 * marketplace, which gives the group it should land in. The first sets were looked at while the
 * terms were written (development sets); the held-out sets were not, and are reported apart.
 */
class ProductGroupRealDataTest {
    static final Path DATA = ProductGroupClassifierTest.DATA;

    record LabelledSet(String file, String titleColumn, char separator, String expected, boolean heldOut) {
    }

    static final List<LabelledSet> SETS = List.of(
            new LabelledSet("shopee_cosmetics_HienBM/shopee_products_final.csv", "name", ',', "cosmetics", false),
            new LabelledSet("tiki_kaggle_michaelminhpham/vietnamese_tiki_products_men_shoes.csv", "name", ',', "fashion-footwear", false),
            new LabelledSet("tiki_kaggle_michaelminhpham/vietnamese_tiki_products_women_bags.csv", "name", ',', "fashion-footwear", false),
            new LabelledSet("lazada_dvcminh/Lazada/smartphone/lazada.csv", "title", ',', "electronics", false),
            new LabelledSet("lazada_dvcminh/Lazada/health/functionalfoods/lazada.csv", "title", ',', "pharma-supplements", false),
            new LabelledSet("lazada_dvcminh/Lazada/bookandmusic/language_book/lazada.csv", "title", ',', "books-stationery", false),
            new LabelledSet("lazada_dvcminh/Lazada/electrichouseware/smallhouseware/lazada.csv", "title", ',', "home-living", false),
            new LabelledSet("tiki_kaggle_michaelminhpham/vietnamese_tiki_products_women_shoes.csv", "name", ',', "fashion-footwear", true),
            new LabelledSet("tiki_kaggle_michaelminhpham/vietnamese_tiki_products_men_bags.csv", "name", ',', "fashion-footwear", true),
            new LabelledSet("tiki_kaggle_michaelminhpham/vietnamese_tiki_products_backpacks_suitcases.csv", "name", ',', "fashion-footwear", true),
            new LabelledSet("lazada_dvcminh/Lazada/computerandlaptop/laptop/lazada.csv", "title", ',', "electronics", true),
            new LabelledSet("lazada_dvcminh/Lazada/health/medical/lazada.csv", "title", ',', "pharma-supplements", true),
            new LabelledSet("lazada_dvcminh/Lazada/bookandmusic/parent_book/lazada.csv", "title", ',', "books-stationery", true),
            new LabelledSet("lazada_dvcminh/Lazada/woman/aolen/lazada.csv", "title", ',', "fashion-footwear", true),
            new LabelledSet("lazada_dvcminh/Lazada/bike/lazada.csv", "title", ',', "vehicles-parts", true),
            new LabelledSet("tiki_fashion_RokeMSE/tiki_products.tsv", "Tên sản phẩm", '\t', "fashion-footwear", true));

    @Test
    void mostRealTitlesLandInTheirMarketplaceCategory() throws Exception {
        assertTrue(Files.isDirectory(DATA), DATA.toAbsolutePath() + " missing: the shared data folder must be beside the repository");
        ProductGroupClassifier c = ProductGroupClassifierTest.defaults();
        Map<Boolean, long[]> totals = new TreeMap<>();
        StringBuilder table = new StringBuilder("| set | expected | titles | right | unassigned | accuracy |\n|---|---|---|---|---|---|\n");
        List<String> weak = new ArrayList<>();
        for (LabelledSet set : SETS) {
            long right = 0;
            long none = 0;
            List<String> titles = titles(DATA.resolve(set.file()), set.titleColumn(), set.separator());
            for (String title : titles) {
                var g = c.classify(title, null);
                if (g.isEmpty()) {
                    none++;
                } else if (g.get().equals(set.expected())) {
                    right++;
                }
            }
            double accuracy = titles.isEmpty() ? 0 : (double) right / titles.size();
            table.append(String.format("| %s%s | %s | %d | %d | %d | %.3f |%n", set.file(), set.heldOut() ? " (held out)" : "",
                    set.expected(), titles.size(), right, none, accuracy));
            long[] t = totals.computeIfAbsent(set.heldOut(), k -> new long[2]);
            t[0] += titles.size();
            t[1] += right;
            if (accuracy < 0.3) {
                weak.add(set.file() + " " + accuracy);
            }
        }
        totals.forEach((held, t) -> table.append(String.format("| **all %s** | | %d | %d | | **%.3f** |%n",
                held ? "held-out" : "development", t[0], t[1], (double) t[1] / t[0])));
        System.out.println(table);
        double dev = (double) totals.get(false)[1] / totals.get(false)[0];
        double held = (double) totals.get(true)[1] / totals.get(true)[0];
        // floors just under what was measured (development 0.892, held-out 0.756): a change to the
        // taxonomy or the classifier that makes it worse fails here
        assertTrue(dev >= 0.88, "development accuracy " + dev);
        assertTrue(held >= 0.75, "held-out accuracy " + held);
        assertTrue(weak.isEmpty(), "sets below 0.3: " + weak);
    }

    /** One column of a CSV/TSV file with quoted fields (RFC 4180), header row first. */
    static List<String> titles(Path file, String column, char separator) throws Exception {
        List<String> out = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> header = null;
            int index = -1;
            for (List<String> row = CsvRows.next(in, separator); row != null; row = CsvRows.next(in, separator)) {
                if (header == null) {
                    header = row;
                    index = header.indexOf(column);
                    if (index < 0) {
                        throw new AssertionError(file + " has no column " + column + ": " + header);
                    }
                } else if (index < row.size() && !row.get(index).isBlank()) {
                    out.add(row.get(index));
                }
            }
        }
        return out;
    }
}

package org.markguard.benchmarks.detect;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.markguard.api.Brand;
import org.markguard.api.Finding;
import org.markguard.api.FoldedText;
import org.markguard.api.Listing;
import org.markguard.api.ProductDetails;
import org.markguard.api.Registries;
import org.markguard.api.Seller;

/**
 * Detection on real marketplace rows nobody here wrote ({@code ../shared/data/02_vietnam_ecommerce},
 * read at run time, never copied): Listings built straight from CSV fields (title, price, seller,
 * brand), no extraction. The brand registry is generated from the same data:
 * <ul>
 *   <li>brands: every value of Tiki's {@code brand} / {@code Thương hiệu} / {@code brand_name} and
 *       Shopee's {@code brand_name} seen on at least 5 rows, except OEM / No Brand and names shorter
 *       than 3 letters; names as written, no classes or product terms (unknown);</li>
 *   <li>officialSellers: the Tiki sellers of a brand's rows whose name contains "official", "chính
 *       hãng", "store" together with the brand, or the brand name itself;</li>
 *   <li>referencePrice.min: the 10th percentile of that brand's prices over all its rows (VND).</li>
 * </ul>
 * The measure: the share of Lazada rows with the LazMall official-store badge that are flagged. Those
 * rows carry no seller name, so the detector sees an unknown, i.e. non-official, seller: the share
 * tests the scoring (a plain mention at a normal price must stay below minScore), not a seller list.
 *
 * <pre>java -cp benchmarks/target/markguard-benchmarks.jar org.markguard.benchmarks.detect.RealListingsHarness [data dir]</pre>
 */
public final class RealListingsHarness {
    private RealListingsHarness() {
    }

    /** One row to assess, and whether it comes from an official store. */
    record Row(String source, Listing listing, boolean official) {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "/work/shared/data/02_vietnam_ecommerce");
        List<Row> branded = brandedRows(data);
        Registries registries = new Registries(registry(branded), List.of());
        List<Row> rows = new ArrayList<>(branded);
        rows.addAll(lazadaRows(data));
        DetectorSuite suite = new DetectorSuite(registries);
        Map<String, int[]> bySource = new LinkedHashMap<>(); // rows, flagged, official rows, official flagged
        List<Map.Entry<Row, List<Finding>>> flagged = new ArrayList<>();
        for (Row row : rows) {
            List<Finding> findings = suite.detect(row.listing());
            int[] c = bySource.computeIfAbsent(row.source(), k -> new int[4]);
            c[0]++;
            c[2] += row.official() ? 1 : 0;
            if (!findings.isEmpty()) {
                c[1]++;
                c[3] += row.official() ? 1 : 0;
                flagged.add(Map.entry(row, findings));
            }
        }
        System.out.printf("registry generated from the data: %d brands, %d with official sellers%n",
                registries.brands().size(), registries.brands().stream().filter(b -> !b.officialSellers().isEmpty()).count());
        System.out.printf("%-10s %7s %7s %9s %9s %8s%n", "source", "rows", "flagged", "official", "off.flag", "share");
        bySource.forEach((source, c) -> System.out.printf("%-10s %7d %7d %9d %9d %7.2f%%%n", source, c[0], c[1], c[2],
                c[3], c[2] == 0 ? 0.0 : 100.0 * c[3] / c[2]));
        flagged.sort(Comparator.comparingDouble((Map.Entry<Row, List<Finding>> e) -> risk(e.getValue())).reversed());
        System.out.println("twenty highest-risk rows:");
        for (Map.Entry<Row, List<Finding>> e : flagged.subList(0, Math.min(20, flagged.size()))) {
            Finding top = e.getValue().get(0);
            Listing l = e.getKey().listing();
            System.out.printf("  %.2f %s%s \"%s\" %s ₫ seller=%s -> %s %s%n", risk(e.getValue()), e.getKey().source(),
                    e.getKey().official() ? " [official]" : "", l.title(), l.price(), l.seller().name(),
                    top.subject(), top.reasons());
        }
    }

    private static double risk(List<Finding> findings) {
        double none = 1;
        for (Finding f : findings) {
            none *= 1 - f.score();
        }
        return 1 - none;
    }

    static List<Brand> registry(List<Row> branded) {
        Map<String, List<Row>> byBrand = new LinkedHashMap<>();
        Map<String, String> written = new HashMap<>();
        for (Row row : branded) {
            String brand = row.listing().details().brand();
            String key = FoldedText.fold(brand).strip();
            if (key.length() < 3 || Set.of("oem", "no brand", "none", "khong thuong hieu").contains(key)) {
                continue;
            }
            written.putIfAbsent(key, brand.strip());
            byBrand.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        List<Brand> brands = new ArrayList<>();
        byBrand.forEach((key, rows) -> {
            if (rows.size() < 5) {
                return;
            }
            Set<String> official = new LinkedHashSet<>();
            List<BigDecimal> prices = new ArrayList<>();
            for (Row row : rows) {
                String seller = row.listing().seller().name();
                String s = seller == null ? "" : FoldedText.fold(seller);
                if (!s.isEmpty() && (s.strip().equals(key) || (s.contains(key) && (s.contains("official")
                        || s.contains("offcial") || s.contains("chinh hang") || s.contains("store"))))) {
                    official.add(seller.strip());
                }
                if (row.listing().price() != null && row.listing().price().signum() > 0) {
                    prices.add(row.listing().price());
                }
            }
            prices.sort(Comparator.naturalOrder());
            Brand.ReferencePrice reference = prices.isEmpty() ? null
                    : new Brand.ReferencePrice(prices.get(prices.size() / 10), "VND");
            brands.add(new Brand(key.replaceAll("[^a-z0-9]+", "-"), List.of(written.get(key)), null, List.of(),
                    List.of(), List.copyOf(official), reference));
        });
        return brands;
    }

    static List<Row> brandedRows(Path data) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (Stream<Path> files = Files.list(data.resolve("tiki_kaggle_michaelminhpham"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                for (Map<String, String> r : Csv.read(f, ',')) {
                    rows.add(row("tiki", r.get("name"), r.get("price"), r.get("current_seller"), null, r.get("brand")));
                }
            }
        }
        for (Map<String, String> r : Csv.read(data.resolve("tiki_fashion_RokeMSE/tiki_products.tsv"), '\t')) {
            rows.add(row("tiki", r.get("Tên sản phẩm"), r.get("Giá"), r.get("Tên cửa hàng"), null, r.get("Thương hiệu")));
        }
        for (Map<String, String> r : Csv.read(data.resolve("lazada_dvcminh/Tiki/product_id_ncds.csv"), ',')) {
            rows.add(row("tiki", r.get("name"), r.get("price"), null, null, r.get("brand_name")));
        }
        JsonNode phones = HarnessRegistries.JSON.readTree(
                data.resolve("tiki_smartphones_LeDoanh/Tiki_crawl_result.json").toFile());
        for (JsonNode p : phones) {
            rows.add(row("tiki", p.path("Name").asText(), p.path("Current_price").asText(),
                    p.path("Current_seller").path("name").asText(p.path("Current_seller").asText()), null,
                    p.path("Brand").path("name").asText(p.path("Brand").asText())));
        }
        for (Map<String, String> r : Csv.read(data.resolve("shopee_cosmetics_HienBM/shopee_products_final.csv"), ',')) {
            rows.add(row("shopee", r.get("name"), r.get("price"), null, r.get("location"), r.get("brand_name")));
        }
        return rows;
    }

    static List<Row> lazadaRows(Path data) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (Stream<Path> files = Files.walk(data.resolve("lazada_dvcminh/Lazada"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().equals("lazada.csv")).sorted().toList()) {
                for (Map<String, String> r : Csv.read(f, ',')) {
                    String flag = r.getOrDefault("official", "").strip();
                    Row row = row("lazada", r.get("title"), r.get("price"), null, null, null);
                    rows.add(new Row("lazada", row.listing(), flag.equals("1") || flag.equalsIgnoreCase("Official")));
                }
            }
        }
        return rows;
    }

    private static int counter;

    private static Row row(String source, String title, String price, String seller, String location, String brand) {
        String digits = price == null ? "" : price.replaceAll("\\.\\d{1,2}$", "").replaceAll("[^0-9]", "");
        BigDecimal amount = digits.isEmpty() ? null : new BigDecimal(digits);
        Seller who = seller == null || seller.isBlank() ? new Seller(null, null, location)
                : new Seller(seller.strip(), seller.strip(), location);
        ProductDetails details = new ProductDetails(brand == null ? null : brand.strip(), null, null, null, null, null,
                null, null, null, null, null, null);
        Listing listing = new Listing(null, "https://data.example/" + source + "/" + counter++, source, title, null,
                amount, "VND", who, null, null, null, null, null, null, details, null);
        return new Row(source, listing, false);
    }
}

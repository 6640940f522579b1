package org.markguard.benchmarks.detect;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.markguard.api.Brand;
import org.markguard.api.FindingKind;
import org.markguard.api.Indication;
import org.markguard.api.Listing;
import org.markguard.api.ProductDetails;
import org.markguard.api.Registries;
import org.markguard.api.Seller;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The full detector suite (trademark + indication + OCOP, called directly) on one realistic listing,
 * with a registry of {@code brands} generated brands (the 12 of config/registry plus invented
 * realistic names) and the 3,715 DEFRA EU/UK GI entries as indications next to the Vietnamese ones.
 * Compare brands=10 and brands=1000: the lookup is indexed, so the two should cost the same.
 *
 * <pre>java -jar benchmarks/target/markguard-benchmarks.jar 'detect.DetectionBenchmark' -t 1</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class DetectionBenchmark {
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ra", "ven", "tor", "sel", "na", "qui", "bel", "dor",
        "zan", "fi", "ro", "mar", "tis", "ex", "lu", "vio", "pra", "del", "sky", "ton", "gar"};

    @Param({"10", "1000"})
    public int brands;

    private DetectorSuite suite;
    private Listing counterfeit;
    private Listing plain;

    @Setup
    public void setUp() throws IOException {
        Registries demo = HarnessRegistries.load(HarnessRegistries.defaultDir());
        List<Brand> brandList = new ArrayList<>(demo.brands().subList(0, Math.min(brands, demo.brands().size())));
        SplittableRandom rnd = new SplittableRandom(7);
        while (brandList.size() < brands) {
            String name = inventedName(rnd);
            brandList.add(new Brand(name.toLowerCase().replace(' ', '-') + "-" + brandList.size(), List.of(name), null,
                    List.of(25), List.of("giày", "áo"), List.of(name.toLowerCase() + "-official"),
                    new Brand.ReferencePrice(BigDecimal.valueOf(500_000 + rnd.nextInt(5_000_000)), "VND")));
        }
        List<Indication> indications = new ArrayList<>(demo.indications());
        indications.addAll(defraIndications(Path.of("/work/shared/data/05_geographical_indications/"
                + "defra_eu_uk_gi_register/register.json")));
        suite = new DetectorSuite(new Registries(brandList, indications));
        counterfeit = listing("Túi xách G.U.C.C.I Marmont hàng rep 1:1 like auth, fullbox",
                "Hàng rep 1:1 giống auth 99%. Gucci Marmont đủ size, ship COD toàn quốc, kiểm tra hàng trước khi nhận."
                        + " Nước mắm Phú Quốc tặng kèm. OCOP 4 sao.", 350_000);
        plain = listing("Bình giữ nhiệt inox 500ml", "Giữ nóng 12 giờ, giữ lạnh 24 giờ, inox 304 an toàn. Ship COD.",
                99_000);
    }

    private static String inventedName(SplittableRandom rnd) {
        StringBuilder name = new StringBuilder();
        int parts = 2 + rnd.nextInt(2);
        for (int i = 0; i < parts; i++) {
            name.append(SYLLABLES[rnd.nextInt(SYLLABLES.length)]);
        }
        name.setCharAt(0, Character.toUpperCase(name.charAt(0)));
        return rnd.nextInt(5) == 0 ? name + " " + SYLLABLES[rnd.nextInt(SYLLABLES.length)] : name.toString();
    }

    /** EA_Name → names, EA_ProductCategory → the product term ("Cheeses" → "cheeses"). */
    static List<Indication> defraIndications(Path register) throws IOException {
        List<Indication> out = new ArrayList<>();
        JsonNode root = HarnessRegistries.JSON.readTree(register.toFile());
        int n = 0;
        for (JsonNode item : root) {
            String name = item.path("EA_Name").asText("");
            String category = item.path("EA_ProductCategory").asText("");
            if (name.isBlank()) {
                continue;
            }
            String term = category.replaceAll("^(Class )?[0-9.]+\\s*", "").strip().toLowerCase();
            List<String> names = List.of(name.split("\\s+/\\s+"));
            out.add(new Indication("defra-" + n++, FindingKind.GEOGRAPHICAL_INDICATION, names,
                    List.of(term.isEmpty() ? "wine" : term),
                    new Indication.Region(item.path("EA_Country").asText("EU"), List.of()), List.of(), "DEFRA"));
        }
        return out;
    }

    private static Listing listing(String title, String description, long price) {
        ProductDetails details = new ProductDetails("Gucci", null, null, null, null, null, null, null, null,
                List.of("ảnh thật túi Gucci"), "vi", null);
        return new Listing(null, "https://shop.example/p/" + price, "shopee", title, description,
                BigDecimal.valueOf(price), "VND", new Seller("shop-x", "Shop X", "Hà Nội", "Hà Nội"), List.of(), null, null,
                null, null, null, details, null);
    }

    @Benchmark
    public void counterfeitListing(Blackhole bh) {
        bh.consume(suite.detect(counterfeit));
    }

    @Benchmark
    public void plainListing(Blackhole bh) {
        bh.consume(suite.detect(plain));
    }
}

package org.markguard.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.markguard.api.FetchedPage;
import org.markguard.api.Listing;

/**
 * The product samples of the extruct test suite, read in place from the shared data folder (never
 * copied into this repository). Name, price and currency must match extruct's expected output.
 * A missing folder fails the tests: silently skipping them would hide a broken set-up.
 */
class ExtructSamplesTest {
    static final Path SAMPLES = Path.of("../../../shared/data/01_product_extraction/extruct-test-samples/tests/samples");
    private static final String BASE = "https://extruct.test/samples/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HtmlListingExtractor extractor = new HtmlListingExtractor();

    /** Expected name, lowest price and currency of the first Product in extruct's microdata output. */
    private record Expected(String name, BigDecimal price, String currency, List<String> images) {
    }

    static Path sample(String relative) {
        assertTrue(Files.isDirectory(SAMPLES), () -> "extruct samples not found at " + SAMPLES.toAbsolutePath()
                + " (the shared data folder must be present next to the repository)");
        Path file = SAMPLES.resolve(relative);
        assertTrue(Files.isRegularFile(file), () -> "missing sample " + file.toAbsolutePath());
        return file;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Listing extract(String relative) {
        FetchedPage page = new FetchedPage(BASE + relative, "extruct", 200, "text/html", read(sample(relative)),
                Pages.FETCHED);
        return extractor.extract(page).orElseThrow(() -> new AssertionError("no listing from " + relative));
    }

    private static Expected expectedMicrodata(String relative) throws IOException {
        JsonNode items = JSON.readTree(read(sample(relative)));
        for (JsonNode item : items) {
            if (item.path("type").asText().endsWith("schema.org/Product")) {
                JsonNode properties = item.path("properties");
                BigDecimal lowest = null;
                String currency = null;
                for (JsonNode offer : Json.list(properties.get("offers"))) {
                    JsonNode p = offer.path("properties");
                    String amount = p.has("price") ? p.path("price").asText() : p.path("lowPrice").asText(null);
                    if (amount != null) {
                        BigDecimal value = new BigDecimal(amount.strip());
                        lowest = lowest == null || value.compareTo(lowest) < 0 ? value : lowest;
                    }
                    currency = currency == null ? p.path("priceCurrency").asText(null) : currency;
                }
                List<String> images = new ArrayList<>();
                Json.list(properties.get("image")).forEach(i -> images.add(i.asText().strip()));
                return new Expected(properties.path("name").asText(), lowest, currency, images);
            }
        }
        throw new AssertionError("no Product in " + relative);
    }

    private static void assertMatches(Expected expected, Listing listing) {
        assertEquals(expected.name(), listing.title());
        assertNotNull(listing.price(), "price");
        assertEquals(0, expected.price().compareTo(listing.price()), () -> "price " + listing.price());
        assertEquals(expected.currency(), listing.currency());
    }

    @ParameterizedTest
    @ValueSource(strings = {"schema.org/product.html", "schema.org/product-ref.html", "misc/product_microdata.html",
        "websites/microdata-with-description.html"})
    void microdataSamplesMatchExtruct(String html) throws IOException {
        String expectedFile = html.equals("misc/product_microdata.html") ? "schema.org/product.json"
                : html.replace(".html", ".json");
        Expected expected = expectedMicrodata(expectedFile);
        Listing listing = extract(html);
        assertMatches(expected, listing);
        assertEquals("MICRODATA", listing.extractionSource());
        // images resolve against the page; extruct keeps them as written. extruct also takes the
        // images of an itemref'd element that is an item itself (product-ref: img-2.jpg); the HTML
        // microdata algorithm does not descend into such an element, and neither do we.
        String first = expected.images().get(0);
        String want = first.startsWith("http") ? first : BASE + html.substring(0, html.lastIndexOf('/') + 1) + first;
        assertEquals(want, listing.imageUrls().get(0));
        assertTrue(listing.imageUrls().size() <= expected.images().size(), listing.imageUrls()::toString);
    }

    /** A Product's property as extruct gives it: a string, or an item's properties, or the first of a list. */
    private static JsonNode productProperty(String expectedFile, String... path) throws IOException {
        for (JsonNode item : JSON.readTree(read(sample(expectedFile)))) {
            if (item.path("type").toString().contains("schema.org/Product")) {
                JsonNode node = item.path("properties");
                for (String step : path) {
                    node = node.isArray() ? node.get(0) : node;
                    node = node.has("properties") ? node.path("properties").path(step) : node.path(step);
                }
                return node.isArray() ? node.get(0) : node;
            }
        }
        return fail("no Product in " + expectedFile);
    }

    /** extruct's value with its whitespace collapsed, as a listing carries text; missing fails the test. */
    private static String text(JsonNode node) {
        assertTrue(node.isTextual(), () -> "not in extruct's output: " + node);
        return node.asText().replaceAll("\\s+", " ").strip();
    }

    /** Brand, description, rating, availability and seller, beside name and price, as extruct reads them. */
    @ParameterizedTest
    @ValueSource(strings = {"schema.org/product.html", "schema.org/product-ref.html"})
    void productSamplesCarryTheOtherFactsExtructReads(String html) throws IOException {
        String expected = html.replace(".html", ".json");
        Listing listing = extract(html);
        assertEquals(text(productProperty(expected, "brand")), listing.details().brand());
        assertEquals(text(productProperty(expected, "description")), listing.description());
        assertEquals(Double.valueOf(text(productProperty(expected, "aggregateRating", "ratingValue"))),
                listing.details().rating());
        String availability = text(productProperty(expected, "offers", "availability"));
        assertEquals(availability.substring(availability.lastIndexOf('/') + 1), listing.details().availability());
        assertEquals(text(productProperty(expected, "offers", "seller", "name")), listing.seller().name());
        assertEquals("MICRODATA", listing.fieldSources().get("details.brand"));
    }

    /** An AggregateOffer beside single offers: the lowest price, the range's top as priceHigh. */
    @Test
    void aggregateOfferSampleGivesTheRange() throws IOException {
        String expected = "websites/microdata-with-description.json";
        Listing listing = extract("websites/microdata-with-description.html");
        JsonNode aggregate = productProperty(expected, "offers");
        assertEquals(0, new BigDecimal(text(aggregate.path("properties").path("lowPrice"))).compareTo(listing.price()));
        assertEquals(0, new BigDecimal(text(aggregate.path("properties").path("highPrice")))
                .compareTo(listing.details().priceHigh()));
        assertEquals(text(productProperty(expected, "brand")), listing.details().brand());
        assertEquals(text(productProperty(expected, "image")), listing.imageUrls().get(0));
        assertEquals("InStock", listing.details().availability());
        assertTrue(listing.description().startsWith("Johnsons 4 Fleas Cats & Kittens - 3 Treatment Pack"),
                listing::description);
    }

    /** A rating written as a meter element: its value attribute, as extruct reads it. */
    @Test
    void meterSampleGivesTheRating() throws IOException {
        String expected = "w3c/microdata.4.2.meter.json";
        Listing listing = extract("w3c/microdata.4.2.meter.html");
        assertEquals(text(productProperty(expected, "name")), listing.title());
        assertEquals(Double.valueOf(text(productProperty(expected, "aggregateRating", "ratingValue"))),
                listing.details().rating());
        assertEquals(null, listing.price());
    }

    /**
     * extruct resolves relative URLs against the base it is given (product_custom_url.json: the
     * same page read with base http://some-example.com/); a listing resolves against its page URL.
     */
    @Test
    void imagesResolveAgainstThePageUrlAsExtructsCustomUrlSample() throws IOException {
        String image = text(productProperty("schema.org/product_custom_url.json", "image"));
        FetchedPage page = new FetchedPage("http://some-example.com/", "extruct", 200, "text/html",
                read(sample("schema.org/product.html")), Pages.FETCHED);
        Listing listing = extractor.extract(page).orElseThrow();
        assertEquals(image, listing.imageUrls().get(0));
    }

    /** An Invoice whose ordered item is a Product: that product is read, not the invoice's zero prices. */
    @Test
    void productNestedInAnInvoiceIsTheListing() throws IOException {
        JsonNode invoice = JSON.readTree(read(sample("schema.org/LocalBusiness.003.json"))).get(0).path("properties");
        String name = invoice.path("referencesOrder").get(0).path("properties").path("orderedItem")
                .path("properties").path("name").asText();
        Listing listing = extract("schema.org/LocalBusiness.003.html");
        assertEquals(name, listing.title());
        assertEquals(null, listing.price());
        assertEquals("MICRODATA", listing.extractionSource());
    }

    /**
     * JSON-LD that browsers forgive (JavaScript comments, raw line breaks in strings, HTML comment
     * wrappers): every block reads as the JSON extruct expects, so a product written that way is
     * not lost.
     */
    @ParameterizedTest
    @ValueSource(strings = {"custom.invalid/JSONLD_with_JS_comment", "custom.invalid/JSONLD_with_control_characters",
        "custom.invalid/JSONLD_with_control_characters_comment", "custom.invalid/AllocateAction.001",
        "custom.invalid/JoinAction.001", "schema.org.invalid/AllocateAction.001", "schema.org.invalid/JoinAction.001"})
    void lenientJsonLdReadsAsExtructReadsIt(String sample) throws Exception {
        JsonNode expected = JSON.readTree(read(sample(sample + ".jsonld")));
        Document doc = Jsoup.parse(new String(read(sample(sample + ".html")), java.nio.charset.StandardCharsets.UTF_8));
        List<JsonNode> blocks = new ArrayList<>();
        for (var script : doc.select("script[type=application/ld+json]")) {
            JsonNode block = Json.parse(script.data());
            if (block != null) {
                Json.list(block).forEach(blocks::add);
            }
        }
        assertEquals(expected.size(), blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            // re-read with a plain reader: the same tree whatever the key order and number types
            assertEquals(JSON.readTree(JSON.writeValueAsString(expected.get(i))),
                    JSON.readTree(JSON.writeValueAsString(blocks.get(i))), sample);
        }
    }

    @Test
    void productMicrodataSellerIsTheOffersSeller() {
        Listing listing = extract("misc/product_microdata.html");
        assertEquals("Executive Objects", listing.seller().name());
        assertTrue(listing.description().startsWith("Sleeker than ACME's Classic Anvil, the Executive Anvil is"));
    }

    @Test
    void openGraphProductSampleMatchesExtruct() throws IOException {
        JsonNode expected = JSON.readTree(read(sample("misc/opengraph_ns_product_test.json"))).get(0).get("properties");
        String title = property(expected, "og:title");
        BigDecimal price = new BigDecimal(property(expected, "product:price:amount"));
        String currency = property(expected, "product:price:currency");

        // the OpenGraph reading alone gives exactly extruct's values
        Path file = sample("misc/opengraph_ns_product_test.html");
        Document doc = Jsoup.parse(new String(read(file), java.nio.charset.StandardCharsets.UTF_8),
                BASE + "misc/opengraph_ns_product_test.html");
        ProductFields og = OpenGraphSource.read(PageScan.of(doc));
        assertTrue(og.product);
        assertEquals(title, og.title);
        assertEquals(0, price.compareTo(og.price));
        assertEquals(currency, og.currency);
        assertEquals(property(expected, "og:url"), og.canonicalUrl);

        // the whole page also has microdata, which is trusted more: its name is the title without
        // OpenGraph's site suffix; price and currency agree
        Listing listing = extract("misc/opengraph_ns_product_test.html");
        assertTrue(title.startsWith(listing.title() + " - "), listing::title);
        assertEquals("MICRODATA", listing.fieldSources().get("title"));
        assertEquals(0, price.compareTo(listing.price()));
        assertEquals(currency, listing.currency());
        assertEquals(List.of(property(expected, "og:image")), og.images());
    }

    private static String property(JsonNode pairs, String key) {
        for (JsonNode pair : pairs) {
            if (pair.get(0).asText().equals(key)) {
                return pair.get(1).asText();
            }
        }
        return fail("no " + key + " in the expected output");
    }

    /**
     * Every sample page, product or not, goes through without an exception, and exactly the pages
     * whose extruct output has a schema.org Product or an OpenGraph product give a listing.
     */
    @Test
    void everySampleIsHandled() throws IOException {
        List<String> products = new ArrayList<>();
        List<String> found = new ArrayList<>();
        sample("schema.org/product.html"); // fails with a clear message when the folder is missing
        try (Stream<Path> files = Files.walk(SAMPLES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                String relative = SAMPLES.relativize(file).toString().replace('\\', '/');
                Optional<Listing> listing = extractor.extract(new FetchedPage(BASE + relative, "extruct", 200,
                        null, read(file), Pages.FETCHED));
                listing.ifPresent(l -> found.add(relative));
                products.add(relative);
            }
        }
        assertTrue(products.size() > 50, () -> "only " + products.size() + " sample pages");
        assertEquals(List.of("misc/opengraph_ns_product_test.html", "misc/product_microdata.html",
                "schema.org/LocalBusiness.003.html", "schema.org/product-ref.html", "schema.org/product.html",
                "w3c/microdata.4.2.meter.html", "websites/microdata-with-description.html"), found);
    }
}

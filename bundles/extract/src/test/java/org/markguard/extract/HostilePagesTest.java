package org.markguard.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.markguard.api.FetchedPage;
import org.markguard.api.Listing;
import org.markguard.api.Seller;

/** Broken, huge, binary and oddly encoded pages: never an exception, a listing when there is one. */
class HostilePagesTest {
    private static final String URL = "https://demo.markguard.test/p/1";
    private final HtmlListingExtractor extractor = new HtmlListingExtractor();

    private Optional<Listing> extract(String contentType, byte[] body) {
        return extractor.extract(Pages.page(URL, "demo", contentType, body));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void invalidJsonLdIsSkippedWithAWarning() {
        Listing listing = extractor.extract(Pages.fixture("invalid-jsonld.html", URL, "demo")).orElseThrow();
        assertEquals("Bưởi da xanh Năm Roi Vĩnh Long", listing.title());
        assertEquals(0, new BigDecimal("85000").compareTo(listing.price()));
        assertEquals("VND", listing.currency());
        assertEquals("OPENGRAPH", listing.extractionSource());
        assertEquals(1, listing.warnings().size(), listing.warnings()::toString);
        assertTrue(listing.warnings().get(0).startsWith("JSON-LD block 2 is not valid JSON: "),
                listing.warnings()::toString);
    }

    @Test
    void unclosedTagsStillGiveTheProduct() {
        Listing listing = extractor.extract(Pages.fixture("unclosed-tags.html", URL, "tiki")).orElseThrow();
        assertEquals("Áo thun Gucci logo", listing.title());
        assertEquals(0, new BigDecimal("199000").compareTo(listing.price()));
        assertEquals("VND", listing.currency());
        assertEquals("aothun99", listing.seller().id());
        // the span is never closed, so the text after it is inside it, as in a browser
        assertTrue(listing.seller().location().startsWith("Hải Phòng"), listing.seller()::toString);
    }

    @Test
    void twoMegabytesOfJunk() {
        Random random = new Random(42);
        StringBuilder junk = new StringBuilder("<html><head><meta property=og:type content=product>"
                + "<meta property=og:title content='Túi Louis Vuitton'></head><body>");
        String[] pieces = {"<div", "</span>", "<<", ">>", "&#", "&amp", "{\"", "<script type=application/ld+json>{",
            "</script>", "<p itemscope itemtype=http://schema.org/Product>", "\u0000", "ệ", "\"", "'", " "};
        while (junk.length() < 2 * 1024 * 1024) {
            junk.append(pieces[random.nextInt(pieces.length)]).append((char) ('a' + random.nextInt(26)));
        }
        Optional<Listing> listing = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> extract("text/html", utf8(junk.toString())));
        assertEquals("Túi Louis Vuitton", listing.orElseThrow().title(), listing.get()::toString);
        assertTrue(listing.get().warnings().size() <= ListingAssembler.MAX_WARNINGS);
    }

    @Test
    void emptyBody() {
        assertEquals(Optional.empty(), extract("text/html", new byte[0]));
        assertEquals(Optional.empty(), extractor.extract(new FetchedPage(URL, "demo", 200, null, null, null)));
    }

    @Test
    void binaryBytes() {
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            byte[] body = new byte[64 * 1024];
            random.nextBytes(body);
            assertEquals(Optional.empty(), extract(round % 2 == 0 ? null : "text/html; charset=utf-8", body));
        }
        assertEquals(Optional.empty(), extract("image/jpeg", utf8("<meta property=og:type content=product>")));
    }

    @Test
    void nullAndBlankPages() {
        assertEquals(Optional.empty(), extractor.extract(null));
        // a listing needs a url: a blank one gives nothing rather than an exception
        assertEquals(Optional.empty(), extractor.extract(Pages.page(" ", "demo", "text/html",
                utf8("<meta property=og:type content=product><meta property=og:title content=x>"))));
    }

    @Test
    void unknownCharsetInHeaderFallsBackWithAWarning() {
        Listing listing = extract("text/html; charset=x-no-such-charset",
                utf8("<meta property=og:type content=product><meta property=og:title content='Cà phê'>")).orElseThrow();
        assertEquals("Cà phê", listing.title());
        assertTrue(listing.warnings().get(0).contains("x-no-such-charset"), listing.warnings()::toString);
    }

    @Test
    void windows1258WithMetaCharset() {
        Listing listing = extractor.extract(Pages.fixture("windows-1258.html", URL, "demo")).orElseThrow();
        assertNfcVietnamese(listing);
    }

    @Test
    void windows1258FromTheHeaderOnly() {
        // the same bytes with the meta tag removed: only the header can tell
        String page = new String(Pages.bytes("windows-1258.html"), Charset.forName("windows-1258"))
                .replaceFirst("<meta http-equiv[^>]*>", "");
        byte[] body = page.getBytes(Charset.forName("windows-1258"));
        assertNfcVietnamese(extract("text/html; charset=windows-1258", body).orElseThrow());
    }

    private static void assertNfcVietnamese(Listing listing) {
        assertEquals("Nước mắm Phú Quốc Thương hiệu Việt", listing.title());
        assertTrue(Normalizer.isNormalized(listing.title(), Normalizer.Form.NFC));
        assertEquals(new Seller("nm-pq", "Đặc sản Phú Quốc", "Kiên Giang", "An Giang"), listing.seller());
        assertEquals(0, new BigDecimal("120000").compareTo(listing.price()));
    }

    @Test
    void decomposedPageComesOutComposed() {
        Listing listing = extractor.extract(Pages.fixture("nfd.html", URL, "demo")).orElseThrow();
        assertEquals("Chè Thái Nguyên tân cương đặc biệt", listing.title());
        assertEquals("Trà xanh Thái Nguyên, hương cốm non.", listing.description());
        assertEquals(new Seller("che-tn", "Chè Tân Cương Xanh", "Thái Nguyên", "Thái Nguyên"), listing.seller());
        assertEquals(0, new BigDecimal("250000").compareTo(listing.price()));
        assertEquals("VND", listing.currency());
    }

    @Test
    void longFieldsAreTruncatedWithWarnings() {
        String title = "Nước mắm ".repeat(200);
        String description = "Đặc sản Phú Quốc. ".repeat(2_000);
        String html = "<script type=application/ld+json>{\"@type\":\"Product\",\"name\":\"" + title
                + "\",\"description\":\"" + description + "\"}</script>";
        Listing listing = extract("text/html", utf8(html)).orElseThrow();
        assertTrue(listing.title().length() <= ListingAssembler.MAX_TITLE);
        assertTrue(listing.description().length() <= ListingAssembler.MAX_DESCRIPTION);
        assertEquals(2, listing.warnings().stream().filter(w -> w.contains("truncated")).count(),
                listing.warnings()::toString);
    }

    @Test
    void deeplyNestedJsonDoesNotOverflow() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        String nested = "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000);
        String html = "<meta property=og:type content=product><meta property=og:title content=Deep>"
                + "<script type=application/ld+json>" + deep + "</script>"
                + "<script type=application/json>" + nested + "</script>"
                + "<script>window.__INITIAL_STATE__ = " + nested + ";</script>"
                + "<div itemscope itemtype=http://schema.org/Product>"
                + "<div itemprop=x itemscope>".repeat(2_000) + "</div>".repeat(2_000) + "</div>";
        Listing listing = extract("text/html", utf8(html)).orElseThrow();
        assertEquals("Deep", listing.title());
    }

    @Test
    void scriptsWithCommentsAndControlCharacters() {
        String html = "<script type='application/ld+json'>\n<!--\n{\"@type\":\"Product\", // the product\n"
                + "\"name\":\"Bánh pía\nSóc Trăng\", \"offers\":{\"price\":\"60.000\",\"priceCurrency\":\"VND\",},}\n-->"
                + "</script>";
        Listing listing = extract("text/html", utf8(html)).orElseThrow();
        assertEquals("Bánh pía Sóc Trăng", listing.title());
        assertEquals(0, new BigDecimal("60000").compareTo(listing.price()));
        assertEquals(java.util.List.of(), listing.warnings());
    }

    /** The demo pages cut short and with bytes flipped: whatever comes out, nothing is thrown. */
    @Test
    void mangledDemoPagesNeverThrow() {
        Random random = new Random(1258);
        for (String fixture : new String[] {"shopee-like.html", "lazada-like.html", "tiktok-like.html",
            "microdata-vi.html", "initial-state.html", "jsonld-graph.html", "windows-1258.html"}) {
            byte[] original = Pages.bytes(fixture);
            for (int round = 0; round < 40; round++) {
                byte[] body = java.util.Arrays.copyOf(original, 1 + random.nextInt(original.length));
                for (int flips = random.nextInt(8); flips > 0; flips--) {
                    body[random.nextInt(body.length)] = (byte) random.nextInt(256);
                }
                Optional<Listing> listing = extract(round % 3 == 0 ? null : "text/html", body);
                listing.ifPresent(l -> assertEquals(Listing.idFor(l.url()), l.id()));
            }
        }
    }
}

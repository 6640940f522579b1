package org.markguard.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.markguard.api.FetchedPage;
import org.markguard.api.Listing;
import org.markguard.api.Seller;

/** The three markups of the demo marketplace, and the other structured sources. */
class DemoMarketplaceTest {
    private final HtmlListingExtractor extractor = new HtmlListingExtractor();

    private Listing extract(FetchedPage page) {
        return extractor.extract(page).orElseThrow(() -> new AssertionError("no listing for " + page.url()));
    }

    @Test
    void shopeeLikeOpenGraphAndShopBlock() {
        FetchedPage page = Pages.fixture("shopee-like.html", "https://demo.markguard.test/shopee/product/8841/77120",
                "shopee");
        Listing listing = extract(page);
        assertEquals("Nước mắm Phú Quốc 40 độ đạm chai 500ml", listing.title());
        assertEquals("Nước mắm truyền thống & nguyên chất, ủ chượp 12 tháng.", listing.description());
        assertEquals(0, new BigDecimal("350000").compareTo(listing.price()));
        assertEquals("VND", listing.currency());
        assertEquals(new Seller("8841", "Đặc Sản Phú Quốc Chính Hãng", "Hà Nội", "Hà Nội"), listing.seller());
        assertEquals(List.of("https://demo.markguard.test/img/products/nuoc-mam-1.jpg"), listing.imageUrls());
        // og:url on the same host: canonical, without the fragment
        assertEquals("https://demo.markguard.test/shopee/product/8841/77120?utm_source=share", listing.url());
        assertEquals(Listing.idFor(listing.url()), listing.id());
        assertEquals("shopee", listing.platform());
        assertEquals(Pages.FETCHED, listing.captureTime());
        assertEquals(Listing.sha256Hex(page.body()), listing.contentHash());
        assertEquals("OPENGRAPH", listing.extractionSource());
        // the shop block is read by the bundled shopee profile; the struck price and the URL's item id by the
        // generic HTML rules
        assertEquals(Map.ofEntries(Map.entry("title", "OPENGRAPH"), Map.entry("description", "OPENGRAPH"),
                Map.entry("price", "OPENGRAPH"), Map.entry("currency", "OPENGRAPH"), Map.entry("imageUrls", "OPENGRAPH"),
                Map.entry("seller.id", "PROFILE"), Map.entry("seller.name", "PROFILE"),
                Map.entry("seller.location", "PROFILE"), Map.entry("details.originalPrice", "HTML"),
                Map.entry("details.sku", "HTML"), Map.entry("details.language", "TEXT")), listing.fieldSources());
        assertEquals(0, new BigDecimal("420000").compareTo(listing.details().originalPrice()));
        assertEquals("vi", listing.details().language());
        assertEquals(List.of(), listing.warnings());
    }

    @Test
    void lazadaLikeJsonLd() {
        Listing listing = extract(Pages.fixture("lazada-like.html",
                "https://demo.markguard.test/lazada/products/giay-nike-af1-i5521.html?spm=abc#top", "lazada"));
        assertEquals("Giày thể thao Nike Air Force 1 trắng", listing.title());
        assertEquals("Giày Nike Air Force 1, hàng chính hãng, full box.", listing.description());
        assertEquals(0, new BigDecimal("1250000").compareTo(listing.price()));
        assertEquals("VND", listing.currency());
        assertEquals(new Seller("lzd-seller-3307", "Sneaker Hub Official", "TP. Hồ Chí Minh", "TP. Hồ Chí Minh"), listing.seller());
        assertEquals(List.of("https://demo.markguard.test/img/af1-1.jpg", "https://demo.markguard.test/img/af1-2.jpg"),
                listing.imageUrls());
        assertEquals("https://demo.markguard.test/lazada/products/giay-nike-af1-i5521.html", listing.url());
        assertEquals("JSON_LD", listing.extractionSource());
        for (String field : List.of("title", "description", "price", "currency", "imageUrls", "seller.id",
                "seller.name", "seller.location")) {
            assertEquals("JSON_LD", listing.fieldSources().get(field), field);
        }
    }

    @Test
    void tiktokLikeNextData() {
        Listing listing = extract(Pages.fixture("tiktok-like.html", "https://demo.markguard.test/tiktok/product/1729384",
                "tiktok"));
        assertEquals("Vinamilk sữa tươi tiệt trùng ít đường 1L (thùng 12 hộp)", listing.title());
        assertEquals("Sữa tươi Vinamilk chính hãng. Giao nhanh 2h.", listing.description());
        assertEquals(0, new BigDecimal("289000").compareTo(listing.price()));
        assertEquals("VND", listing.currency());
        assertEquals(new Seller("tt-shop-55102", "Vina Milk Store 88", "Đà Nẵng", "Đà Nẵng"), listing.seller());
        assertEquals(List.of("https://demo.markguard.test/img/tt/vnm-1.jpg", "https://demo.markguard.test/img/tt/vnm-2.jpg"),
                listing.imageUrls());
        assertEquals("EMBEDDED_JSON", listing.extractionSource());
        assertEquals("EMBEDDED_JSON", listing.fieldSources().get("seller.id"));
        assertEquals("https://demo.markguard.test/tiktok/product/1729384", listing.url());
    }

    @Test
    void microdataWithNestedItems() {
        Listing listing = extract(Pages.fixture("microdata-vi.html", "https://demo.markguard.test/sendo/p/cafe", "sendo"));
        assertEquals("Cà phê Buôn Ma Thuột rang mộc 500g", listing.title());
        assertEquals("Cà phê Robusta Đắk Lắk.", listing.description());
        assertEquals(0, new BigDecimal("185000").compareTo(listing.price()));
        assertEquals("VND", listing.currency());
        // the seller's name is its own item's property, not the product's
        assertEquals(new Seller("cafe-daklak", "Cà Phê Đắk Lắk Xanh", "Đắk Lắk", "Đắk Lắk"), listing.seller());
        assertEquals(List.of("https://demo.markguard.test/img/cafe.jpg"), listing.imageUrls());
        assertEquals("MICRODATA", listing.extractionSource());
    }

    @Test
    void initialStateAssignment() {
        Listing listing = extract(Pages.fixture("initial-state.html", "https://demo.markguard.test/sendo/p/mat-ong",
                "sendo"));
        assertEquals("Mật ong rừng U Minh nguyên chất 1 lít", listing.title());
        assertEquals(0, new BigDecimal("450000").compareTo(listing.price()));
        assertEquals("VND", listing.currency());
        assertEquals(new Seller("9902", "Ong Rừng Cà Mau", "Cà Mau", "Cà Mau"), listing.seller());
        assertEquals(List.of("https://demo.markguard.test/img/mat-ong.jpg"), listing.imageUrls());
        assertEquals("EMBEDDED_JSON", listing.fieldSources().get("title"));
    }

    @Test
    void jsonLdGraphWithReferencesAndAggregateOffer() {
        Listing listing = extract(Pages.fixture("jsonld-graph.html", "https://demo.markguard.test/p/yen", "demo"));
        assertEquals("Yến sào Khánh Hòa hộp 100g", listing.title());
        // the lowest of lowPrice 1.500.000 and the inner offer's 1450000
        assertEquals(0, new BigDecimal("1450000").compareTo(listing.price()));
        assertEquals("VND", listing.currency());
        assertEquals(new Seller("https://demo.markguard.test/store/yen-sao-88", "Yến Sào 88", "Nha Trang"),
                listing.seller());
        assertEquals(List.of("https://demo.markguard.test/img/yen.jpg"), listing.imageUrls());
    }

    @Test
    void categoryPageIsNoProduct() {
        assertTrue(extractor.extract(Pages.fixture("category-page.html", "https://demo.markguard.test/c/nuoc-mam",
                "demo")).isEmpty());
    }

    @Test
    void canonicalOnAnotherHostIsIgnored() {
        String html = "<html><head><link rel=canonical href='https://evil.example/p/1'>"
                + "<meta property='og:type' content='product'><meta property='og:title' content='Áo'></head></html>";
        Listing listing = extract(Pages.page("https://demo.markguard.test/p/1#x", "demo", "text/html; charset=utf-8",
                html.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("https://demo.markguard.test/p/1", listing.url());
    }

    @Test
    void htmlAloneIsNoProduct() {
        String html = "<html><head><title>Blog</title></head><body><h1>Hello</h1>"
                + "<div class='shop-name'>A shop</div><span class='price'>350.000đ</span></body></html>";
        assertTrue(extractor.extract(Pages.page("https://demo.markguard.test/blog", "demo", "text/html",
                html.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEmpty());
    }

    /** One extractor serves all crawler threads: results must not depend on concurrency. */
    @Test
    void concurrentUseGivesTheSameListings() throws Exception {
        List<FetchedPage> pages = List.of(
                Pages.fixture("shopee-like.html", "https://demo.markguard.test/shopee/product/8841/77120", "shopee"),
                Pages.fixture("lazada-like.html", "https://demo.markguard.test/lazada/p/1", "lazada"),
                Pages.fixture("tiktok-like.html", "https://demo.markguard.test/tiktok/product/1729384", "tiktok"),
                Pages.fixture("microdata-vi.html", "https://demo.markguard.test/sendo/p/cafe", "sendo"));
        List<Listing> expected = pages.stream().map(this::extract).toList();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int n = i % pages.size();
                runs.add(pool.submit(() -> extract(pages.get(n)).equals(expected.get(n))));
            }
            for (var run : runs) {
                assertTrue(run.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

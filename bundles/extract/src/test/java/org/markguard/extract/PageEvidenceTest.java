package org.markguard.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.markguard.api.Listing;

/**
 * The rules where what the page shows settles what structured data leaves open: sold-out offers,
 * disagreeing prices, codes the page shows, the product's own heading, grids of other products.
 * Small hand-written pages, one rule each.
 */
class PageEvidenceTest {
    private final HtmlListingExtractor extractor = new HtmlListingExtractor();

    private Listing extract(String html) {
        return extractor.extract(Pages.page("https://shop.example/p/lantern", "web", "text/html; charset=utf-8",
                html.getBytes(StandardCharsets.UTF_8))).orElseThrow();
    }

    private static String jsonLd(String product) {
        return "<script type='application/ld+json'>{\"@type\":\"Product\",\"name\":\"Lantern\"," + product
                + "}</script>";
    }

    @Test
    void soldOutOffersDoNotSetThePriceOrTheStock() {
        Listing l = extract("<html><head>" + jsonLd("\"offers\":["
                + "{\"@type\":\"Offer\",\"price\":\"46.83\",\"priceCurrency\":\"CHF\",\"availability\":\"http://schema.org/OutOfStock\"},"
                + "{\"@type\":\"Offer\",\"price\":\"46.38\",\"priceCurrency\":\"CHF\",\"availability\":\"http://schema.org/OutOfStock\"},"
                + "{\"@type\":\"Offer\",\"price\":\"46.83\",\"priceCurrency\":\"CHF\",\"availability\":\"http://schema.org/InStock\"}]")
                + "</head><body></body></html>");
        assertEquals(0, new BigDecimal("46.83").compareTo(l.price()));
        assertEquals("InStock", l.details().availability());
    }

    @Test
    void allOffersSoldOutKeepTheLowestPriceAndSaySo() {
        Listing l = extract("<html><head>" + jsonLd("\"offers\":["
                + "{\"price\":\"86.45\",\"availability\":\"OutOfStock\"},{\"price\":\"53.85\",\"availability\":\"OutOfStock\"}]")
                + "</head><body></body></html>");
        assertEquals(0, new BigDecimal("53.85").compareTo(l.price()));
        assertEquals("OutOfStock", l.details().availability());
    }

    @Test
    void theVisiblePriceSettlesADisagreementBetweenStructuredSources() {
        // an auction: JSON-LD gives the starting price, OpenGraph and the page the current bid
        Listing l = extract("<html><head><meta property='og:type' content='product'>"
                + "<meta property='product:price:amount' content='310'>"
                + jsonLd("\"offers\":{\"price\":240,\"priceCurrency\":\"USD\"}") + "</head><body>"
                + "<h1>Lantern</h1><div class='lot-status'><span class='price'>$310</span></div></body></html>");
        assertEquals(0, new BigDecimal("310").compareTo(l.price()));
        assertEquals("OPENGRAPH", l.fieldSources().get("price"));
    }

    @Test
    void aStructuredListPriceShownStruckGivesWayToTheSalePrice() {
        Listing l = extract("<html><body><div itemscope itemtype='http://schema.org/Product'>"
                + "<h1 itemprop='name'>Lantern</h1><div itemprop='offers' itemscope itemtype='http://schema.org/Offer'>"
                + "<meta itemprop='price' content='189.26'><meta itemprop='priceCurrency' content='EUR'></div>"
                + "<div class='cost-box'><del class='price-former'>EUR189.26</del>"
                + "<span class='price-now'>EUR94.63</span></div></div></body></html>");
        assertEquals(0, new BigDecimal("94.63").compareTo(l.price()));
        assertEquals("HTML", l.fieldSources().get("price"));
    }

    @Test
    void agreeingSourcesAreLeftAlone() {
        Listing l = extract("<html><head>" + jsonLd("\"offers\":{\"price\":27,\"priceCurrency\":\"GBP\"}")
                + "</head><body><h1>Lantern</h1><p class='price'>£27.00</p></body></html>");
        assertEquals("JSON_LD", l.fieldSources().get("price"));
    }

    @Test
    void aCodeThePageShowsBeatsAStructuredSkuItNeverShows() {
        Listing l = extract("<html><head>" + jsonLd("\"sku\":\"480077215\",\"offers\":{\"price\":27}")
                + "</head><body><h1>Lantern</h1><p class='product-code'>Product code: 90412268</p></body></html>");
        assertEquals("90412268", l.details().sku());
        assertEquals("HTML", l.fieldSources().get("details.sku"));
    }

    @Test
    void aStructuredSkuThePageShowsStays() {
        Listing l = extract("<html><head>" + jsonLd("\"sku\":\"480077215\",\"offers\":{\"price\":27}")
                + "</head><body><h1>Lantern</h1><p>Item no.: LT-9</p><span>Item 480077215</span></body></html>");
        assertEquals("480077215", l.details().sku());
        assertEquals("JSON_LD", l.fieldSources().get("details.sku"));
    }

    @Test
    void aModelNumberShownDoesNotReplaceAHiddenSku() {
        // "Model" and bare "Item" often precede the maker's part number (MPN), not the shop's SKU
        Listing l = extract("<html><head>" + jsonLd("\"sku\":\"480077215\",\"offers\":{\"price\":27}")
                + "</head><body><h1>Lantern</h1><p>Model: KT-4410</p><p>Item: 7731</p></body></html>");
        assertEquals("480077215", l.details().sku());
        assertEquals("JSON_LD", l.fieldSources().get("details.sku"));
    }

    @Test
    void anElementNamedForTheCodeNeedsNoLabel() {
        Listing l = extract("<html><head>" + jsonLd("\"sku\":\"30517788\",\"offers\":{\"price\":27}")
                + "</head><body><h1>Lantern</h1><p class='item-colour'>Olive | "
                + "<span data-testid='product-code'>RT-20417</span></p></body></html>");
        assertEquals("RT-20417", l.details().sku());
    }

    @Test
    void aVisibleItempropSkuIsReadAsShown() {
        Listing l = extract("<html><body><h1>Desk lamp</h1><span class='price'>£12.45</span><button class='add-to-cart'>"
                + "Add</button><h2>Desk lamp <span itemprop='sku' content='5520987'>552/0987</span></h2></body></html>");
        assertEquals("552/0987", l.details().sku());
    }

    @Test
    void theHeadingTheTitleNamesIsTheProductsOwn() {
        Listing l = extract("<html><head><title>Folding picnic stool : Shop.example</title></head><body>"
                + "<div class='purchase'><span id='offer-amount' class='price'>18,40 €</span></div>"
                + "<div class='overlay'><h1>Join our loyalty club</h1><span class='price'>17,95 €</span></div>"
                + "<h1 id='title'>Folding picnic stool</h1><button class='add-to-cart'>Add</button>"
                + "</body></html>");
        assertEquals("Folding picnic stool", l.title());
    }

    @Test
    void aGridOfCardsWithImageLinkAndPriceIsOtherProducts() {
        StringBuilder cards = new StringBuilder("<div class='grid'>");
        for (int i = 0; i < 4; i++) {
            cards.append("<div class='col-4'><div class='tile'><a href='/p/").append(i)
                    .append("'><img src='/t.jpg'></a><span class='price'>31.50€</span></div></div>");
        }
        cards.append("</div>");
        // the product's own price comes before its heading, the cards right after it: closeness alone would pick a card
        Listing l = extract("<html><body><div class='summary'><p class='price'>23.00€</p></div>"
                + "<h1>Bird feeder</h1><button class='add-to-cart'>Buy</button>" + cards + "</body></html>");
        assertEquals(0, new BigDecimal("23").compareTo(l.price()));
    }

    @Test
    void sectionsOfTheProductPageAreNotCards() {
        // three different sections each with an image, a link and a price: no repeated template
        Listing l = extract("<html><body><div id='dp'><h1>Toast rack</h1>"
                + "<div class='gallery'><a href='/z'><img src='/k.jpg'></a><span class='price'>94.26</span></div>"
                + "<div class='buybox'><a href='/cart'><img src='/c.png'></a><span class='price'>94.26</span>"
                + "<button class='add-to-cart'>Add</button></div>"
                + "<div class='offers'><a href='/o'><img src='/o.png'></a><span class='price'>96.14</span></div>"
                + "</div></body></html>");
        assertEquals(0, new BigDecimal("94.26").compareTo(l.price()));
        assertTrue(l.fieldSources().get("price").equals("HTML"));
    }

    @Test
    void aTitleTypedWithMarkupKeepsIt() {
        // the page escapes what the seller typed; the listing carries the seller's text whole
        Listing fromHtml = extract("<html><body><h1>Túi xách &lt;img src=x onerror=alert(1)&gt; da thật</h1>"
                + "<span class='price'>350.000đ</span><button class='add-to-cart'>Mua</button></body></html>");
        assertEquals("Túi xách <img src=x onerror=alert(1)> da thật", fromHtml.title());
        Listing fromJsonLd = extract("<html><head>" + jsonLd("\"offers\":{\"price\":27}").replace("\"Lantern\"",
                // (JSON writes "<\/script>" inside a script element, which "</script>" would end)
                "\"<script>alert(1)<\\/script> Lantern\",\"description\":\"<p>Soft <b>leather<\\/b><\\/p>\"")
                + "</head><body></body></html>");
        assertEquals("<script>alert(1)</script> Lantern", fromJsonLd.title());
        assertEquals("Soft leather", fromJsonLd.description()); // a description's format is HTML
    }
}

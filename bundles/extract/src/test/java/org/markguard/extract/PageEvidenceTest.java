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
        return extractor.extract(Pages.page("https://shop.example/p/boots", "web", "text/html; charset=utf-8",
                html.getBytes(StandardCharsets.UTF_8))).orElseThrow();
    }

    private static String jsonLd(String product) {
        return "<script type='application/ld+json'>{\"@type\":\"Product\",\"name\":\"Boots\"," + product + "}</script>";
    }

    @Test
    void soldOutOffersDoNotSetThePriceOrTheStock() {
        Listing l = extract("<html><head>" + jsonLd("\"offers\":["
                + "{\"@type\":\"Offer\",\"price\":\"70.50\",\"priceCurrency\":\"EUR\",\"availability\":\"http://schema.org/OutOfStock\"},"
                + "{\"@type\":\"Offer\",\"price\":\"62.95\",\"priceCurrency\":\"EUR\",\"availability\":\"http://schema.org/OutOfStock\"},"
                + "{\"@type\":\"Offer\",\"price\":\"70.50\",\"priceCurrency\":\"EUR\",\"availability\":\"http://schema.org/InStock\"}]")
                + "</head><body></body></html>");
        assertEquals(0, new BigDecimal("70.50").compareTo(l.price()));
        assertEquals("InStock", l.details().availability());
    }

    @Test
    void allOffersSoldOutKeepTheLowestPriceAndSaySo() {
        Listing l = extract("<html><head>" + jsonLd("\"offers\":["
                + "{\"price\":\"80\",\"availability\":\"OutOfStock\"},{\"price\":\"60\",\"availability\":\"OutOfStock\"}]")
                + "</head><body></body></html>");
        assertEquals(0, new BigDecimal("60").compareTo(l.price()));
        assertEquals("OutOfStock", l.details().availability());
    }

    @Test
    void theVisiblePriceSettlesADisagreementBetweenStructuredSources() {
        // an auction: JSON-LD gives the starting price, OpenGraph and the page the current bid
        Listing l = extract("<html><head><meta property='og:type' content='product'>"
                + "<meta property='product:price:amount' content='200'>"
                + jsonLd("\"offers\":{\"price\":150,\"priceCurrency\":\"USD\"}") + "</head><body>"
                + "<h1>Boots</h1><div class='bid'><span class='price'>$200</span></div></body></html>");
        assertEquals(0, new BigDecimal("200").compareTo(l.price()));
        assertEquals("OPENGRAPH", l.fieldSources().get("price"));
    }

    @Test
    void aStructuredListPriceShownStruckGivesWayToTheSalePrice() {
        Listing l = extract("<html><body><div itemscope itemtype='http://schema.org/Product'>"
                + "<h1 itemprop='name'>Bag</h1><div itemprop='offers' itemscope itemtype='http://schema.org/Offer'>"
                + "<meta itemprop='price' content='219.99'><meta itemprop='priceCurrency' content='EUR'></div>"
                + "<div class='price-block'><span class='original-price'>EUR219.99</span>"
                + "<span class='current-price'>EUR110.00</span></div></div></body></html>");
        assertEquals(0, new BigDecimal("110").compareTo(l.price()));
        assertEquals("HTML", l.fieldSources().get("price"));
    }

    @Test
    void agreeingSourcesAreLeftAlone() {
        Listing l = extract("<html><head>" + jsonLd("\"offers\":{\"price\":49,\"priceCurrency\":\"GBP\"}")
                + "</head><body><h1>Boots</h1><p class='price'>£49.00</p></body></html>");
        assertEquals("JSON_LD", l.fieldSources().get("price"));
    }

    @Test
    void aCodeThePageShowsBeatsAStructuredSkuItNeverShows() {
        Listing l = extract("<html><head>" + jsonLd("\"sku\":\"550012345\",\"offers\":{\"price\":49}")
                + "</head><body><h1>Boots</h1><p class='product-code'>Product code: 71234567</p></body></html>");
        assertEquals("71234567", l.details().sku());
        assertEquals("HTML", l.fieldSources().get("details.sku"));
    }

    @Test
    void aStructuredSkuThePageShowsStays() {
        Listing l = extract("<html><head>" + jsonLd("\"sku\":\"550012345\",\"offers\":{\"price\":49}")
                + "</head><body><h1>Boots</h1><p>Model #: X-1</p><span>Item 550012345</span></body></html>");
        assertEquals("550012345", l.details().sku());
        assertEquals("JSON_LD", l.fieldSources().get("details.sku"));
    }

    @Test
    void anElementNamedForTheCodeNeedsNoLabel() {
        Listing l = extract("<html><head>" + jsonLd("\"sku\":\"55501234-010-38\",\"offers\":{\"price\":69.95}")
                + "</head><body><h1>Boots</h1><p class='product-color'>Black | "
                + "<span data-qa-qualifier='product-reference'>2040/115</span></p>"
                + "<select class='msku-select'><option>7-8</option></select></body></html>");
        assertEquals("2040/115", l.details().sku());
    }

    @Test
    void aVisibleItempropSkuIsReadAsShown() {
        Listing l = extract("<html><body><h1>Camera</h1><span class='price'>£34.99</span><button class='add-to-cart'>"
                + "Add</button><h2>Camera <span itemprop='sku' content='7731234'>773/1234</span></h2></body></html>");
        assertEquals("773/1234", l.details().sku());
    }

    @Test
    void theHeadingTheTitleNamesIsTheProductsOwn() {
        Listing l = extract("<html><head><title>Travel dog seat for cars : Shop.example</title></head><body>"
                + "<div class='buybox'><span id='deal-price' class='price'>66,75 €</span></div>"
                + "<div class='popup'><h1>Free trial of our membership</h1><span class='price'>65,27 €</span></div>"
                + "<h1 id='title'>Travel dog seat for cars</h1><button class='add-to-cart'>Add</button>"
                + "</body></html>");
        assertEquals("Travel dog seat for cars", l.title());
    }

    @Test
    void aGridOfCardsWithImageLinkAndPriceIsOtherProducts() {
        StringBuilder cards = new StringBuilder("<div class='row'>");
        for (int i = 0; i < 4; i++) {
            cards.append("<div class='col-sm-3'><div class='product-thumb'><a href='/p/").append(i)
                    .append("'><img src='/i.jpg'></a><span class='price'>150.00€</span></div></div>");
        }
        cards.append("</div>");
        Listing l = extract("<html><body><ul id='price-list'><li class='price'><span>100.00€</span></li></ul>"
                + "<h1>Diving mask</h1><button class='add-to-cart'>Buy</button>" + cards + "</body></html>");
        assertEquals(0, new BigDecimal("100").compareTo(l.price()));
    }

    @Test
    void sectionsOfTheProductPageAreNotCards() {
        // three different sections each with an image, a link and a price: no repeated template
        Listing l = extract("<html><body><div id='dp'><h1>Kettle</h1>"
                + "<div class='gallery'><a href='/z'><img src='/k.jpg'></a><span class='price'>39.99</span></div>"
                + "<div class='buybox'><a href='/cart'><img src='/c.png'></a><span class='price'>39.99</span>"
                + "<button class='add-to-cart'>Add</button></div>"
                + "<div class='offers'><a href='/o'><img src='/o.png'></a><span class='price'>41.00</span></div>"
                + "</div></body></html>");
        assertEquals(0, new BigDecimal("39.99").compareTo(l.price()));
        assertTrue(l.fieldSources().get("price").equals("HTML"));
    }

    @Test
    void aTitleTypedWithMarkupKeepsIt() {
        // the page escapes what the seller typed; the listing carries the seller's text whole
        Listing fromHtml = extract("<html><body><h1>Túi xách &lt;img src=x onerror=alert(1)&gt; da thật</h1>"
                + "<span class='price'>350.000đ</span><button class='add-to-cart'>Mua</button></body></html>");
        assertEquals("Túi xách <img src=x onerror=alert(1)> da thật", fromHtml.title());
        Listing fromJsonLd = extract("<html><head>" + jsonLd("\"offers\":{\"price\":49}").replace("\"Boots\"",
                // (JSON writes "<\/script>" inside a script element, which "</script>" would end)
                "\"<script>alert(1)<\\/script> Boots\",\"description\":\"<p>Soft <b>leather<\\/b><\\/p>\"")
                + "</head><body></body></html>");
        assertEquals("<script>alert(1)</script> Boots", fromJsonLd.title());
        assertEquals("Soft leather", fromJsonLd.description()); // a description's format is HTML
    }
}

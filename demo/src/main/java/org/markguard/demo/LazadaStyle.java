package org.markguard.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/** Lazada-like: {@code /lazada/products/<slug>-i<itemId>.html}, a schema.org Product in JSON-LD plus visible HTML. */
final class LazadaStyle implements PlatformStyle {
    private static final Pattern LISTING = Pattern.compile("^/lazada/products/[a-z0-9-]+-i(\\d{1,15})\\.html$");

    @Override
    public String key() {
        return "lazada";
    }

    @Override
    public String displayName() {
        return "Lazada (demo)";
    }

    @Override
    public String listingPath(DemoListing l) {
        return "/lazada/products/" + VietnameseText.slug(l.title()) + "-i" + l.itemId() + ".html";
    }

    @Override
    public OptionalLong itemIdIn(String path) {
        return PlatformStyle.itemIdMatching(LISTING, path);
    }

    static String sku(DemoListing l) {
        return l.itemId() + "_VNAMZ-" + Math.floorMod(l.itemId() * 31 + 7, 10_000_000_000L);
    }

    @Override
    public String render(DemoListing l, SiteLinks links) {
        String url = links.absolute(listingPath(l));
        String head = "<script type=\"application/ld+json\">" + SafeJson.write(jsonLd(l, links, url)) + "</script>\n";
        StringBuilder page = Html.open(l.title() + " | Lazada.vn", url, head);
        page.append(SiteLinks.breadcrumb(this, l.productCategory()));
        page.append("<div id=\"pdp\">\n<div class=\"gallery\">");
        for (int k = 1; k <= l.imageCount(); k++) {
            page.append("<img class=\"gallery-preview-panel__image\" src=\"")
                    .append(Html.escape(links.image(l, k))).append("\" alt=\"")
                    .append(Html.escape(l.hard().imageAlt())).append("\">");
        }
        page.append("</div>\n<h1 class=\"pdp-mod-product-badge-title\">").append(Html.escape(l.title())).append("</h1>\n")
                .append("<div class=\"pdp-product-brand\">Thương hiệu: <span class=\"pdp-product-brand__name\">")
                .append(Html.escape(l.brand())).append("</span></div>\n")
                .append("<div class=\"pdp-product-price\"><span class=\"pdp-price\">")
                .append(Money.trailing(l.price())).append("</span></div>\n")
                .append("<div class=\"pdp-product-detail\">").append(Html.escape(l.description())).append("</div>\n")
                .append("<div class=\"seller-container\"><div class=\"seller-name__detail\">")
                .append(Html.link(SiteLinks.shop(this, l.seller().id()), l.seller().name()))
                .append("</div><div class=\"seller-location\">").append(Html.escape(l.seller().location()))
                .append("</div></div>\n</div>\n");
        return Html.close(page);
    }

    /** The schema.org Product of a listing; also used by the cookie-gated and JavaScript-rendered lab pages. */
    static ObjectNode jsonLd(DemoListing l, SiteLinks links, String url) {
        ObjectNode product = SafeJson.MAPPER.createObjectNode();
        product.put("@context", "https://schema.org");
        product.put("@type", "Product");
        product.put("name", l.title());
        product.put("description", l.description());
        ArrayNode images = product.putArray("image");
        for (int k = 1; k <= l.imageCount(); k++) {
            images.add(links.image(l, k));
        }
        product.put("url", url);
        product.put("sku", sku(l));
        ObjectNode brand = product.putObject("brand");
        brand.put("@type", "Brand");
        brand.put("name", l.brand());
        ObjectNode offer = product.putObject("offers");
        offer.put("@type", "Offer");
        offer.put("price", l.price());
        offer.put("priceCurrency", DemoListing.CURRENCY);
        offer.put("availability", "https://schema.org/InStock");
        offer.put("url", url);
        ObjectNode seller = offer.putObject("seller");
        seller.put("@type", "Organization");
        seller.put("name", l.seller().name());
        seller.put("identifier", l.seller().id());
        ObjectNode address = seller.putObject("address");
        address.put("@type", "PostalAddress");
        address.put("addressRegion", l.seller().location());
        address.put("addressCountry", "VN");
        return product;
    }
}

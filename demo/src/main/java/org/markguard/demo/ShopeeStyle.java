package org.markguard.demo;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Shopee-like: {@code /shopee/<slug>-i.<shopId>.<itemId>}, OpenGraph product meta and a visible shop block. */
final class ShopeeStyle implements PlatformStyle {
    private static final Pattern LISTING = Pattern.compile("^/shopee/[a-z0-9-]+-i\\.(\\d{1,12})\\.(\\d{1,15})$");

    @Override
    public String key() {
        return "shopee";
    }

    @Override
    public String displayName() {
        return "Shopee (demo)";
    }

    /** Shopee shop ids are numeric; derived from the seller handle so they are stable. */
    static long shopId(String sellerId) {
        return 100_000_000L + Math.floorMod(sellerId.hashCode(), 900_000_000);
    }

    @Override
    public String listingPath(DemoListing l) {
        return "/shopee/" + VietnameseText.slug(l.title()) + "-i." + shopId(l.seller().id()) + "." + l.itemId();
    }

    @Override
    public OptionalLong itemIdIn(String path) {
        Matcher m = LISTING.matcher(path);
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(2))) : OptionalLong.empty();
    }

    @Override
    public String render(DemoListing l, SiteLinks links) {
        String url = links.absolute(listingPath(l));
        String head = Html.metaProperty("og:type", "product")
                + Html.metaProperty("og:title", l.title())
                + Html.metaProperty("og:description", l.description())
                + Html.metaProperty("og:image", links.image(l, 1))
                + Html.metaProperty("og:url", url)
                + Html.metaProperty("og:site_name", "Shopee Việt Nam")
                + Html.metaProperty("product:price:amount", Long.toString(l.price()))
                + Html.metaProperty("product:price:currency", DemoListing.CURRENCY);
        StringBuilder page = Html.open(l.title() + " | Shopee Việt Nam", url, head);
        page.append(SiteLinks.breadcrumb(this, l.productCategory()));
        page.append("<div class=\"product-briefing\">\n<div class=\"product-images\">");
        for (int k = 1; k <= l.imageCount(); k++) {
            page.append("<img src=\"").append(Html.escape(links.image(l, k))).append("\" alt=\"")
                    .append(Html.escape(l.hard().imageAlt() != null ? l.hard().imageAlt() : l.title())).append("\">");
        }
        page.append("</div>\n<h1 class=\"product-title\">").append(Html.escape(l.title())).append("</h1>\n")
                .append("<div class=\"product-price\">").append(Money.shopee(l.price())).append("</div>\n")
                .append("<div class=\"product-description\">").append(Html.escape(l.description())).append("</div>\n")
                .append("</div>\n")
                .append("<div class=\"shop-info\"><a class=\"shop-name\" href=\"")
                .append(Html.escape(SiteLinks.shop(this, l.seller().id()))).append("\">")
                .append(Html.escape(l.seller().name())).append("</a><span class=\"shop-location\">")
                .append(Html.escape(l.seller().location())).append("</span></div>\n");
        return Html.close(page);
    }
}

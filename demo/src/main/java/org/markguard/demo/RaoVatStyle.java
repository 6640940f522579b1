package org.markguard.demo;

import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Classifieds-like: {@code /rao-vat/tin/<id>.html}, a schema.org Product in microdata (itemscope /
 * itemprop: name, description, image, brand, offers with price, priceCurrency, availability and a
 * Person seller with name, address and identifier), in Vietnamese.
 */
final class RaoVatStyle implements PlatformStyle {
    static final String KEY = "rao-vat";
    private static final Pattern LISTING = Pattern.compile("^/rao-vat/tin/(\\d{1,15})\\.html$");

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String displayName() {
        return "Rao vặt (demo)";
    }

    @Override
    public int share() {
        return 14;
    }

    @Override
    public String listingPath(DemoListing l) {
        return "/rao-vat/tin/" + l.itemId() + ".html";
    }

    @Override
    public OptionalLong itemIdIn(String path) {
        return PlatformStyle.itemIdMatching(LISTING, path);
    }

    @Override
    public String render(DemoListing l, SiteLinks links) {
        String url = links.absolute(listingPath(l));
        StringBuilder page = Html.open(l.title() + " - Rao vặt", url, null);
        page.append(SiteLinks.breadcrumb(this, l.productCategory()));
        page.append("<div class=\"ad\" itemscope itemtype=\"https://schema.org/Product\">\n")
                .append("<link itemprop=\"url\" href=\"").append(Html.escape(url)).append("\">\n")
                .append("<h1 class=\"ad-title\" itemprop=\"name\">").append(Html.escape(l.title())).append("</h1>\n")
                .append("<div class=\"ad-gallery\">");
        for (int k = 1; k <= l.imageCount(); k++) {
            page.append("<img itemprop=\"image\" src=\"").append(Html.escape(links.image(l, k))).append("\" alt=\"")
                    .append(Html.escape(l.hard().imageAlt() != null ? l.hard().imageAlt() : "Ảnh " + k)).append("\">");
        }
        page.append("</div>\n<div class=\"ad-brand\">Thương hiệu: <span itemprop=\"brand\" itemscope ")
                .append("itemtype=\"https://schema.org/Brand\"><span itemprop=\"name\">").append(Html.escape(l.brand()))
                .append("</span></span></div>\n")
                .append("<div class=\"ad-offer\" itemprop=\"offers\" itemscope itemtype=\"https://schema.org/Offer\">\n")
                .append("<span class=\"ad-price\" itemprop=\"price\" content=\"").append(l.price()).append("\">")
                .append(Money.trailing(l.price())).append("</span>")
                .append("<meta itemprop=\"priceCurrency\" content=\"").append(DemoListing.CURRENCY).append("\">")
                .append("<link itemprop=\"availability\" href=\"https://schema.org/InStock\">\n")
                .append("<div class=\"ad-seller\" itemprop=\"seller\" itemscope itemtype=\"https://schema.org/Person\">")
                .append("Người bán: <a itemprop=\"url\" href=\"").append(Html.escape(sellerPath(l.seller().id())))
                .append("\"><span itemprop=\"name\">").append(Html.escape(l.seller().name())).append("</span></a>")
                .append("<meta itemprop=\"identifier\" content=\"").append(Html.escape(l.seller().id())).append("\">")
                .append(" · Khu vực: <span class=\"ad-location\" itemprop=\"address\">")
                .append(Html.escape(l.seller().location())).append("</span></div>\n</div>\n")
                .append("<div class=\"ad-description\" itemprop=\"description\">").append(Html.escape(l.description()))
                .append("</div>\n<p class=\"ad-meta\">Mã tin: ").append(l.itemId()).append("</p>\n</div>\n");
        return Html.close(page);
    }
}

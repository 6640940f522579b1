package org.markguard.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * TikTok-Shop-like: {@code /tiktok/product/<itemId>}. The visible page is an empty app shell; all
 * data is in the {@code __NEXT_DATA__} JSON, so only an extractor that reads it finds anything.
 */
final class TikTokStyle implements PlatformStyle {
    private static final Pattern LISTING = Pattern.compile("^/tiktok/product/(\\d{1,15})$");

    @Override
    public String key() {
        return "tiktok";
    }

    @Override
    public String displayName() {
        return "TikTok Shop (demo)";
    }

    @Override
    public String listingPath(DemoListing l) {
        return "/tiktok/product/" + l.itemId();
    }

    @Override
    public OptionalLong itemIdIn(String path) {
        return PlatformStyle.itemIdMatching(LISTING, path);
    }

    @Override
    public String render(DemoListing l, SiteLinks links) {
        String url = links.absolute(listingPath(l));
        StringBuilder page = Html.open("TikTok Shop", url, null);
        page.append("<div id=\"__next\"><div class=\"app-shell\"><div class=\"spinner\" aria-label=\"Đang tải\"></div>")
                .append("</div></div>\n")
                .append("<script id=\"__NEXT_DATA__\" type=\"application/json\">")
                .append(SafeJson.write(nextData(l, links)))
                .append("</script>\n");
        return Html.close(page);
    }

    private static ObjectNode nextData(DemoListing l, SiteLinks links) {
        ObjectNode root = SafeJson.MAPPER.createObjectNode();
        ObjectNode product = root.putObject("props").putObject("pageProps").putObject("product");
        product.put("id", Long.toString(l.itemId()));
        product.put("title", l.title());
        product.put("description", l.description());
        ObjectNode price = product.putObject("price");
        price.put("amount", l.price());
        price.put("currency", DemoListing.CURRENCY);
        price.put("formatted", Money.trailing(l.price()));
        ArrayNode images = product.putArray("images");
        for (int k = 1; k <= l.imageCount(); k++) {
            images.add(links.image(l, k));
        }
        ObjectNode seller = product.putObject("seller");
        seller.put("id", l.seller().id());
        seller.put("name", l.seller().name());
        seller.put("location", l.seller().location());
        ObjectNode livestream = product.putObject("livestream");
        livestream.put("host", l.livestreamHost());
        livestream.put("live", l.live());
        root.put("page", "/product/[id]");
        root.putObject("query").put("id", Long.toString(l.itemId()));
        root.put("buildId", "markguard-demo");
        return root;
    }
}

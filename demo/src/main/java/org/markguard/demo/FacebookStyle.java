package org.markguard.demo;

import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Facebook-group-like: {@code /facebook/groups/<group>/posts/<postId>}. Free-text Vietnamese posts
 * with no structured data at all: the price is written as people write it ("giá 350k", "1tr2",
 * "inbox giá"), the seller is the poster ({@code a.post-author}) and the place, if any, is in the
 * text ("ship từ HN"). Each product category is a group; a seller's page is its profile.
 */
final class FacebookStyle implements PlatformStyle {
    static final String KEY = "facebook";
    private static final Pattern LISTING = Pattern.compile("^/facebook/groups/[a-z0-9-]+/posts/(\\d{1,15})$");
    private static final String[] PLACE_LINES = {"ship từ %s", "Hàng có sẵn tại %s", "%s, ship toàn quốc"};
    private static final String[] CONTACT_LINES = {"Ib em nhé", "Cmt hoặc ib để đặt hàng", "Ai lấy để lại sđt em gọi"};

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String displayName() {
        return "Facebook Groups (demo)";
    }

    @Override
    public int share() {
        return 17;
    }

    @Override
    public String categoryPath(ProductCategory category) {
        return "/facebook/groups/cho-" + category.slug() + "/";
    }

    @Override
    public String sellerPath(String sellerId) {
        return "/facebook/profile/" + sellerId;
    }

    @Override
    public String listingPath(DemoListing l) {
        return categoryPath(l.productCategory()) + "posts/" + l.itemId();
    }

    @Override
    public OptionalLong itemIdIn(String path) {
        return PlatformStyle.itemIdMatching(LISTING, path);
    }

    /** The price line of an offer post ("giá 350k", "inbox giá"); null for posts that offer nothing. */
    static String priceLine(DemoListing l) {
        return l.offer() && l.postPrice() != null ? l.postPrice().text(l.price()) : null;
    }

    @Override
    public String render(DemoListing l, SiteLinks links) {
        String url = links.absolute(listingPath(l));
        String group = "Chợ " + l.productCategory().title();
        StringBuilder page = Html.open(group + " | Facebook", url, null);
        page.append("<div class=\"group-header\">").append(Html.link(categoryPath(l.productCategory()), group))
                .append("</div>\n<article class=\"post\" data-post-id=\"").append(l.itemId()).append("\">\n")
                .append("<header class=\"post-header\"><a class=\"post-author\" href=\"")
                .append(Html.escape(sellerPath(l.seller().id()))).append("\">").append(Html.escape(l.seller().name()))
                .append("</a> <span class=\"post-time\">").append(1 + l.index() % 23).append(" giờ</span></header>\n")
                .append("<div class=\"post-body\">\n<p>").append(Html.escape(l.title())).append("</p>\n<p>")
                .append(Html.escape(l.description())).append("</p>\n");
        if (l.offer()) {
            page.append("<p>").append(Html.escape(priceLine(l))).append("</p>\n");
            if (l.seller().location() != null) {
                String place = PLACE_LINES[(int) (l.itemId() % PLACE_LINES.length)];
                page.append("<p>").append(Html.escape(String.format(place, l.seller().location()))).append("</p>\n");
            }
            page.append("<p>").append(CONTACT_LINES[l.index() % CONTACT_LINES.length]).append("</p>\n");
        }
        page.append("</div>\n<div class=\"post-images\">");
        for (int k = 1; k <= l.imageCount(); k++) {
            // Facebook's automatic alt text; a brand hidden in the photo shows up only here
            String alt = l.hard().imageAlt() == null ? "Có thể là hình ảnh" : "Có thể là hình ảnh về " + l.hard().imageAlt();
            page.append("<img src=\"").append(Html.escape(links.image(l, k))).append("\" alt=\"")
                    .append(Html.escape(alt)).append("\">");
        }
        page.append("</div>\n<footer class=\"post-actions\">Thích · Bình luận · Chia sẻ</footer>\n</article>\n");
        return Html.close(page);
    }
}

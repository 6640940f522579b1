package org.markguard.demo;

import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * A members-only group, {@code /lab/private-group/}: every page under it answers 403 unless the
 * request carries the cookie {@code session=demo-secret}; with it, listings are JSON-LD Products
 * like Lazada's. For the "sources carry cookies" test; labelled with platform {@code private-group}.
 */
final class PrivateGroupStyle implements PlatformStyle {
    static final String KEY = "private-group";
    static final String COOKIE = "session=demo-secret";
    private static final Pattern LISTING = Pattern.compile("^/lab/private-group/posts/(\\d{1,15})$");

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String displayName() {
        return "Nhóm kín (demo, cần cookie)";
    }

    @Override
    public int share() {
        return 2;
    }

    @Override
    public boolean onRoot() {
        return false;
    }

    @Override
    public String homePath() {
        return "/lab/private-group/";
    }

    @Override
    public String listingPath(DemoListing l) {
        return "/lab/private-group/posts/" + l.itemId();
    }

    @Override
    public OptionalLong itemIdIn(String path) {
        return PlatformStyle.itemIdMatching(LISTING, path);
    }

    /** Whether a Cookie request header holds the session cookie. */
    static boolean admits(String cookieHeader) {
        if (cookieHeader == null) {
            return false;
        }
        for (String cookie : cookieHeader.split(";")) {
            if (cookie.strip().equals(COOKIE)) {
                return true;
            }
        }
        return false;
    }

    static String forbidden() {
        StringBuilder page = Html.open("Nhóm kín", null, null);
        page.append("<h1>403 – Nhóm kín</h1>\n<p>Bạn cần đăng nhập (cookie <code>session</code>) để xem nội dung này.</p>\n");
        return Html.close(page);
    }

    @Override
    public String render(DemoListing l, SiteLinks links) {
        String url = links.absolute(listingPath(l));
        String head = "<script type=\"application/ld+json\">" + SafeJson.write(LazadaStyle.jsonLd(l, links, url))
                + "</script>\n";
        StringBuilder page = Html.open(l.title() + " | Nhóm kín", url, head);
        page.append(SiteLinks.breadcrumb(this, l.productCategory()))
                .append("<article class=\"post\"><h1>").append(Html.escape(l.title())).append("</h1>\n<p class=\"price\">")
                .append(Money.trailing(l.price())).append("</p>\n<p class=\"author\">")
                .append(Html.link(sellerPath(l.seller().id()), l.seller().name())).append(" · ")
                .append(Html.escape(l.seller().location())).append("</p>\n<div class=\"body\">")
                .append(Html.escape(l.description())).append("</div></article>\n");
        return Html.close(page);
    }
}

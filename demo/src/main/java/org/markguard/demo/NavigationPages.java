package org.markguard.demo;

import java.util.List;

/**
 * The pages around the listings, common to all platforms: the root, each platform's home, the
 * paginated category pages, shop pages, the private page and robots.txt. The platform home links
 * every category page directly, so every listing is at most three links from {@code /}.
 */
final class NavigationPages {
    static final int PAGE_SIZE = 20;
    static final String ROBOTS = "User-agent: *\nDisallow: /private/\nDisallow: /lab/disallowed/\n";

    private final List<PlatformStyle> styles;
    private final ListingIndex index;
    private final ListingGenerator generator;
    private final SiteLinks links;

    NavigationPages(List<PlatformStyle> styles, ListingIndex index, ListingGenerator generator, SiteLinks links) {
        this.styles = styles;
        this.index = index;
        this.generator = generator;
        this.links = links;
    }

    String root() {
        StringBuilder page = Html.open("Chợ demo markguard", links.absolute("/"), null);
        page.append("<h1>Chợ demo markguard</h1>\n<p>Một chợ thương mại điện tử giả lập, sinh từ seed ")
                .append(generator.seed()).append(", ").append(generator.count()).append(" sản phẩm.</p>\n<ul class=\"platforms\">\n");
        for (PlatformStyle style : styles) {
            if (!style.onRoot()) {
                continue;
            }
            page.append("<li>").append(Html.link(SiteLinks.home(style), style.displayName())).append("</li>\n");
        }
        // linked on purpose: robots.txt forbids it and a test checks the crawler never fetches it
        page.append("</ul>\n<p class=\"lab\">").append(Html.link(SiteLinks.LAB, "Phòng thử nghiệm crawler"))
                .append("</p>\n<p class=\"admin\">").append(Html.link(SiteLinks.PRIVATE_PAGE, "Xuất dữ liệu quản trị"))
                .append("</p>\n");
        return Html.close(page);
    }

    String platformHome(PlatformStyle style) {
        StringBuilder page = Html.open(style.displayName(), links.absolute(SiteLinks.home(style)), null);
        page.append("<h1>").append(Html.escape(style.displayName())).append("</h1>\n")
                .append("<p>").append(Html.link("/", "Trang chủ")).append("</p>\n");
        for (ProductCategory category : ProductCategory.values()) {
            int pages = index.pages(style.key(), category, PAGE_SIZE);
            if (pages == 0) {
                continue;
            }
            page.append("<section class=\"category\"><h2>")
                    .append(Html.link(SiteLinks.category(style, category, 1), category.title()))
                    .append("</h2>\n<nav class=\"pages\">Trang:");
            for (int p = 1; p <= pages; p++) {
                page.append(' ').append(Html.link(SiteLinks.category(style, category, p), Integer.toString(p)));
            }
            page.append("</nav></section>\n");
        }
        return Html.close(page);
    }

    /** A category page, or null when the page number is out of range. */
    String categoryPage(PlatformStyle style, ProductCategory category, int pageNumber) {
        int pages = index.pages(style.key(), category, PAGE_SIZE);
        if (pageNumber < 1 || pageNumber > pages) {
            return null;
        }
        int[] listings = index.listings(style.key(), category);
        String self = SiteLinks.category(style, category, pageNumber);
        StringBuilder page = Html.open(category.title() + " – trang " + pageNumber + " | " + style.displayName(),
                links.absolute(self), null);
        page.append("<nav class=\"breadcrumb\">").append(Html.link(SiteLinks.home(style), style.displayName()))
                .append(" › ").append(Html.escape(category.title())).append("</nav>\n<h1>")
                .append(Html.escape(category.title())).append("</h1>\n<ul class=\"items\">\n");
        int from = (pageNumber - 1) * PAGE_SIZE;
        for (int i = from; i < Math.min(listings.length, from + PAGE_SIZE); i++) {
            DemoListing l = generator.listing(listings[i]);
            page.append("<li class=\"item\">").append(Html.link(style.listingPath(l), l.title()))
                    .append(" <span class=\"price\">").append(Money.trailing(l.price())).append("</span></li>\n");
        }
        page.append("</ul>\n<nav class=\"pagination\">");
        if (pageNumber > 1) {
            page.append("<a rel=\"prev\" href=\"").append(Html.escape(SiteLinks.category(style, category, pageNumber - 1)))
                    .append("\">Trang trước</a> ");
        }
        if (pageNumber < pages) {
            page.append("<a rel=\"next\" href=\"").append(Html.escape(SiteLinks.category(style, category, pageNumber + 1)))
                    .append("\">Trang sau</a>");
        }
        page.append("</nav>\n");
        return Html.close(page);
    }

    /** A seller's shop page, or null for an unknown seller. */
    String shopPage(PlatformStyle style, String sellerId) {
        return generator.sellers().byId(sellerId).map(seller -> {
            StringBuilder page = Html.open(seller.name() + " | " + style.displayName(),
                    links.absolute(SiteLinks.shop(style, seller.id())), null);
            page.append("<div class=\"shop-page\"><h1 class=\"shop-name\">").append(Html.escape(seller.name()))
                    .append("</h1>\n<p class=\"shop-location\">").append(Html.escape(seller.location()))
                    .append("</p>\n<p>").append(Html.link(SiteLinks.home(style), style.displayName()))
                    .append("</p>\n");
            if (PriceLists.offeredOn(style) && generator.sellers().productOf(seller.id()).isPresent()) {
                page.append("<p class=\"price-list\">").append(Html.link(SiteLinks.priceList(style, seller.id()),
                        "Bảng giá sỉ (PDF)")).append("</p>\n");
            }
            page.append("</div>\n");
            return Html.close(page);
        }).orElse(null);
    }

    String privatePage() {
        StringBuilder page = Html.open("Trang nội bộ", null, "<meta name=\"robots\" content=\"noindex, nofollow\">\n");
        page.append("<h1>Trang nội bộ</h1>\n<p>Robots.txt cấm thu thập trang này. Nếu bạn là crawler và đang đọc "
                + "dòng này, crawler đã bỏ qua robots.txt.</p>\n");
        return Html.close(page);
    }

    String gone() {
        StringBuilder page = Html.open("Sản phẩm đã bị gỡ", null, null);
        page.append("<h1>410 – Sản phẩm đã bị gỡ</h1>\n<p>").append(Html.link("/", "Trang chủ")).append("</p>\n");
        return Html.close(page);
    }

    String notFound() {
        StringBuilder page = Html.open("Không tìm thấy", null, null);
        page.append("<h1>404 – Không tìm thấy trang</h1>\n<p>").append(Html.link("/", "Trang chủ")).append("</p>\n");
        return Html.close(page);
    }
}

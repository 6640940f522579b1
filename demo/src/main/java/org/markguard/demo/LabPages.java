package org.markguard.demo;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import org.markguard.demo.DemoSite.Page;

/**
 * The crawler test bench under {@code /lab/}, linked from {@code /}: none of these pages is a
 * listing (the JavaScript-rendered and cookie-gated listings live under {@code /lab/js/} and
 * {@code /lab/private-group/}, see their styles). Platform crawls with include pattern
 * {@code /<platform>/} never reach them.
 */
final class LabPages {
    static final String INDEX = "/lab/";
    static final String HUGE = "/lab/huge.html";
    static final int HUGE_BYTES = 6 * 1024 * 1024;
    static final String WINDOWS_1258_META = "/lab/encoding/windows-1258-meta.html";
    static final String WINDOWS_1258_HEADER = "/lab/encoding/windows-1258-header.html";
    static final String NFD = "/lab/encoding/nfd.html";
    static final String DISALLOWED = "/lab/disallowed/secret.html";
    /** The Vietnamese text of the encoding pages, in NFC; tests compare decoded pages with it. */
    static final String VIETNAMESE = "Nước mắm Phú Quốc truyền thống, cà phê Buôn Ma Thuột và vải thiều Lục Ngạn. "
            + "Đủ các dấu: ắ ằ ẳ ẵ ặ ấ ầ ẩ ẫ ậ ế ề ể ễ ệ ố ồ ổ ỗ ộ ớ ờ ở ỡ ợ ứ ừ ử ữ ự ý ỳ ỷ ỹ ỵ Đ đ.";

    private final CrawlerTraps traps;

    LabPages(long seed) {
        this.traps = new CrawlerTraps(seed);
    }

    /** The page for a path under {@code /lab}, or null; {@code listing} is where redirects end. */
    Page get(String path, String query, String listing) {
        if (path.equals("/lab")) {
            return new Page(301, DemoSite.HTML, new byte[0], INDEX);
        }
        if (query != null && !path.equals("/lab/session")) {
            return null;
        }
        switch (path) {
            case INDEX:
                return Page.html(200, index());
            case HUGE:
                return Page.html(200, huge());
            case WINDOWS_1258_META:
                // declared only in the document: the HTTP header names no charset
                return new Page(200, "text/html", Windows1258.encode(encodingPage("windows-1258", true)), null);
            case WINDOWS_1258_HEADER:
                // declared only in the HTTP header: the document has no meta charset
                return new Page(200, "text/html; charset=windows-1258",
                        Windows1258.encode(encodingPage("windows-1258", false)), null);
            case NFD:
                return Page.html(200, Normalizer.normalize(encodingPage("utf-8", true), Normalizer.Form.NFD));
            case DISALLOWED:
                StringBuilder page = Html.open("Cấm thu thập", null, null);
                page.append("<h1>Cấm thu thập</h1>\n<p>robots.txt cấm /lab/disallowed/. Crawler đọc được dòng này là đã "
                        + "bỏ qua robots.txt.</p>\n");
                return Page.html(200, Html.close(page));
            default:
                return traps.get(path, query, listing);
        }
    }

    private static String index() {
        StringBuilder page = Html.open("Phòng thử nghiệm crawler", null, null);
        page.append("<h1>Phòng thử nghiệm crawler</h1>\n<p>").append(Html.link("/", "Trang chủ")).append("</p>\n<ul>\n");
        String[][] entries = {
                {HUGE, "Trang 6 MB"},
                {WINDOWS_1258_META, "windows-1258, khai báo trong thẻ meta"},
                {WINDOWS_1258_HEADER, "windows-1258, khai báo chỉ trong HTTP header"},
                {NFD, "Văn bản Unicode dạng NFD"},
                {CrawlerTraps.REDIRECT_301, "Chuỗi chuyển hướng 301"},
                {CrawlerTraps.REDIRECT_302, "Chuỗi chuyển hướng 302"},
                {CrawlerTraps.REDIRECT_MIXED, "Chuỗi 301 rồi 302"},
                {CrawlerTraps.META_REFRESH, "Chuyển hướng bằng meta refresh"},
                {CrawlerTraps.LOOP, "Vòng lặp chuyển hướng"},
                {CrawlerTraps.CALENDAR, "Lịch vô tận"},
                {CrawlerTraps.SESSION_PATH, "Mã phiên trong đường dẫn"},
                {CrawlerTraps.SESSION_QUERY, "Mã phiên trong query"},
                {CrawlerTraps.DEEP, "Đường dẫn sâu vô tận"},
                {"/lab/js/", "Sản phẩm hiển thị bằng JavaScript"},
                {"/lab/private-group/", "Nhóm kín (cần cookie)"},
                {DISALLOWED, "Trang robots.txt cấm"}};
        for (String[] e : entries) {
            page.append("<li>").append(Html.link(e[0], e[1])).append("</li>\n");
        }
        return Html.close(page.append("</ul>\n"));
    }

    private static String encodingPage(String charset, boolean declareInMeta) {
        String html = "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n"
                + (declareInMeta ? "<meta charset=\"" + charset + "\">\n" : "")
                + "<title>Trang mã hóa " + charset + "</title>\n</head>\n<body>\n<h1>Tiếng Việt</h1>\n<p class=\"text\">"
                + VIETNAMESE + "</p>\n</body>\n</html>\n";
        return html;
    }

    /** About 6 MB of plain paragraphs, the same on every request. */
    private static String huge() {
        StringBuilder page = Html.open("Trang rất lớn", null, null);
        page.append("<h1>Trang rất lớn</h1>\n");
        String para = "<p>Đoạn %d: nội dung lặp lại để trang vượt quá giới hạn kích thước của crawler.</p>\n";
        int bytes = page.toString().getBytes(StandardCharsets.UTF_8).length + "</body>\n</html>\n".length();
        for (int n = 0; ; n++) {
            String p = String.format(para, n);
            int size = p.getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > HUGE_BYTES - 200) {
                break;
            }
            page.append(p);
            bytes += size;
        }
        String html = Html.close(page);
        // top up to exactly HUGE_BYTES with ASCII padding inside a comment
        int missing = HUGE_BYTES - html.getBytes(StandardCharsets.UTF_8).length - "<!--  -->\n".length();
        return missing > 0 ? html + "<!-- " + "x".repeat(missing) + " -->\n" : html;
    }
}

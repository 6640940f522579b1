package org.markguard.demo;

import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.markguard.demo.DemoSite.Page;

/**
 * Pages a crawler must survive under {@code /lab/}: redirect chains (301 and 302) and a meta
 * refresh that end on a real listing, a redirect loop, an endless calendar, session ids in URLs
 * that change on every request, and an infinitely deep path. Each answers null for paths it does
 * not own.
 */
final class CrawlerTraps {
    static final String REDIRECT_301 = "/lab/redirect/301/3";
    static final String REDIRECT_302 = "/lab/redirect/302/3";
    static final String REDIRECT_MIXED = "/lab/redirect/mixed";
    static final String META_REFRESH = "/lab/redirect/meta-refresh.html";
    static final String LOOP = "/lab/redirect/loop-a";
    static final String CALENDAR = "/lab/calendar/2026/12";
    static final String SESSION_PATH = "/lab/s;jsessionid=0/page";
    static final String SESSION_QUERY = "/lab/session?sid=0";
    static final String DEEP = "/lab/deep/";
    /** Beyond this many segments the deep path answers 414, so a runaway crawler meets an end. */
    static final int DEEP_LIMIT = 500;

    private static final Pattern CHAIN = Pattern.compile("^/lab/redirect/(301|302)/(\\d{1,2})$");
    private static final Pattern MONTH = Pattern.compile("^/lab/calendar/(\\d{1,6})/(\\d{1,2})$");
    private static final Pattern SESSION = Pattern.compile("^/lab/s;jsessionid=([0-9a-f]{1,32})/page$");
    private static final Pattern SID = Pattern.compile("^sid=([0-9a-f]{1,32})$");
    private static final Pattern DEEP_PATH = Pattern.compile("^/lab/deep(/\\d{1,6})*/?$");

    private final long seed;
    /** Advances on every session page, so each answer links fresh ids. */
    private final AtomicLong sessions = new AtomicLong();

    CrawlerTraps(long seed) {
        this.seed = seed;
    }

    /** The page for a lab path, or null. {@code listing} is where the redirects end. */
    Page get(String path, String query, String listing) {
        Matcher chain = CHAIN.matcher(path);
        if (chain.matches()) {
            int status = Integer.parseInt(chain.group(1));
            int left = Integer.parseInt(chain.group(2));
            return redirect(status, left == 0 ? listing : "/lab/redirect/" + status + "/" + (left - 1));
        }
        switch (path) {
            case REDIRECT_MIXED:
                return redirect(301, "/lab/redirect/302/2");
            case LOOP:
                return redirect(302, "/lab/redirect/loop-b");
            case "/lab/redirect/loop-b":
                return redirect(302, LOOP);
            case META_REFRESH:
                StringBuilder refresh = Html.open("Đang chuyển hướng…", null,
                        "<meta http-equiv=\"refresh\" content=\"0; url=" + Html.escape(listing) + "\">\n");
                refresh.append("<p>Đang chuyển tới ").append(Html.link(listing, "sản phẩm")).append("…</p>\n");
                return Page.html(200, Html.close(refresh));
            default:
                break;
        }
        Matcher month = MONTH.matcher(path);
        if (month.matches()) {
            return calendar(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2)));
        }
        Matcher session = SESSION.matcher(path);
        if (session.matches() || path.equals("/lab/session") && query != null && SID.matcher(query).matches()) {
            return sessionPage();
        }
        if (DEEP_PATH.matcher(path).matches()) {
            return deep(path);
        }
        return null;
    }

    private static Page redirect(int status, String location) {
        return new Page(status, DemoSite.HTML, new byte[0], location);
    }

    /** A month that links the previous and the next one, without end. */
    private static Page calendar(int year, int month) {
        if (month < 1 || month > 12 || year < 1) {
            return null;
        }
        int nextYear = month == 12 ? year + 1 : year;
        int nextMonth = month == 12 ? 1 : month + 1;
        int prevYear = month == 1 ? year - 1 : year;
        int prevMonth = month == 1 ? 12 : month - 1;
        StringBuilder page = Html.open("Lịch sự kiện tháng " + month + "/" + year, null, null);
        page.append("<h1>Lịch sự kiện tháng ").append(month).append('/').append(year).append("</h1>\n<p>Không có sự kiện.</p>\n<nav>");
        if (prevYear >= 1) {
            page.append(Html.link("/lab/calendar/" + prevYear + "/" + prevMonth, "Tháng trước")).append(' ');
        }
        page.append(Html.link("/lab/calendar/" + nextYear + "/" + nextMonth, "Tháng sau")).append("</nav>\n");
        return Page.html(200, Html.close(page));
    }

    /** The same content under a new session id on every request. */
    private Page sessionPage() {
        String next = Long.toHexString(mix(seed, sessions.incrementAndGet()));
        String other = Long.toHexString(mix(seed ^ 0x5E55, sessions.get()));
        StringBuilder page = Html.open("Phiên làm việc", null, null);
        page.append("<h1>Khuyến mãi hôm nay</h1>\n<p>Nội dung giống hệt nhau, chỉ khác mã phiên trong URL.</p>\n<ul>\n<li>")
                .append(Html.link("/lab/s;jsessionid=" + next + "/page", "Xem tiếp")).append("</li>\n<li>")
                .append(Html.link("/lab/session?sid=" + other, "Trang khuyến mãi")).append("</li>\n</ul>\n");
        return Page.html(200, Html.close(page));
    }

    /** {@code /lab/deep/1/2/…/n} links {@code …/n/n+1}. */
    private static Page deep(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        int depth = trimmed.split("/").length - 3;
        if (depth > DEEP_LIMIT) {
            return Page.html(414, Html.close(Html.open("URI quá dài", null, null)));
        }
        StringBuilder page = Html.open("Thư mục cấp " + depth, null, null);
        page.append("<h1>Thư mục cấp ").append(depth).append("</h1>\n<p>")
                .append(Html.link(trimmed + "/" + (depth + 1) + "/", "Vào sâu hơn")).append("</p>\n");
        return Page.html(200, Html.close(page));
    }

    private static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }
}

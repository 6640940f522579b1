package org.markguard.evidence.builder;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.markguard.api.DismissReason;
import org.markguard.api.FindingKind;
import org.markguard.api.ReviewDecision;
import org.markguard.api.ReviewStatus;

/** The words and number/time formats of the PDF report, in Vietnamese (always) and English (on request). */
final class ReportWords {
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/yyyy", Locale.ROOT)
            .withZone(VIETNAM);

    private static final Map<String, String[]> WORDS = Map.ofEntries(
            Map.entry("title", new String[] {"Báo cáo gói chứng cứ điện tử", "Evidence packet report"}),
            Map.entry("footer", new String[] {"Gói chứng cứ %s", "Evidence packet %s"}),
            Map.entry("summary", new String[] {"Thông tin chung", "Case summary"}),
            Map.entry("packetId", new String[] {"Mã gói chứng cứ", "Packet id"}),
            Map.entry("organization", new String[] {"Đơn vị lập", "Source organization"}),
            Map.entry("requester", new String[] {"Người yêu cầu", "Requested by"}),
            Map.entry("created", new String[] {"Thời điểm lập", "Created"}),
            Map.entry("scope", new String[] {"Phạm vi", "Scope"}),
            Map.entry("scope.ids", new String[] {"%d tin đăng được chọn theo mã", "listings chosen by id (%d)"}),
            Map.entry("scope.seller", new String[] {"toàn bộ tin đăng của tài khoản bán hàng %s",
                "every listing of seller account %s"}),
            Map.entry("scope.search", new String[] {"toàn bộ kết quả tìm kiếm", "every match of a search"}),
            Map.entry("listingCount", new String[] {"Số tin đăng", "Number of listings"}),
            Map.entry("recapture", new String[] {"Thu thập lại khi lập gói", "Recaptured when packed"}),
            Map.entry("note", new String[] {"Ghi chú của người yêu cầu", "Requester's note"}),
            Map.entry("key", new String[] {"Khóa ký (dấu vân tay SHA-256)", "Signing key (SHA-256 fingerprint)"}),
            Map.entry("timestamp", new String[] {"Dấu thời gian (RFC 3161)", "Time stamp (RFC 3161)"}),
            Map.entry("timestampOff", new String[] {"không sử dụng", "not used"}),
            Map.entry("yes", new String[] {"có", "yes"}),
            Map.entry("no", new String[] {"không", "no"}),
            Map.entry("none", new String[] {"không có", "none"}),
            Map.entry("disclaimer", new String[] {
                "Các dấu hiệu nghi vấn dưới đây do hệ thống phát hiện tự động để cán bộ xem xét; chúng không phải là"
                        + " kết luận vi phạm. Kết quả xem xét là quyết định của người xem xét được ghi tên.",
                "The findings below were raised automatically for review by an officer; they are not a finding of"
                        + " infringement. Review decisions are those of the named reviewer."}),
            Map.entry("verify", new String[] {
                "Gói chứng cứ là một túi BagIt được ký bằng khóa Ed25519 của máy chủ. Mỗi tệp trong thư mục data/"
                        + " có mã băm SHA-256 và SHA-512 trong manifest. Kiểm tra không cần máy chủ: java -jar"
                        + " markguard-evidence-verifier.jar %s.zip, rồi so dấu vân tay khóa ký với dấu vân tay ở trên.",
                "The packet is a BagIt bag signed with the server's Ed25519 key; every file under data/ has its"
                        + " SHA-256 and SHA-512 in the manifests. To check it without the server: java -jar"
                        + " markguard-evidence-verifier.jar %s.zip, then compare the signing key fingerprint with the"
                        + " one above."}),
            Map.entry("contents", new String[] {"Danh sách tin đăng", "Listings"}),
            Map.entry("number", new String[] {"STT", "No."}),
            Map.entry("titleAndUrl", new String[] {"Tiêu đề / đường dẫn", "Title / URL"}),
            Map.entry("sellerShort", new String[] {"Người bán", "Seller"}),
            Map.entry("findingsShort", new String[] {"Dấu hiệu", "Findings"}),
            Map.entry("reviewShort", new String[] {"Xem xét", "Review"}),
            Map.entry("listing", new String[] {"Tin đăng %d/%d", "Listing %d/%d"}),
            Map.entry("url", new String[] {"Đường dẫn (URL)", "URL"}),
            Map.entry("platform", new String[] {"Nền tảng", "Platform"}),
            Map.entry("sellerName", new String[] {"Tên người bán", "Seller name"}),
            Map.entry("sellerId", new String[] {"Mã người bán", "Seller id"}),
            Map.entry("sellerLocation", new String[] {"Địa chỉ người bán", "Seller location"}),
            Map.entry("price", new String[] {"Giá bán", "Price"}),
            Map.entry("captureTime", new String[] {"Thời điểm thu thập", "Capture time"}),
            Map.entry("serverIp", new String[] {"Địa chỉ IP máy chủ trang", "Server IP address"}),
            Map.entry("risk", new String[] {"Mức rủi ro", "Risk"}),
            Map.entry("latestReview", new String[] {"Kết quả xem xét gần nhất", "Latest review decision"}),
            Map.entry("reviewer", new String[] {"Người xem xét", "Reviewer"}),
            Map.entry("reviewedAt", new String[] {"Thời điểm xem xét", "Reviewed at"}),
            Map.entry("listingId", new String[] {"Mã tin đăng", "Listing id"}),
            Map.entry("findings", new String[] {"Dấu hiệu nghi vấn", "Findings"}),
            Map.entry("noFindings", new String[] {"Không có dấu hiệu nghi vấn.", "No findings."}),
            Map.entry("kind", new String[] {"Loại quyền", "Right"}),
            Map.entry("subject", new String[] {"Đối tượng", "Subject"}),
            Map.entry("score", new String[] {"Điểm", "Score"}),
            Map.entry("reasons", new String[] {"Lý do", "Reasons"}),
            Map.entry("quoted", new String[] {"Trích dẫn", "Quoted"}),
            Map.entry("files", new String[] {"Tệp trong gói chứng cứ", "Files in the packet"}),
            Map.entry("folder", new String[] {"Thư mục: data/%s", "Folder: data/%s"}),
            Map.entry("file", new String[] {"Tệp", "File"}),
            Map.entry("missing.capture.noReference", new String[] {
                "không có: tin đăng không có bản thu thập gốc (không được lưu khi thu thập)",
                "missing: the listing has no raw capture (none was kept when it was crawled)"}),
            Map.entry("missing.capture.notFound", new String[] {
                "không có: không tìm thấy bản thu thập trong kho lưu trữ", "missing: the capture is not in the capture store"}),
            Map.entry("missing.capture.unreadable", new String[] {
                "không có: không đọc được bản thu thập", "missing: the capture cannot be read"}),
            Map.entry("missing.recapture.failed", new String[] {
                "không có: không thu thập lại được", "missing: not recaptured"}),
            Map.entry("missing.screenshot.noRenderer", new String[] {
                "không có: máy chủ không có trình dựng trang (renderer)", "missing: the server has no renderer"}),
            Map.entry("missing.screenshot.noSource", new String[] {
                "không có: không có bản thu thập để dựng ảnh", "missing: no capture to render it from"}),
            Map.entry("missing.screenshot.notHtml", new String[] {
                "không có: bản thu thập không phải trang HTML", "missing: the capture is not an HTML page"}),
            Map.entry("missing.screenshot.failed", new String[] {
                "không có: dựng ảnh không thành công", "missing: rendering failed"}),
            Map.entry("missing.unknown", new String[] {"không có", "missing"}),
            Map.entry("screenshotCaption", new String[] {
                "Ảnh chụp trang, dựng lại từ bản %s (không truy cập trang thật). SHA-256 của screenshot.png: %s",
                "Screenshot, rendered offline from the %s (the live site was not visited). SHA-256 of screenshot.png: %s"}),
            Map.entry("source.capture", new String[] {"thu thập gốc", "capture"}),
            Map.entry("source.recapture", new String[] {"thu thập lại", "recapture"}),
            Map.entry("screenshotNotPrinted", new String[] {
                "Ảnh chụp không in trong báo cáo này (đã vượt giới hạn dung lượng ảnh của báo cáo); xem tệp %s, SHA-256 %s.",
                "The screenshot is not printed in this report (its image budget is used up); see the file %s, SHA-256 %s."}),
            Map.entry("notes", new String[] {"Lưu ý", "Notes"}),
            Map.entry("signature", new String[] {"Người lập báo cáo", "Prepared by"}),
            Map.entry("signHere", new String[] {"(Ký, ghi rõ họ tên)", "(Signature and full name)"}));

    private static final Map<ReviewStatus, String[]> STATUS = Map.of(
            ReviewStatus.OPEN, new String[] {"Chưa xem xét", "Not yet reviewed"},
            ReviewStatus.CONFIRMED, new String[] {"Đã xác nhận vi phạm", "Confirmed infringement"},
            ReviewStatus.DISMISSED, new String[] {"Đã loại trừ", "Dismissed"},
            ReviewStatus.ESCALATED, new String[] {"Chuyển cấp trên", "Escalated"});

    private static final Map<FindingKind, String[]> KIND = Map.of(
            FindingKind.TRADEMARK, new String[] {"Nhãn hiệu", "Trademark"},
            FindingKind.GEOGRAPHICAL_INDICATION, new String[] {"Chỉ dẫn địa lý", "Geographical indication"},
            FindingKind.COLLECTIVE_MARK, new String[] {"Nhãn hiệu tập thể", "Collective mark"},
            FindingKind.CERTIFICATION_MARK, new String[] {"Nhãn hiệu chứng nhận", "Certification mark"},
            FindingKind.OTHER, new String[] {"Khác", "Other"});

    private static final Map<DismissReason, String[]> REASON = Map.of(
            DismissReason.OFFICIAL_SELLER, new String[] {"người bán chính hãng hoặc được ủy quyền", "official or authorised seller"},
            DismissReason.LAWFUL_DESCRIPTIVE_USE, new String[] {"sử dụng hợp pháp (mô tả, so sánh)", "lawful descriptive use"},
            DismissReason.WRONG_BRAND, new String[] {"nhận nhầm nhãn hiệu hoặc địa danh", "wrong brand or place"},
            DismissReason.OTHER, new String[] {"lý do khác", "other reason"});

    final boolean english;
    final Locale locale;

    ReportWords(String language) {
        this.english = "en".equals(language);
        this.locale = english ? Locale.ENGLISH : Locale.forLanguageTag("vi");
    }

    String get(String key, Object... args) {
        String[] words = WORDS.get(key);
        String text = words == null ? key : words[english ? 1 : 0];
        return args.length == 0 ? text : String.format(locale, text, args);
    }

    /** UTC, and in Vietnamese also the time in Viet Nam, which is what a local officer reads. */
    String time(Instant instant) {
        if (instant == null) {
            return get("none");
        }
        return english ? UTC.format(instant) : UTC.format(instant) + " (" + LOCAL.format(instant) + " giờ Việt Nam)";
    }

    /** 45.000 VND in Vietnamese, 45,000 VND in English; the currency code as given. */
    String price(BigDecimal price, String currency) {
        if (price == null) {
            return get("none");
        }
        DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(locale));
        return format.format(price) + (currency == null ? "" : " " + currency);
    }

    String status(ReviewStatus status) {
        return pick(STATUS.get(status == null ? ReviewStatus.OPEN : status));
    }

    String decision(ReviewDecision decision, FindingKind kind, DismissReason reason) {
        String text = status(ReviewStatus.after(decision));
        if (kind != null) {
            text += " — " + kind(kind);
        }
        if (reason != null) {
            text += " — " + pick(REASON.get(reason));
        }
        return text;
    }

    String kind(FindingKind kind) {
        return pick(KIND.get(kind == null ? FindingKind.OTHER : kind));
    }

    /** What the packet was asked to hold. */
    String scope(org.markguard.api.EvidenceRequest request, int listings) {
        if (request.listingIds() != null && !request.listingIds().isEmpty()) {
            return get("scope.ids", listings);
        }
        if (request.sellerKey() != null && !request.sellerKey().isBlank()) {
            return get("scope.seller", request.sellerKey().strip());
        }
        String terms = ListingResolver.searchTerms(request.query());
        return get("scope.search") + (terms.isEmpty() ? "" : ": " + terms);
    }

    /** Why a file is missing, in the report's language, with the technical cause as recorded. */
    String missing(String file, ListingEntry.Missing why) {
        if (why == null) {
            return get("missing.unknown");
        }
        String key = "missing." + file + "." + why.code();
        String text = WORDS.containsKey(key) ? get(key) : get("missing.unknown");
        return why.detail() == null || why.detail().isBlank() ? text : text + " (" + why.detail() + ")";
    }

    String orNone(String text) {
        return text == null || text.isBlank() ? get("none") : text;
    }

    private String pick(String[] words) {
        return words[english ? 1 : 0];
    }
}

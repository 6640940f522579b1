package org.markguard.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.markguard.api.AssessedListing;
import org.markguard.api.Brand;
import org.markguard.api.Finding;
import org.markguard.api.FindingKind;
import org.markguard.api.Indication;
import org.markguard.api.Registries;

/**
 * Takedown notices for one platform from confirmed listings, as the files its IP complaint channel
 * takes: per batch a notice text (Vietnamese and English) and a sheet with one row per listing and
 * the columns those channels ask for (listing URL, shop, right infringed with its owner and
 * registration, kind of infringement, evidence). Batches are cut at the platform's batch size.
 */
public final class TakedownNotices {
    /**
     * Batch sizes by platform. The portals change their limits; these are conservative defaults
     * (Shopee Brand IP Portal, Alibaba IPP for Lazada, TikTok Shop IPPC, Facebook/Zalo IP forms).
     */
    public static final Map<String, Integer> BATCH_SIZES = Map.of("shopee", 50, "lazada", 100, "tiktok", 20,
            "facebook", 20, "zalo", 20);
    public static final Map<String, String> CHANNELS = Map.of(
            "shopee", "Shopee Brand IP Portal", "lazada", "Alibaba IP Protection Platform (IPP) — Lazada",
            "tiktok", "TikTok Shop Intellectual Property Protection Center (IPPC)",
            "facebook", "Meta intellectual property reporting form", "zalo", "Zalo báo cáo vi phạm");
    static final List<String> COLUMNS = List.of("listing_url", "listing_id", "shop_name", "seller_id", "product_title",
            "ip_type", "right", "right_owner", "registration", "infringement", "reasons", "capture_time",
            "capture_sha256", "reviewer", "confirmed_at");

    private TakedownNotices() {
    }

    /** The zip of notices; {@code captureHashes} maps listing id → SHA-256 of its raw capture (may miss some). */
    public static byte[] zip(String platform, List<AssessedListing> listings, Registries registries,
                             Map<String, String> captureHashes, String rightHolderContact, Instant now) throws IOException {
        int batch = BATCH_SIZES.getOrDefault(platform, 20);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            int batches = 0;
            for (int from = 0; from < listings.size(); from += batch) {
                batches++;
                List<AssessedListing> part = listings.subList(from, Math.min(listings.size(), from + batch));
                List<List<String>> rows = new ArrayList<>();
                part.forEach(a -> rows.add(row(a, registries, captureHashes)));
                String stem = platform + "-" + String.format(Locale.ROOT, "%03d", batches);
                put(zip, stem + "-listings.csv", Tables.csv(COLUMNS, rows));
                put(zip, stem + "-listings.xlsx", Tables.xlsx(platform + " " + batches, COLUMNS, rows));
                put(zip, stem + "-notice.txt", notice(platform, part, rows, rightHolderContact, now)
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }

    static List<String> row(AssessedListing a, Registries registries, Map<String, String> hashes) {
        Finding f = a.findings().stream().filter(x -> a.history().review().kind() == null
                || x.kind() == a.history().review().kind()).findFirst().orElse(a.findings().isEmpty() ? null : a.findings().get(0));
        String right = "";
        String owner = "";
        String registration = "";
        if (f != null) {
            for (Brand b : registries.brands()) {
                if (b.id().equals(f.subject())) {
                    right = b.names().isEmpty() ? b.id() : b.names().get(0);
                    owner = b.owner() == null ? "" : b.owner();
                    registration = "Nice " + b.niceClasses();
                }
            }
            for (Indication i : registries.indications()) {
                if (i.id().equals(f.subject())) {
                    right = i.names().isEmpty() ? i.id() : i.names().get(0);
                    registration = i.registration() == null ? "" : i.registration();
                }
            }
        }
        FindingKind kind = a.history().review().kind() != null ? a.history().review().kind() : f == null ? null : f.kind();
        return List.of(a.listing().url(), a.listing().id(), nz(a.listing().seller().name()), nz(a.listing().seller().id()),
                nz(a.listing().title()), ipType(kind), right, owner, registration, infringement(kind),
                f == null ? "" : String.join("; ", f.reasons()),
                a.listing().captureTime() == null ? "" : a.listing().captureTime().toString(),
                hashes.getOrDefault(a.listing().id(), ""), nz(a.history().review().reviewer()),
                a.history().review().at() == null ? "" : a.history().review().at().toString());
    }

    private static String notice(String platform, List<AssessedListing> part, List<List<String>> rows, String contact,
                                 Instant now) {
        StringBuilder s = new StringBuilder();
        s.append("THÔNG BÁO YÊU CẦU GỠ BỎ SẢN PHẨM VI PHẠM QUYỀN SỞ HỮU TRÍ TUỆ\n");
        s.append("Gửi: ").append(CHANNELS.getOrDefault(platform, platform)).append("\n");
        s.append("Ngày: ").append(now).append("\n\n");
        s.append("Chúng tôi đề nghị gỡ bỏ ").append(part.size()).append(" tin đăng dưới đây. Mỗi tin đã được cán bộ thẩm định xác nhận ")
                .append("vi phạm (nhãn hiệu, chỉ dẫn địa lý, nhãn hiệu tập thể hoặc chứng nhận); bản chụp trang (WARC) và mã băm SHA-256 ")
                .append("được lưu giữ làm chứng cứ và cung cấp khi có yêu cầu.\n\n");
        appendList(s, rows);
        s.append("\nLiên hệ: ").append(contact == null || contact.isBlank() ? "(điền thông tin chủ thể quyền / cơ quan)" : contact).append("\n");
        s.append("Chúng tôi cam đoan thông tin trên là đúng sự thật theo hiểu biết của chúng tôi.\n\n");
        s.append("----\nNOTICE OF INTELLECTUAL PROPERTY INFRINGEMENT — TAKEDOWN REQUEST\n");
        s.append("To: ").append(CHANNELS.getOrDefault(platform, platform)).append("\nDate: ").append(now).append("\n\n");
        s.append("We request the removal of the ").append(part.size()).append(" listings below. Each was confirmed as infringing ")
                .append("(trademark, geographical indication, collective or certification mark) by a reviewing officer; the raw page ")
                .append("captures (WARC) and their SHA-256 hashes are kept as evidence and available on request.\n\n");
        appendList(s, rows);
        s.append("\nContact: ").append(contact == null || contact.isBlank() ? "(fill in the right holder / agency)" : contact).append("\n");
        s.append("We state that the information above is accurate to the best of our knowledge.\n");
        return s.toString();
    }

    private static void appendList(StringBuilder s, List<List<String>> rows) {
        int n = 1;
        for (List<String> r : rows) {
            s.append(n++).append(". ").append(r.get(0)).append("\n   ").append(r.get(2)).append(" — ").append(r.get(5))
                    .append(r.get(6).isEmpty() ? "" : ": " + r.get(6)).append(" — ").append(r.get(9)).append("\n");
        }
    }

    private static String ipType(FindingKind k) {
        if (k == null) {
            return "";
        }
        return switch (k) {
            case TRADEMARK -> "Trademark";
            case GEOGRAPHICAL_INDICATION -> "Geographical indication";
            case COLLECTIVE_MARK -> "Collective mark";
            case CERTIFICATION_MARK -> "Certification mark";
            case OTHER -> "Other";
        };
    }

    private static String infringement(FindingKind k) {
        if (k == null) {
            return "";
        }
        return k == FindingKind.TRADEMARK ? "Counterfeit / unauthorised use of the mark"
                : k == FindingKind.OTHER ? "False certification claim" : "Misuse of the protected name";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}

package org.markguard.report;

import java.util.Locale;
import java.util.Map;

/** The words of the report files, in Vietnamese (the default) and English. */
final class ReportLabels {
    private static final Map<String, String[]> WORDS = Map.ofEntries(
            Map.entry("daily.title", new String[] {"Báo cáo nhanh ngày %s", "Daily quick report, %s"}),
            Map.entry("period.title", new String[] {"Báo cáo kết quả từ %s đến %s", "Period report, %s to %s"}),
            Map.entry("hotspots.title", new String[] {"Điểm nóng vi phạm từ %s đến %s", "Infringement hot spots, %s to %s"}),
            Map.entry("baseline", new String[] {"So sánh với cùng kỳ: %s đến %s", "Compared with: %s to %s"}),
            Map.entry("timezone", new String[] {"Múi giờ", "Time zone"}),
            Map.entry("detected", new String[] {"Vụ việc phát hiện mới", "New detected cases"}),
            Map.entry("confirmed", new String[] {"Đã xác nhận vi phạm", "Confirmed"}),
            Map.entry("dismissed", new String[] {"Đã loại trừ", "Dismissed"}),
            Map.entry("escalated", new String[] {"Chuyển cấp trên", "Escalated"}),
            Map.entry("accounts", new String[] {"Tài khoản nghi vấn", "Suspicious accounts"}),
            Map.entry("kind", new String[] {"Loại vi phạm", "Kind"}),
            Map.entry("platform", new String[] {"Nền tảng", "Platform"}),
            Map.entry("productGroup", new String[] {"Nhóm hàng", "Product group"}),
            Map.entry("province", new String[] {"Tỉnh, thành phố", "Province"}),
            Map.entry("top", new String[] {"Tài khoản có nhiều vụ việc mới nhất", "Accounts with the most new cases"}),
            Map.entry("section", new String[] {"Mục", "Section"}),
            Map.entry("key", new String[] {"Giá trị", "Value"}),
            Map.entry("count", new String[] {"Số lượng", "Count"}),
            Map.entry("measure", new String[] {"Chỉ tiêu", "Measure"}),
            Map.entry("value", new String[] {"Kỳ này", "This period"}),
            Map.entry("baselineValue", new String[] {"Cùng kỳ", "Baseline"}),
            Map.entry("change", new String[] {"Thay đổi (%)", "Change (%)"}),
            Map.entry("account", new String[] {"Tài khoản", "Account"}),
            Map.entry("name", new String[] {"Tên", "Name"}),
            Map.entry("cases", new String[] {"Vụ việc", "Cases"}),
            Map.entry("seller", new String[] {"Tài khoản bán hàng", "Seller accounts"}),
            Map.entry("shop", new String[] {"Cửa hàng (theo tên)", "Shops (by name)"}),
            Map.entry("platforms", new String[] {"Nền tảng", "Platforms"}),
            Map.entry("none", new String[] {"Không có dữ liệu.", "No data."}),
            Map.entry("footer", new String[] {"markguard — báo cáo tự động, số liệu từ chỉ mục tại thời điểm lập",
                    "markguard — generated report, figures from the index when it was made"}));

    private final int column;
    final Locale locale;

    ReportLabels(String language) {
        boolean english = language != null && language.toLowerCase(Locale.ROOT).startsWith("en");
        this.column = english ? 1 : 0;
        this.locale = english ? Locale.ENGLISH : Locale.forLanguageTag("vi");
    }

    String get(String key, Object... args) {
        String[] w = WORDS.get(key);
        String text = w == null ? key : w[column];
        return args.length == 0 ? text : String.format(locale, text, args);
    }
}

package org.markguard.pdf.internal;

import java.util.Locale;

/** The few words the writer adds itself, in the document's language (Vietnamese or English). */
record Wording(String page, String unreadableImage, String noData) {
    static Wording of(Locale language) {
        if ("vi".equals(language.getLanguage())) {
            return new Wording("Trang", "[Không đọc được ảnh]", "(không có dữ liệu)");
        }
        return new Wording("Page", "[Image could not be read]", "(no data)");
    }
}

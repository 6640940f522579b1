package org.markguard.extract;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "Đã bán 1,2k", "2.5k sold", "10 N+": sold counts as shops display them. */
final class SoldCounts {
    private static final Pattern COUNT = Pattern.compile("(\\d+(?:[.,]\\d+)?)\\s*(k|n|nghìn|tr|triệu|m)?\\+?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private SoldCounts() {
    }

    static Long parse(String text) {
        if (text == null || text.length() > 80) {
            return null;
        }
        Matcher m = COUNT.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.find()) {
            return null;
        }
        String unit = m.group(2) == null ? "" : m.group(2);
        String digits = m.group(1);
        BigDecimal value;
        if (unit.isEmpty()) {
            value = PriceParser.plainNumber(digits); // "1.234" sold is 1234
        } else {
            value = new BigDecimal(digits.replace(',', '.'));
            value = value.multiply(BigDecimal.valueOf(unit.startsWith("t") || unit.equals("m") ? 1_000_000 : 1_000));
        }
        return value == null ? null : value.longValue();
    }
}

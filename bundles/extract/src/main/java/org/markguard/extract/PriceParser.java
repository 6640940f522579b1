package org.markguard.extract;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a price as shops write it, with Vietnamese conventions first.
 *
 * <p>Rules, in the order applied:
 * <ol>
 *   <li>Text saying there is no price ("liên hệ", "inbox giá", "thỏa thuận", "call", "contact")
 *       gives no price, even with digits in it (those are phone numbers).</li>
 *   <li>Currency: a declared currency (priceCurrency and the like) wins; otherwise the symbol or
 *       code in the text: ₫, đ, VND, VNĐ → VND; US$, USD, $ → USD; €, EUR → EUR; £, GBP → GBP;
 *       a few other ISO codes (JPY, THB, SGD …) written in capitals are taken as written; else null.</li>
 *   <li>A range ("₫150.000 - ₫220.000", "150k~220k", "100 đến 200") gives its lower bound.</li>
 *   <li>Shorthand: "350k" / "350 nghìn" / "350 ngàn" = ×1,000; "1tr" / "1 triệu" = 1,000,000;
 *       "1tr2" = 1,200,000 and "1tr250" = 1,250,000 (digits after "tr" are the fraction of a
 *       million); "1.5tr" / "1,5k" use either mark as the decimal point.</li>
 *   <li>Separators in a plain number: with both "." and "," the one written last is the decimal
 *       mark ("1,250,000.50", "1.250.000,50"); one mark written several times groups thousands
 *       ("1.250.000", "1,250,000"); one mark written once groups thousands when exactly three
 *       digits follow and the integer part is not 0 ("350.000", "1,250"), otherwise it is the
 *       decimal mark ("12.99", "12,5", "0.500"). No-break spaces and apostrophes group thousands;
 *       ordinary spaces do not (they separate words such as "2 cái 350.000").</li>
 *   <li>Zero or negative amounts are no price: Vietnamese shops show 0 for "ask the seller".</li>
 * </ol>
 * Amounts are returned without trailing zeros (350000.00 → 350000).
 */
public final class PriceParser {

    /** A parsed price; the currency (ISO 4217) may be null when neither declared nor written. */
    public record Price(BigDecimal amount, String currency) {
    }

    private static final int MAX_TEXT = 120;
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1_000);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private static final Pattern NO_PRICE = Pattern.compile(
            "li[eê]n h[eệ]|inbox|ib gi[aá]|th[ỏo]a thu[aậ]n|th[uư][oơ]ng l[uư][oợ]ng|call|contact|\\bask\\b");
    static final Pattern RANGE = Pattern.compile("\\s*[-–—~]\\s*|\\s+(?:đến|den|to)\\s+");
    // "1tr2", "1 triệu", "1.5tr": the optional trailing digits are the fraction of a million
    private static final Pattern MILLIONS = Pattern.compile(
            "(\\d+(?:[.,]\\d+)?)\\s*(?:triệu|trieu|tr)(?![a-zà-ỹ])\\s*(\\d{1,3})?(?!\\d)");
    private static final Pattern THOUSANDS = Pattern.compile(
            "(\\d+(?:[.,]\\d+)?)\\s*(?:nghìn|ngàn|nghin|ngan|k)(?![a-zà-ỹ])");
    // digits joined by . , ' or no-break spaces, each separator followed by a digit
    private static final Pattern NUMBER = Pattern.compile("\\d(?:\\d|[.,'\\u00a0\\u202f](?=\\d))*");
    // a closed list: any three capitals would also match words such as "NEW" or "HOT"
    private static final Pattern ISO_CODE = Pattern.compile("(?<![A-Za-z])(JPY|CNY|KRW|THB|SGD|MYR|IDR|PHP|"
            + "AUD|CAD|HKD|TWD|INR|CHF|SEK|NOK|DKK|PLN|CZK|RUB|BRL|MXN|NZD|AED)(?![A-Za-z])");

    // symbols and local abbreviations written next to amounts, lower-cased, checked as whole words
    private static final String[][] LOCAL_SYMBOLS = {{"₸", "KZT"}, {"тг", "KZT"}, {"kn", "HRK"}, {"lei", "RON"},
        {"zł", "PLN"}, {"kč", "CZK"}, {"₽", "RUB"}, {"руб", "RUB"}, {"р.", "RUB"}, {"грн", "UAH"}, {"₴", "UAH"},
        {"원", "KRW"}, {"₩", "KRW"}, {"円", "JPY"}, {"¥", "JPY"}, {"nt$", "TWD"}, {"₹", "INR"}, {"rs", "PKR"},
        {"₺", "TRY"}, {"лв", "BGN"}, {"ft", "HUF"}, {"kr", "SEK"}, {"r$", "BRL"}, {"₱", "PHP"}, {"฿", "THB"},
        {"rm", "MYR"}, {"₪", "ILS"}, {"sar", "SAR"}, {"aed", "AED"}, {"chf", "CHF"}};
    // each symbol as a whole word, compiled once (parsing runs for every price candidate of a page)
    private static final Pattern[] LOCAL_SYMBOL_WORDS = java.util.Arrays.stream(LOCAL_SYMBOLS)
            .map(symbol -> Pattern.compile("(?<![\\p{L}])" + Pattern.quote(symbol[0]) + "(?![\\p{L}])"))
            .toArray(Pattern[]::new);

    private PriceParser() {
    }

    public static Optional<Price> parse(String text) {
        return parse(text, null);
    }

    /**
     * Parses a price written as text.
     *
     * @param text the price as written, e.g. "₫350.000" or "1tr2"
     * @param declaredCurrency a currency stated next to the price (code or symbol), may be null
     */
    public static Optional<Price> parse(String text, String declaredCurrency) {
        if (text == null) {
            return Optional.empty();
        }
        String nfc = Text.nfc(text).strip();
        if (nfc.isEmpty() || nfc.length() > MAX_TEXT) {
            return Optional.empty();
        }
        String lower = nfc.toLowerCase(Locale.ROOT);
        if (NO_PRICE.matcher(lower).find()) {
            return Optional.empty();
        }
        String currency = currencyCode(declaredCurrency);
        if (currency == null) {
            currency = currencyIn(nfc);
        }
        BigDecimal lowest = null;
        for (String part : rangeParts(lower)) {
            BigDecimal amount = amount(part);
            if (amount != null && (lowest == null || amount.compareTo(lowest) < 0)) {
                lowest = amount;
            }
        }
        return lowest == null ? Optional.empty() : Optional.of(new Price(lowest, currency));
    }

    // "44 890 тг.", "1 299,00 €": ordinary spaces group thousands in a price element's own text
    private static final Pattern SPACE_GROUPED = Pattern.compile("(?<![\\d.,])(\\d{1,3})((?: \\d{3})+)(?![\\d])");

    /**
     * Parses the text of an element that is known to hold one price (a "price" class): there,
     * single spaces between groups of three digits group thousands, as many European and Central
     * Asian shops write them.
     */
    public static Optional<Price> parseVisible(String text) {
        if (text == null || text.length() > MAX_TEXT) {
            return Optional.empty();
        }
        return parse(SPACE_GROUPED.matcher(text).replaceAll(m -> m.group(1) + m.group(2).replace(" ", "")), null);
    }

    /**
     * The upper bound of a price range ("₫150.000 - ₫220.000" → 220000); empty when the text is not
     * a range of two different amounts.
     */
    public static Optional<BigDecimal> rangeHigh(String text) {
        if (text == null || text.length() > MAX_TEXT) {
            return Optional.empty();
        }
        String lower = Text.nfc(text).strip().toLowerCase(Locale.ROOT);
        if (NO_PRICE.matcher(lower).find()) {
            return Optional.empty();
        }
        BigDecimal low = null;
        BigDecimal high = null;
        for (String part : rangeParts(lower)) {
            BigDecimal amount = amount(part);
            if (amount != null) {
                low = low == null || amount.compareTo(low) < 0 ? amount : low;
                high = high == null || amount.compareTo(high) > 0 ? amount : high;
            }
        }
        return high != null && high.compareTo(low) > 0 ? Optional.of(high) : Optional.empty();
    }

    private static final Pattern DECIMAL = Pattern.compile("\\d+(?:[.,]\\d+)?");

    /** The first decimal number of a text ("4,8 out of 5" → 4.8), for ratings. */
    static Optional<Double> decimalNumber(String text) {
        if (text == null || text.length() > MAX_TEXT) {
            return Optional.empty();
        }
        Matcher m = DECIMAL.matcher(text);
        return m.find() ? Optional.of(Double.parseDouble(m.group().replace(',', '.'))) : Optional.empty();
    }

    /** A price given as a number (JSON): no separator guessing, only the zero rule. */
    public static Optional<Price> of(BigDecimal amount, String declaredCurrency) {
        if (amount == null || amount.signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Price(tidy(amount), currencyCode(declaredCurrency)));
    }

    /**
     * Normalises a declared currency: an ISO code in any case, or a symbol.
     *
     * @return the ISO 4217 code, or null when unrecognisable
     */
    public static String currencyCode(String declared) {
        if (declared == null) {
            return null;
        }
        String code = Text.nfc(declared).strip();
        if (code.matches("[A-Za-z]{3}")) {
            return code.toUpperCase(Locale.ROOT);
        }
        return code.isEmpty() || code.length() > 8 ? null : currencyIn(code);
    }

    /** The currency written in a text, by symbol or code; null if none. */
    static String currencyIn(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("₫") || lower.contains("vnd") || lower.contains("vnđ") || lower.contains("đ")) {
            return "VND";
        }
        if (lower.contains("us$") || lower.contains("usd")) {
            return "USD";
        }
        if (lower.contains("€") || lower.contains("eur")) {
            return "EUR";
        }
        if (lower.contains("£") || lower.contains("gbp")) {
            return "GBP";
        }
        Matcher code = ISO_CODE.matcher(text);
        if (code.find()) {
            return code.group(1);
        }
        for (int i = 0; i < LOCAL_SYMBOLS.length; i++) {
            if (lower.contains(LOCAL_SYMBOLS[i][0]) && LOCAL_SYMBOL_WORDS[i].matcher(lower).find()) {
                return LOCAL_SYMBOLS[i][1];
            }
        }
        return lower.contains("$") ? "USD" : null;
    }

    /** The parts of a range ("150 - 220", "150 đến 220"), or the text alone when it has no range mark. */
    static String[] rangeParts(String lower) {
        boolean mark = false;
        for (int i = 0; i < lower.length() && !mark; i++) {
            mark = "-–—~".indexOf(lower.charAt(i)) >= 0;
        }
        if (!mark && !lower.contains("to") && !lower.contains("đến") && !lower.contains("den")) {
            return new String[] {lower}; // what the split gives, without running it
        }
        return RANGE.split(lower);
    }

    /** The amount in one part of a (possibly ranged) price text, lower-cased; null if none. */
    private static BigDecimal amount(String part) {
        // (each regex only where its unit word can be: most prices have neither)
        Matcher millions = part.contains("tr") ? MILLIONS.matcher(part) : null;
        if (millions != null && millions.find()) {
            BigDecimal whole = decimal(millions.group(1));
            if (whole == null) {
                return null;
            }
            BigDecimal value = whole.multiply(MILLION);
            if (millions.group(2) != null) {
                value = value.add(new BigDecimal("0." + millions.group(2)).multiply(MILLION));
            }
            return positive(value);
        }
        Matcher thousands = part.contains("k") || part.contains("ng") ? THOUSANDS.matcher(part) : null;
        if (thousands != null && thousands.find()) {
            BigDecimal whole = decimal(thousands.group(1));
            return whole == null ? null : positive(whole.multiply(THOUSAND));
        }
        Matcher number = NUMBER.matcher(part);
        return number.find() ? positive(plainNumber(number.group())) : null;
    }

    /** "1.5" or "1,5" as a decimal: used where the unit makes thousands grouping impossible. */
    private static BigDecimal decimal(String digits) {
        try {
            return new BigDecimal(digits.replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Applies the separator rules of the class comment to a run of digits and separators. */
    static BigDecimal plainNumber(String token) {
        String digits = token.replace("\u00a0", "").replace("\u202f", "").replace("'", "");
        if (digits.length() > 30) {
            return null;
        }
        int lastDot = digits.lastIndexOf('.');
        int lastComma = digits.lastIndexOf(',');
        String normalised;
        if (lastDot >= 0 && lastComma >= 0) {
            char decimalMark = lastDot > lastComma ? '.' : ',';
            char groupMark = decimalMark == '.' ? ',' : '.';
            if (count(digits, decimalMark) > 1) {
                return null; // "1.2.3,4.5": not a number anyone writes
            }
            normalised = digits.replace(String.valueOf(groupMark), "").replace(decimalMark, '.');
        } else if (lastDot < 0 && lastComma < 0) {
            normalised = digits;
        } else {
            char mark = lastDot >= 0 ? '.' : ',';
            int at = Math.max(lastDot, lastComma);
            boolean grouping = count(digits, mark) > 1
                    || (digits.length() - at - 1 == 3 && !digits.substring(0, at).equals("0"));
            normalised = grouping ? digits.replace(String.valueOf(mark), "") : digits.replace(mark, '.');
        }
        try {
            return new BigDecimal(normalised);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static BigDecimal positive(BigDecimal value) {
        return value == null || value.signum() <= 0 ? null : tidy(value);
    }

    private static BigDecimal tidy(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}

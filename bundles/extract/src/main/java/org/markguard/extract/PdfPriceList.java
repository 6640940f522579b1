package org.markguard.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.markguard.api.FetchedPage;
import org.markguard.api.Listing;
import org.markguard.api.ProductDetails;
import org.markguard.api.Seller;

/**
 * A PDF price list or catalogue: each line "name … price" becomes a listing whose URL is
 * {@code <pdf-url>#line-<n>}, so that every product line can be reviewed (and found again) on its
 * own. The text comes from Apache Tika's PDF parser within the limits of {@link TikaDocuments}
 * (size, output, memory, decompression bombs, a deadline); a PDF that breaks one of them yields
 * nothing rather than blocking a crawl thread.
 */
final class PdfPriceList {
    static final int MAX_LISTINGS = 2_000;
    // a line that ends with a price: "Nước mắm Phú Quốc 500ml ...... 125.000đ"
    private static final Pattern LINE_WITH_PRICE = Pattern.compile(
            "^(.*?\\p{L}.*?)[\\s.:·…\\-–|]*((?:\\d{1,3}(?:[.,\\u00a0 ]\\d{3})+|\\d+(?:[.,]\\d{1,2})?)\\s*"
                    + "(?:k|tr|triệu|đ|₫|vnđ|vnd|d|€|\\$|usd|eur)?)\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern PRICE_TOKEN = Pattern.compile("[^\\d\\s.,]|\\d[.,\\u00a0 ]\\d{3}(?!\\d)|[.,]\\d{2}$");

    private PdfPriceList() {
    }

    static boolean isPdf(FetchedPage page) {
        String type = page.contentType() == null ? "" : page.contentType().toLowerCase(Locale.ROOT);
        byte[] b = page.body();
        boolean magic = b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-';
        return type.startsWith("application/pdf") || magic;
    }

    /** The product lines of a PDF; empty when it has none, is not a PDF, or breaks a limit. */
    static List<Listing> listings(FetchedPage page) {
        try {
            return fromText(page, TikaDocuments.pdfText(page.body()));
        } catch (TikaDocuments.Unreadable | RuntimeException e) {
            return List.of();
        }
    }

    /** Lines to listings; package-private so the line rules can be tested without a PDF. */
    static List<Listing> fromText(FetchedPage page, String text) {
        List<Listing> listings = new ArrayList<>();
        String pdfUrl = Urls.withoutFragment(page.url());
        // the page that linked the PDF (the shop's page); its folder when the crawler does not know it
        String shop = page.referrer() != null ? page.referrer() : pdfUrl.replaceFirst("[^/]*$", "");
        int n = 0;
        for (String raw : text.split("\\R")) {
            n++;
            String line = Text.clean(raw);
            if (line == null || line.length() > 300 || listings.size() >= MAX_LISTINGS) {
                continue;
            }
            Matcher m = LINE_WITH_PRICE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String name = m.group(1).replaceAll("[\\s.·…:\\-–|]+$", "").strip();
            String token = m.group(2).strip();
            // a bare "11" ends headings ("BẢNG GIÁ THÁNG 11"); a price has a unit, a symbol or grouped digits;
            // "Liên hệ: 0909 …" is a phone number (the price rules refuse "liên hệ" lines as a whole)
            boolean looksLikePrice = PRICE_TOKEN.matcher(token).find();
            var price = PriceParser.parseVisible(token);
            if (name.length() < 3 || !looksLikePrice || price.isEmpty() || PriceParser.parse(line).isEmpty()) {
                continue;
            }
            String currency = price.get().currency() != null ? price.get().currency()
                    : Languages.detect(text.length() > 4_000 ? text.substring(0, 4_000) : text) == null ? null : "VND";
            Map<String, String> sources = new LinkedHashMap<>();
            sources.put("title", FieldSource.TEXT.name());
            sources.put("price", FieldSource.TEXT.name());
            sources.put("shopPage", shop);
            BigDecimal amount = price.get().amount();
            ProductDetails details = new ProductDetails(null, null, null, null, null, null, null, null, null, null,
                    Languages.detect(name), null);
            listings.add(new Listing(null, pdfUrl + "#line-" + n, page.platform(), name, line, amount, currency,
                    Seller.UNKNOWN, List.of(), page.fetchTime(), Listing.sha256Hex(page.body()),
                    FieldSource.TEXT.name(), sources, List.of(), details, null));
        }
        return listings;
    }
}

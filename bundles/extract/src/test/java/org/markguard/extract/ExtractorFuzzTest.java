package org.markguard.extract;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.markguard.api.FetchedPage;
import org.markguard.api.Listing;

/**
 * Jazzer fuzz tests. In the normal test phase they run in regression mode: each input of the
 * corpus in src/test/resources/org/markguard/extract/ExtractorFuzzTestInputs/&lt;method&gt;/ once
 * (seconds). A real fuzzing run is started by hand:
 * {@code JAZZER_FUZZ=1 mvn -B test -Dtest=ExtractorFuzzTest#extractNeverThrows} (maxDuration below bounds it;
 * Jazzer keeps its generated corpus in .cifuzz-corpus/, which is not committed)
 * (see benchmarks/results/extraction.md for the run done and its exec count).
 */
class ExtractorFuzzTest {
    private static final HtmlListingExtractor EXTRACTOR = new HtmlListingExtractor();
    private static final String[] PLATFORMS = {"web", "shopee", "tiktok", "facebook", "zalo", null};
    private static final String[] TYPES = {"text/html", "text/html; charset=windows-1258", "application/pdf",
        "text/html; charset=nonsense", null, "image/jpeg"};

    /** Whatever the bytes, extract() and extractAll() return (no exception, no error) a well-formed result. */
    @FuzzTest(maxDuration = "4m")
    void extractNeverThrows(FuzzedDataProvider data) {
        String platform = data.pickValue(PLATFORMS);
        String type = data.pickValue(TYPES);
        byte[] body = data.consumeRemainingAsBytes();
        FetchedPage page = new FetchedPage("https://fuzz.example/p/1", platform, 200, type, body, Pages.FETCHED);
        Optional<Listing> listing = EXTRACTOR.extract(page);
        assertNotNull(listing);
        listing.ifPresent(l -> assertTrue(l.price() == null || l.price().signum() > 0, "price " + l.price()));
        List<Listing> all = EXTRACTOR.extractAll(page);
        assertNotNull(all);
    }

    /**
     * Price texts: never an exception, never a zero or negative amount, a range's high above its
     * low; and the hand-written scans that replaced regexes for speed give what the regexes give.
     */
    @FuzzTest(maxDuration = "1m")
    void priceParserNeverThrows(FuzzedDataProvider data) {
        String currency = data.consumeBoolean() ? data.consumeString(8) : null;
        String text = data.consumeRemainingAsString();
        Optional<PriceParser.Price> price = PriceParser.parse(text, currency);
        price.ifPresent(p -> assertTrue(p.amount().signum() > 0, "amount " + p.amount()));
        Optional<PriceParser.Price> visible = PriceParser.parseVisible(text);
        visible.ifPresent(p -> assertTrue(p.amount().signum() > 0));
        Optional<BigDecimal> high = PriceParser.rangeHigh(text);
        high.ifPresent(h -> assertTrue(h.signum() > 0));
        // the fast paths agree with the regexes they stand in for
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        org.junit.jupiter.api.Assertions.assertArrayEquals(PriceParser.RANGE.split(lower), PriceParser.rangeParts(lower));
        org.junit.jupiter.api.Assertions.assertEquals(text.replaceAll(
                "[\\s\\u00a0\\u2000-\\u200b\\u202f\\u205f\\u3000\\ufeff]+", " ").strip(), Text.collapseSpaces(text));
        org.junit.jupiter.api.Assertions.assertEquals(
                java.util.regex.Pattern.compile("\\d[\\d.,\\s]*\\D+\\d[\\d.,]*\\d").matcher(text).find(),
                VisiblePrice.severalAmounts(text));
        SocialPostSource.priceIn(text);
        SoldCounts.parse(text);
        Provinces.defaults().provinceOf(text);
        assertNotNull(text.getBytes(StandardCharsets.UTF_8));
    }
}

package org.markguard.detect.ocop;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.markguard.api.EvidenceSpan;
import org.markguard.api.FoldedText;

/**
 * A claim of OCOP certification in a listing field: "OCOP 4 sao", "sản phẩm OCOP 3 sao", "3 sao OCOP",
 * "OCOP 4★", "đạt chuẩn OCOP". Matched on the folded text, reported over the text as stored.
 *
 * @param stars the stars claimed, 0 when the claim gives none ("đạt chuẩn OCOP")
 */
record OcopClaim(EvidenceSpan span, int stars) {
    // folded text: diacritics gone, lower case. "ocop" then up to 12 characters, then N sao|*|★|star(s)
    private static final Pattern AFTER = Pattern.compile(
            "\\bocop\\b[^\\p{L}\\p{N}]{0,3}(?:(?:hang|dat|chuan|dat chuan)\\s+)?([1-5])\\s*(?:sao|\\*|★|⭐|stars?)");
    private static final Pattern BEFORE = Pattern.compile("\\b([1-5])\\s*(?:sao|\\*|★|⭐|stars?)\\s*ocop\\b");
    private static final Pattern PLAIN = Pattern.compile(
            "(?:dat|dat chuan|chung nhan|san pham|chuan|certified)\\s+ocop\\b|\\bocop\\s+(?:certified|chinh hang)");

    static List<OcopClaim> find(FoldedText text, String field) {
        List<OcopClaim> claims = new ArrayList<>();
        String f = text.folded();
        if (!f.contains("ocop")) {
            return claims;
        }
        for (Pattern pattern : List.of(AFTER, BEFORE)) {
            Matcher m = pattern.matcher(f);
            while (m.find()) {
                add(claims, new OcopClaim(text.span(m.start(), m.end(), field), Integer.parseInt(m.group(1))));
            }
        }
        Matcher m = PLAIN.matcher(f);
        while (m.find()) {
            add(claims, new OcopClaim(text.span(m.start(), m.end(), field), 0));
        }
        return claims;
    }

    private static void add(List<OcopClaim> claims, OcopClaim claim) {
        boolean overlaps = claims.stream().anyMatch(c -> c.span().start() < claim.span().end()
                && claim.span().start() < c.span().end());
        if (!overlaps) {
            claims.add(claim);
        }
    }
}

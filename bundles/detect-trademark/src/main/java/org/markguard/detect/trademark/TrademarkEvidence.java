package org.markguard.detect.trademark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.markguard.api.Brand;
import org.markguard.api.EvidenceSpan;
import org.markguard.api.FindingKind;
import org.markguard.api.FoldedText;
import org.markguard.api.Finding;
import org.markguard.api.Listing;

/**
 * Weighs the evidence about one brand in one listing: the mention itself, how it is disguised,
 * slang, price and product terms. Returns no finding for lawful uses: a brand that only says what
 * an accessory fits, or a generic word next to goods of classes the mark is not registered for.
 */
final class TrademarkEvidence {
    private TrademarkEvidence() {
    }

    static Optional<Finding> assess(Brand brand, List<BrandMention> mentions, Listing listing, ListingCues cues,
                                    TrademarkSettings s) {
        BrandMention first = mentions.stream().filter(m -> m.field().equals(Fields.TITLE)).findFirst()
                .orElse(mentions.get(0));
        List<String> brandTerms = brand.productTerms().stream().map(t -> FoldedText.fold(t).strip()).toList();
        if (!cues.slang() && cues.describesCompatibility(first, brandTerms)) {
            return Optional.empty();
        }
        List<EvidenceSpan> mentionSpans = new ArrayList<>();
        mentions.forEach(m -> mentionSpans.add(m.span()));
        Optional<Signal> product = productTerm(brand, cues, mentionSpans, s.productTermBonus());
        if (product.isEmpty() && !cues.slang() && !cues.titleClasses.isEmpty()
                && cues.titleClasses.stream().noneMatch(brand.niceClasses()::contains)) {
            return Optional.empty(); // "táo Apple": fruit, and Apple is registered for electronics
        }
        boolean onlyTypos = mentions.stream().allMatch(m -> m.how() == BrandMention.Obfuscation.MISSPELT);
        if (onlyTypos && product.isEmpty() && !cues.slang()) {
            return Optional.empty(); // a word one letter off a brand is a brand only next to its goods or slang
        }
        List<Signal> signals = new ArrayList<>();
        signals.add(mention(brand, mentions, s));
        if (cues.slang()) {
            List<String> phrases = cues.slangPhrases.subList(0, Math.min(3, cues.slangPhrases.size()));
            // "loại 1", "fullbox" are also said of genuine goods: half weight unless a strong phrase is there
            double weight = cues.strongSlang ? s.slangBonus() : s.slangBonus() / 2;
            signals.add(new Signal((cues.strongSlang ? "counterfeit slang " : "wording common in counterfeit offers ")
                    + quoted(phrases) + " in " + where(cues.slangSpans), weight, cues.slangSpans));
        }
        PriceCheck.lowPrice(brand, listing, s.lowPriceRatio(), s.lowPriceBonus()).ifPresent(signals::add);
        product.ifPresent(signals::add);
        // the mention explains the subject, so it stays first; then the strongest
        signals.subList(1, signals.size()).sort(Comparator.comparingDouble(Signal::weight).reversed());
        signals.add(SellerCheck.notOfficial(brand, listing.seller()));
        double score = 0;
        List<String> reasons = new ArrayList<>();
        Set<EvidenceSpan> spans = new LinkedHashSet<>();
        for (Signal signal : signals) {
            score += signal.weight();
            reasons.add(signal.reason());
            spans.addAll(signal.spans());
        }
        return Optional.of(new Finding(TrademarkDetector.ID, TrademarkDetector.VERSION, FindingKind.TRADEMARK,
                brand.id(), Math.min(1.0, score), reasons, List.copyOf(spans)));
    }

    /** The most telling mention: a disguise first, then a typo, then a plain mention. */
    private static Signal mention(Brand brand, List<BrandMention> mentions, TrademarkSettings s) {
        BrandMention best = mentions.get(0);
        for (BrandMention m : mentions) {
            if (rank(m.how()) > rank(best.how())) {
                best = m;
            }
        }
        List<EvidenceSpan> spans = new ArrayList<>();
        mentions.forEach(m -> {
            EvidenceSpan span = m.span();
            if (!spans.contains(span)) {
                spans.add(span);
            }
        });
        String shown = displayName(brand);
        EvidenceSpan at = best.span();
        double weight = s.mentionScore();
        String reason;
        if (best.how() == BrandMention.Obfuscation.NONE) {
            reason = "brand '" + shown + "' named in " + where(spans);
        } else {
            weight += best.how() == BrandMention.Obfuscation.MISSPELT ? s.typoBonus() : s.obfuscationBonus();
            reason = "brand '" + shown + "' written '" + at.text() + "' in " + fieldName(at.field()) + best.how().phrase;
        }
        return new Signal(reason, weight, spans);
    }

    private static int rank(BrandMention.Obfuscation how) {
        return switch (how) {
            case NONE -> 0;
            case MISSPELT -> 1;
            default -> 2;
        };
    }

    /** A product the brand covers ("túi xách" for Gucci), named apart from the brand name itself. */
    private static Optional<Signal> productTerm(Brand brand, ListingCues cues, List<EvidenceSpan> named,
                                                double weight) {
        for (String term : brand.productTerms()) {
            List<EvidenceSpan> spans = new ArrayList<>(cues.title().findWord(term, Fields.TITLE));
            spans.addAll(cues.description().findWord(term, Fields.DESCRIPTION));
            spans.removeIf(span -> named.stream().anyMatch(n -> ListingCues.overlap(n, span))
                    || !sameMarks(span.text(), term));
            if (!spans.isEmpty()) {
                return Optional.of(new Signal("product '" + term + "' covered by the mark named in " + where(spans),
                        weight, spans));
            }
        }
        return Optional.empty();
    }

    /** "tại Nghệ" is not "tai nghe": text written with Vietnamese marks must carry the term's marks. */
    private static boolean sameMarks(String written, String term) {
        boolean plain = written.chars().allMatch(c -> c < 0x80);
        return plain || java.text.Normalizer.normalize(written, java.text.Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                .equals(java.text.Normalizer.normalize(term, java.text.Normalizer.Form.NFC).toLowerCase(Locale.ROOT));
    }

    static String displayName(Brand brand) {
        return brand.names().isEmpty() ? brand.id() : brand.names().get(0);
    }

    /** "the title ("GUCCI")", or "the title ("GUCCI") and the description ("gucci")". */
    static String where(List<EvidenceSpan> spans) {
        List<String> parts = new ArrayList<>();
        Set<String> fields = new LinkedHashSet<>();
        spans.forEach(span -> fields.add(span.field()));
        for (String field : fields) {
            spans.stream().filter(span -> span.field().equals(field)).findFirst()
                    .ifPresent(first -> parts.add(fieldName(field) + " (\"" + first.text() + "\")"));
        }
        return String.join(" and ", parts);
    }

    static String fieldName(String field) {
        if (field.equals(Fields.BRAND)) {
            return "the stated brand";
        }
        if (field.startsWith(Fields.IMAGE_ALT)) {
            return "an image's alt text";
        }
        return "the " + field;
    }

    private static String quoted(List<String> phrases) {
        return "'" + String.join("', '", phrases) + "'";
    }
}

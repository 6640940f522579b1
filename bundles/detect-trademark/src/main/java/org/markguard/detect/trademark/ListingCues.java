package org.markguard.detect.trademark;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.markguard.api.EvidenceSpan;
import org.markguard.api.FoldedText;
import org.markguard.api.Listing;

/**
 * What the words around a brand say about a listing: counterfeit slang, whether it sells anything
 * (a review or news item does not), which classes of goods its title names, and whether a brand is
 * only named to say what an accessory fits. Computed only for listings that name a brand.
 */
final class ListingCues {
    private final TrademarkLexicon lexicon;
    private final FoldedText title;
    private final FoldedText description;
    final List<EvidenceSpan> slangSpans = new ArrayList<>();
    final List<String> slangPhrases = new ArrayList<>();
    final boolean strongSlang;
    final boolean newsCue;
    final boolean sellingWord;
    final boolean hasPrice;
    final Set<Integer> titleClasses = new HashSet<>();

    ListingCues(Listing listing, FoldedText title, FoldedText description, TrademarkLexicon lexicon) {
        this.lexicon = lexicon;
        this.title = title;
        this.description = description;
        boolean strong = false;
        for (String phrase : lexicon.allSlang()) {
            List<EvidenceSpan> spans = new ArrayList<>(title.findFoldedWord(phrase, Fields.TITLE));
            spans.addAll(description.findFoldedWord(phrase, Fields.DESCRIPTION));
            // "rep 1:1" and "1:1" overlap: the longer phrase, tried first, explains it
            spans.removeIf(span -> slangSpans.stream().anyMatch(seen -> overlap(seen, span)));
            if (!spans.isEmpty()) {
                slangSpans.addAll(spans);
                slangPhrases.add(spans.get(0).text());
                strong |= lexicon.slang().contains(phrase);
            }
        }
        strongSlang = strong;
        newsCue = anyWord(lexicon.newsCues());
        sellingWord = anyWord(lexicon.sellingWords());
        BigDecimal price = listing.price();
        hasPrice = price != null && price.signum() > 0;
        for (Map.Entry<String, Integer> term : lexicon.classTerms().entrySet()) {
            if (title.containsFoldedWord(term.getKey())) {
                titleClasses.add(term.getValue());
            }
        }
    }

    boolean slang() {
        return !slangSpans.isEmpty();
    }

    /**
     * A listing that offers nothing: no price and no selling word, or a review or news item (unless it
     * uses counterfeit slang and has a price, which is a sale dressed as a review).
     */
    boolean sellsNothing() {
        return (!hasPrice && !sellingWord) || (newsCue && !(slang() && hasPrice));
    }

    /** "ốp lưng dùng cho iPhone", "sạc cho Samsung", "tương thích AirPods": the brand says what it fits. */
    boolean describesCompatibility(BrandMention first, List<String> brandTerms) {
        String before = first.text().folded.folded().substring(0, first.foldedStart());
        int end = before.length();
        while (end > 0 && !Character.isLetterOrDigit(before.charAt(end - 1))) {
            end--;
        }
        String head = before.substring(0, end);
        for (String cue : lexicon.compatibilityCues()) {
            if (head.endsWith(cue) && (head.length() == cue.length()
                    || !Character.isLetterOrDigit(head.charAt(head.length() - cue.length() - 1)))) {
                return true;
            }
        }
        FoldedText words = first.text().folded;
        for (String accessory : lexicon.accessoryTerms()) {
            if (brandTerms.contains(accessory)) {
                continue; // a charger brand's own charger is its goods, not an accessory for it
            }
            for (EvidenceSpan span : words.findFoldedWord(accessory, "")) {
                if (span.start() < first.span().start()) {
                    return true;
                }
            }
        }
        return false;
    }

    FoldedText title() {
        return title;
    }

    FoldedText description() {
        return description;
    }

    private boolean anyWord(List<String> phrases) {
        for (String phrase : phrases) {
            if (title.containsFoldedWord(phrase) || description.containsFoldedWord(phrase)) {
                return true;
            }
        }
        return false;
    }

    static boolean overlap(EvidenceSpan a, EvidenceSpan b) {
        return a.field().equals(b.field()) && a.start() < b.end() && b.start() < a.end();
    }
}

package org.markguard.extract;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.tika.langdetect.optimaize.OptimaizeLangDetector;
import org.apache.tika.language.detect.LanguageDetector;
import org.apache.tika.language.detect.LanguageResult;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.markguard.api.FoldedText;

/**
 * The language of a listing's text, for {@code details.language}. Vietnamese, the language the
 * detectors care about, is told by the own rules first: letters only Vietnamese uses (ơ, ư, đ, ạ,
 * ả, ẫ …), or a share of very common syllables for text typed without diacritics; both are precise
 * and cost next to nothing; so is running English prose, evident from its function words. Any other
 * text takes the language its page declares ({@code <html lang>}), when it declares one: on the Zyte
 * benchmark's real pages, where the declaration is taken and Tika answers, they agree on 74 of 78
 * listings ({@code LanguagesRealDataTest}; three of the four are English product names on French and
 * Italian shops, one is Tika's mistake), and asking Tika costs some 100 µs a listing, a tenth of the
 * extraction. Only a page that declares nothing goes to Apache Tika's Optimaize detector (n-gram
 * profiles of 70 languages), whose answer counts when it is reasonably certain; otherwise English is
 * told by its common words, and anything else stays unknown (null) rather than guessed.
 */
final class Languages {
    /** Characters read: a title and the start of a description are enough, and the detector's cost grows with them. */
    static final int MAX_CHARS = 400;
    // the detector keeps the text it is given: one per thread; they share Tika's one set of profiles
    private static final ThreadLocal<LanguageDetector> DETECTOR =
            ThreadLocal.withInitial(() -> new OptimaizeLangDetector(MAX_CHARS).loadModels());
    private static final String VIETNAMESE_LETTERS = "ơưđĐƠƯạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợ"
            + "ụủứừửữựỳỵỷỹ";
    private static final Pattern NOT_LETTERS = Pattern.compile("[^a-z]+");
    private static final Set<String> VIETNAMESE_SYLLABLES = Set.of("ban", "gia", "hang", "chinh", "hieu", "cho",
            "cua", "va", "khong", "nhung", "mot", "nay", "duoc", "san", "pham", "moi", "nguoi", "dep", "re",
            "ship", "toan", "quoc", "chat", "luong", "tui", "xach", "ao", "quan", "giay", "nu", "nam", "trong",
            "voi", "thao", "co", "la", "cac", "nhieu", "thuong", "mua", "dung", "the", "tu", "den", "khach", "lien", "he");
    private static final Set<String> ENGLISH_WORDS = Set.of("the", "and", "for", "with", "of", "to", "in", "is",
            "on", "this", "your", "our", "new", "free", "shipping", "buy", "size", "color", "product", "from");

    private Languages() {
    }

    private static boolean isMark(char c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** An ISO 639-1 code ("vi", "en", "fr" …), or null when undecided; texts may be null. */
    static String detect(String... texts) {
        return judge(null, texts).language();
    }

    /** A language and whether it is the page's declaration rather than what its text shows. */
    record Verdict(String language, boolean declared) {
    }

    /**
     * The language of the texts, or the page's declared one (a code from {@link #declared}, may be
     * null) when the texts alone are not conclusive.
     */
    static Verdict judge(String declared, String... texts) {
        StringBuilder all = new StringBuilder();
        for (String text : texts) {
            if (text != null && all.length() < MAX_CHARS) {
                all.append(text, 0, Math.min(text.length(), MAX_CHARS - all.length())).append(' ');
            }
        }
        String text = all.toString();
        if (text.isBlank()) {
            return new Verdict(null, false);
        }
        Counts counts = Counts.of(text);
        if (counts.isVietnamese() || counts.isEvidentlyEnglish()) {
            return new Verdict(counts.verdict(), false); // conclusive already: the detector would cost more than the rest of the listing
        }
        if (declared != null) {
            return new Verdict(declared, true);
        }
        String detected = byTika(text);
        return new Verdict(detected != null ? detected : counts.verdict(), false);
    }

    /**
     * The primary language a page declares on its root element ({@code lang="en-GB"} → "en"), or
     * null when it declares none or something that is not a language code ("", "x-klingon", "und").
     */
    static String declared(Document doc) {
        if (doc.childrenSize() == 0) {
            return null;
        }
        Element root = doc.child(0);
        String lang = root.hasAttr("lang") ? root.attr("lang") : root.attr("xml:lang");
        int end = 0;
        while (end < lang.length() && end < 4 && isAsciiLetter(lang.charAt(end))) {
            end++;
        }
        boolean whole = end == lang.length() || lang.charAt(end) == '-' || lang.charAt(end) == '_';
        if (end < 2 || end > 3 || !whole) {
            return null;
        }
        String code = lang.substring(0, end).toLowerCase(Locale.ROOT);
        return code.equals("und") || code.equals("mul") || code.equals("zxx") ? null : code;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** Tika's answer when it is reasonably certain, as a bare language code ("zh-CN" → "zh"). */
    static String byTika(String text) {
        LanguageResult result = DETECTOR.get().detect(text);
        if (result.isUnknown() || !result.isReasonablyCertain()) {
            return null;
        }
        String language = result.getLanguage();
        int region = language.indexOf('-');
        return region > 0 ? language.substring(0, region) : language;
    }

    /** "vi", "en" or null by the letters and common words alone. */
    static String byOwnRules(String text) {
        return Counts.of(text).verdict();
    }

    /** What the own rules count in a text: Vietnamese-only letters, common Vietnamese and English words. */
    record Counts(int marks, int syllables, int english, int total) {
        static Counts of(String text) {
            int marks = 0;
            boolean asciiLetters = true;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                asciiLetters &= c < 0x80 || !Character.isLetter(c) && !isMark(c);
                if (c >= '\u0100' && marks < 3 && VIETNAMESE_LETTERS.indexOf(c) >= 0) { // all above Latin-1
                    marks++;
                }
            }
            // the words are runs of a-z: when every letter is ASCII, folding them only lower-cases them
            // (the full folding decomposes every character, and costs ten times more)
            String[] words = NOT_LETTERS.split(asciiLetters ? PageScan.lower(text) : FoldedText.fold(text));
            int vietnamese = 0;
            int english = 0;
            int total = 0;
            for (String word : words) {
                if (word.isEmpty()) {
                    continue;
                }
                total++;
                vietnamese += VIETNAMESE_SYLLABLES.contains(word) ? 1 : 0;
                english += ENGLISH_WORDS.contains(word.toLowerCase(Locale.ROOT)) ? 1 : 0;
            }
            return new Counts(marks, vietnamese, english, total);
        }

        boolean isVietnamese() {
            return marks >= 2 || marks == 1 && (total <= 3 || syllables >= 1)
                    || total > 0 && syllables >= 2 && syllables * 4 >= total && syllables > english;
        }

        /**
         * Three words or more, a sixth of them English function words, no Vietnamese-only letter:
         * the English rule, which the detector agrees with wherever it applies on the Zyte pages
         * ({@code LanguagesRealDataTest}); asking the detector as well would cost some 50 µs a text.
         */
        boolean isEvidentlyEnglish() {
            return marks == 0 && total >= 3 && english * 6 >= total && english > syllables;
        }

        String verdict() {
            return isVietnamese() ? "vi" : total >= 3 && english * 6 >= total ? "en" : null;
        }
    }
}

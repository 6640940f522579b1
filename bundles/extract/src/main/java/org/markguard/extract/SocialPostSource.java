package org.markguard.extract;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.markguard.api.FoldedText;

/**
 * Free-text posts of social platforms (a Facebook or Zalo group): no structured data, the offer
 * is in the words ("Bán túi Gucci, giá 350k, ship toàn quốc"). A post is an offer only if it names a
 * price or uses selling words; then its first line is the title, the price comes from the text and
 * the seller from the author link. Anything else (a question, a review) is no listing.
 */
final class SocialPostSource {
    static final Set<String> SOCIAL_PLATFORMS = Set.of("facebook", "zalo");
    private static final int MAX_TEXT = 20_000;
    // the post's own text, most specific first (an article also holds the author and the actions)
    private static final String[] POST_BODY = {"[class*=post-content]", "[class*=post-body]", "[class*=post-text]",
        "[class*=post-message]", "[data-ad-preview=message]", "[class*=userContent]", "article"};
    // amounts as posts write them: "350k", "1tr2", "1.250.000đ", "350.000 VND", "2 triệu"
    private static final Pattern PRICE_IN_TEXT = Pattern.compile("(?<![\\p{L}\\d])(?:\\d+(?:[.,]\\d+)?\\s*"
            + "(?:triệu|trieu|tr)(?![\\p{L}])\\s*\\d{0,3}|\\d+(?:[.,]\\d+)?\\s*(?:k|nghìn|ngàn|nghin|ngan)(?![\\p{L}])"
            + "|\\d{1,3}(?:[.,]\\d{3})+\\s*(?:đ|₫|vnđ|vnd|d)?(?![\\p{L}])|\\d+\\s*(?:đ|₫|vnđ|vnd)(?![\\p{L}]))",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    // selling words, diacritics as written ("bán", not "bạn"); without diacritics only if the post has none
    private static final Pattern SELLING = Pattern.compile("(?<![\\p{L}])(?:bán|giá|inbox|ib|ship|order|"
            + "pass|thanh lý|sale|chốt)(?![\\p{L}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SELLING_FOLDED = Pattern.compile("\\b(?:ban|gia|inbox|ib|ship|order|pass|"
            + "thanh ly|sale|chot)\\b");
    // where the goods are: "ship từ HN", "Hàng có sẵn tại Đà Nẵng", "Cần Thơ, ship toàn quốc"
    private static final Pattern PLACE = Pattern.compile("(?:ship từ|gửi từ|có sẵn tại|khu vực|địa chỉ:?)\\s+"
            + "([^,.;!\\n]{2,40})|(?m)^([^,.;!\\n]{2,30}), ship toàn quốc", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern AUTHOR_PROFILE = Pattern.compile("/profile/([^/?#]+)");

    private SocialPostSource() {
    }

    static boolean appliesTo(String platform) {
        return platform != null && SOCIAL_PLATFORMS.contains(platform.toLowerCase(Locale.ROOT));
    }

    static ProductFields read(Document doc) {
        ProductFields fields = new ProductFields(FieldSource.TEXT);
        Element post = null;
        for (String selector : POST_BODY) {
            if (post == null && doc.select(selector).size() > 1) {
                return fields; // a feed or group page: many posts, each with its own page, none is this page's offer
            }
            post = post == null ? doc.selectFirst(selector) : post;
        }
        if (post == null) {
            if (!doc.select("a[href*=/posts/], a[href*=/permalink/], a[href*=story_fbid]").isEmpty()) {
                return fields; // no post body but links to posts: a group or feed page, not an offer
            }
            post = doc.body();
        }
        if (post == null) {
            return fields;
        }
        String text = lines(post);
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
        }
        Optional<PriceParser.Price> price = priceIn(text);
        if (price.isEmpty() && (!readsAsOffer(text) || readsAsNotAnOffer(text))) {
            return fields;
        }
        fields.product = true;
        price.ifPresent(fields::offer);
        if (fields.currency == null && fields.price != null) {
            fields.currency = "VND"; // amounts in Vietnamese posts without a symbol are đồng
        }
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                fields.title(line);
                break;
            }
        }
        fields.description(text);
        Matcher place = PLACE.matcher(text);
        if (place.find()) {
            fields.sellerLocation(place.group(1) != null ? place.group(1) : place.group(2));
        }
        for (Element img : doc.select("[class*=post-images] img[alt], article img[alt]")) {
            fields.imageAlt(img.attr("alt"));
            fields.image(img.absUrl("src"));
        }
        Element author = doc.selectFirst("a.post-author[href], [class*=post-author] a[href], a[rel=author][href]");
        if (author != null) {
            fields.sellerName(author.text());
            Matcher id = AUTHOR_PROFILE.matcher(author.attr("href"));
            fields.sellerId(id.find() ? id.group(1) : author.absUrl("href"));
        }
        return fields;
    }

    /** The first amount of the text that parses as a price. */
    static Optional<PriceParser.Price> priceIn(String text) {
        Matcher m = PRICE_IN_TEXT.matcher(text);
        int tried = 0;
        while (m.find() && tried++ < 50) {
            String token = m.group().strip();
            // a bare "2024" or "3" is a year or a count; shorthand, a symbol or grouping makes it a price
            if (token.matches("\\d+")) {
                continue;
            }
            Optional<PriceParser.Price> price = PriceParser.parse(token, null);
            if (price.isPresent() && price.get().amount().compareTo(java.math.BigDecimal.valueOf(1_000)) >= 0) {
                return Optional.of(new PriceParser.Price(price.get().amount(), "VND"));
            }
        }
        return Optional.empty();
    }

    /** Warnings, news, reviews and questions talk about selling ("shop bán hàng giả") without offering anything. */
    private static final Pattern NOT_OFFER_CUES = Pattern.compile("\\b(?:canh bao|canh giac|can than|tin tuc|review|"
            + "danh gia|kinh nghiem|chia se|cho minh hoi|minh hoi|hoi ve|ai biet|co ai|phot|boc phot)\\b");

    static boolean readsAsNotAnOffer(String text) {
        String firstLines = text.length() > 200 ? text.substring(0, 200) : text;
        return NOT_OFFER_CUES.matcher(FoldedText.fold(firstLines)).find() || firstLines.strip().split("\n")[0].endsWith("?");
    }

    static boolean readsAsOffer(String text) {
        if (SELLING.matcher(text).find()) {
            return true;
        }
        boolean hasDiacritics = !FoldedText.fold(text).equals(text.toLowerCase(Locale.ROOT));
        return !hasDiacritics && SELLING_FOLDED.matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    /** The element's text with line breaks where the post has them (br and block elements). */
    private static String lines(Element element) {
        StringBuilder out = new StringBuilder();
        appendLines(element, out, 0);
        StringBuilder text = new StringBuilder();
        for (String line : out.toString().split("\n")) {
            String clean = Text.clean(line); // NFC, spaces collapsed
            if (clean != null) {
                text.append(text.length() == 0 ? "" : "\n").append(clean);
            }
        }
        return text.toString();
    }

    private static void appendLines(Node node, StringBuilder out, int depth) {
        if (depth > 100 || out.length() > MAX_TEXT) {
            return;
        }
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode t) {
                out.append(t.getWholeText());
            } else if (child instanceof Element e) {
                if (e.normalName().equals("br")) {
                    out.append('\n');
                    continue;
                }
                if (e.normalName().equals("script") || e.normalName().equals("style")) {
                    continue;
                }
                boolean block = e.isBlock();
                if (block) {
                    out.append('\n');
                }
                appendLines(e, out, depth + 1);
                if (block) {
                    out.append('\n');
                }
            }
        }
    }
}

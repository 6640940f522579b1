package org.markguard.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.markguard.api.FoldedText;

/** The detector hard cases are present in the default site, written as labelled. */
class HardCasesTest {
    private final DemoSite site = TestSites.site(42, 1000);

    @Test
    void everyObfuscationKindOccursAndLooksLikeItsName() {
        Set<String> kinds = new HashSet<>();
        for (int i = 0; i < site.generator().count(); i++) {
            DemoListing l = site.generator().listing(i);
            String kind = l.hard().obfuscation();
            kinds.add(kind);
            String title = Normalizer.normalize(l.title(), Normalizer.Form.NFC);
            switch (kind) {
                case "confusable" -> assertTrue(title.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                        == Character.UnicodeScript.CYRILLIC || Character.UnicodeScript.of(c) == Character.UnicodeScript.GREEK), title);
                case "leet" -> assertTrue(title.matches(".*[A-Za-z][0-9].*|.*[0-9][A-Za-z].*"), title);
                case "dotted" -> assertTrue(title.matches(".*\\b\\p{L}(\\.\\p{L}){2,}.*"), title);
                case "spaced" -> assertTrue(title.matches(".*\\b\\p{L}( \\p{L}){2,}\\b.*"), title);
                case "alt-text" -> {
                    assertFalse(l.platform().equals("tiktok"));
                    Document doc = Jsoup.parse(TestSites.html(site, site.listingPath(l)));
                    assertTrue(doc.select("img[alt]").stream().anyMatch(img -> img.attr("alt").contains(l.hard().imageAlt())));
                }
                default -> {
                }
            }
            if (!kind.equals("none")) {
                assertEquals(LabelCategory.COUNTERFEIT, l.category() == LabelCategory.HOSTILE ? LabelCategory.COUNTERFEIT : l.category());
            }
        }
        assertEquals(Set.of("none", "spaced", "dotted", "confusable", "leet", "typo", "alt-text"), kinds);
    }

    @Test
    void hardNegativesQualifiersOcopClaimsAndPlaceSpellingsAreThere() throws Exception {
        Set<String> qualifiers = new HashSet<>();
        Set<String> producerPlaces = new HashSet<>();
        int ocop = 0;
        boolean fruit = false;
        boolean compatible = false;
        for (JsonNode l : TestSites.listings(site)) {
            String title = Normalizer.normalize(l.path("title").asText(), Normalizer.Form.NFC);
            String folded = FoldedText.fold(title);
            if (l.has("giQualifier")) {
                assertEquals("GI_MISUSE", l.path("category").asText());
                assertTrue(folded.contains(FoldedText.fold(l.path("giQualifier").asText())), title);
                qualifiers.add(l.path("giQualifier").asText());
            }
            if (l.has("ocopClaim")) {
                int stars = l.path("ocopClaim").path("stars").asInt();
                assertTrue(stars >= 3 && stars <= 5);
                DemoListing listing = site.generator().listing(indexOf(l));
                assertTrue(FoldedText.fold(listing.title() + " " + listing.description()).contains("ocop " + stars + " sao"));
                ocop++;
            }
            if (l.path("category").asText().equals("HARD_NEGATIVE")) {
                assertEquals(0, l.path("expected").size());
                fruit |= folded.startsWith("tao ") && folded.contains("apple");
                compatible |= folded.contains("tuong thich") || folded.contains("dung cho");
            }
            if (l.path("category").asText().equals("GI_GENUINE")) {
                producerPlaces.add(l.path("seller").path("location").asText());
                assertFalse(l.path("seller").path("province").isNull());
            }
            assertTrue(l.path("offer").isBoolean());
        }
        assertTrue(qualifiers.containsAll(Set.of("kiểu", "chuẩn vị", "công thức", "style")), qualifiers.toString());
        assertTrue(ocop > 20, "ocop claims: " + ocop);
        assertTrue(fruit && compatible);
        assertTrue(producerPlaces.stream().anyMatch(p -> p.contains(", ")), "locality, province");
        assertTrue(producerPlaces.stream().anyMatch(p -> !p.contains(", ")), "a single place name");
    }

    @Test
    void sellersWriteTheBigCitiesSeveralWays() throws Exception {
        Set<String> hcm = new HashSet<>();
        for (JsonNode l : TestSites.listings(TestSites.site(42, 3000))) {
            if (l.path("seller").path("province").asText().equals("TP. Hồ Chí Minh")) {
                hcm.add(l.path("seller").path("location").asText());
            }
        }
        assertTrue(hcm.containsAll(Set.of("TP. Hồ Chí Minh", "TP.HCM", "HCM", "Sài Gòn")), hcm.toString());
    }

    private static int indexOf(JsonNode label) {
        String url = label.path("url").asText();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{11,15})(\\.html)?$").matcher(url);
        assertTrue(m.find(), url);
        return (int) ((Long.parseLong(m.group(1)) - ListingGenerator.ITEM_BASE) / ListingGenerator.ITEM_STRIDE);
    }
}

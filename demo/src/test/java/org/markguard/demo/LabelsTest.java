package org.markguard.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.text.Normalizer;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.markguard.api.Brand;
import org.markguard.api.FoldedText;
import org.markguard.api.Indication;
import org.markguard.api.Listing;

/** The labels against the registries in {@code config/registry}, read independently of the generator. */
class LabelsTest {
    private static final Map<String, JsonNode> BRANDS = new HashMap<>();
    private static final Map<String, JsonNode> INDICATIONS = new HashMap<>();

    @BeforeAll
    static void readRegistries() throws Exception {
        for (JsonNode b : SafeJson.MAPPER.readTree(new File("../config/registry/brands.json")).path("brands")) {
            BRANDS.put(b.path("id").asText(), b);
        }
        for (JsonNode g : SafeJson.MAPPER.readTree(new File("../config/registry/gis.json")).path("indications")) {
            INDICATIONS.put(g.path("id").asText(), g);
        }
        assertFalse(BRANDS.isEmpty());
        assertFalse(INDICATIONS.isEmpty());
    }

    @Test
    void everySubjectExistsInTheRegistriesWithItsKind() throws Exception {
        for (long seed : new long[] {42, 1, 2024}) {
            for (JsonNode l : TestSites.listings(TestSites.site(seed, 1500))) {
                for (JsonNode e : l.path("expected")) {
                    String subject = e.path("subject").asText();
                    String kind = e.path("kind").asText();
                    if (kind.equals("TRADEMARK")) {
                        assertTrue(BRANDS.containsKey(subject), subject);
                    } else {
                        assertTrue(INDICATIONS.containsKey(subject), subject);
                        assertEquals(INDICATIONS.get(subject).path("kind").asText(), kind, subject);
                    }
                }
            }
        }
    }

    @Test
    void idsAreTheSha256OfTheUrlAndUnique() throws Exception {
        Set<String> ids = new HashSet<>();
        for (JsonNode l : TestSites.listings(TestSites.site(42, 1000))) {
            String url = l.path("url").asText();
            assertTrue(url.startsWith(TestSites.BASE), url);
            assertEquals(Listing.idFor(url), l.path("id").asText());
            assertTrue(l.path("id").asText().matches("[0-9a-f]{64}"));
            assertTrue(ids.add(l.path("id").asText()), "duplicate " + url);
        }
        assertEquals(1000, ids.size());
    }

    @Test
    void labelsAgreeWithTheirCategory() throws Exception {
        DemoSite site = TestSites.site(42, 3000);
        IndicationMatcher matcher = new IndicationMatcher(RegistryLoader.bundled().indications());
        Map<LabelCategory, Integer> seen = new EnumMap<>(LabelCategory.class);
        for (int i = 0; i < site.generator().count(); i++) {
            DemoListing l = site.generator().listing(i);
            seen.merge(l.category(), 1, Integer::sum);
            String text = l.title() + "\n" + l.description();
            String sellerId = l.seller().id();
            switch (l.category()) {
                case COUNTERFEIT -> {
                    assertEquals(1, l.expected().size(), text);
                    JsonNode brand = BRANDS.get(l.expected().get(0).subject());
                    assertFalse(officialSellers(brand).contains(sellerId), text);
                    assertTrue(sellerId.matches("shop-[a-z0-9]{6}"), sellerId);
                    assertTrue(l.price() < brand.path("referencePrice").path("min").asLong() / 2, text + " " + l.price());
                    String obfuscation = l.hard().obfuscation();
                    if (obfuscation.equals("none")) {
                        assertTrue(namesAppear(brand, text), text);
                    } else {
                        // disguised: no registry name in plain letters, so plain matching misses it
                        assertFalse(namesAppear(brand, text), obfuscation + ": " + text);
                        assertTrue(BrandObfuscation.KINDS.contains(obfuscation), obfuscation);
                    }
                    if (obfuscation.equals("alt-text")) {
                        assertTrue(namesAppear(brand, l.hard().imageAlt()), l.hard().imageAlt());
                    }
                }
                case GENUINE -> {
                    assertTrue(l.expected().isEmpty(), text);
                    JsonNode brand = BRANDS.values().stream().filter(b -> officialSellers(b).contains(sellerId))
                            .findFirst().orElseThrow(() -> new AssertionError("not official: " + sellerId));
                    assertTrue(l.price() >= brand.path("referencePrice").path("min").asLong(), text);
                }
                case GI_MISUSE -> {
                    assertFalse(l.expected().isEmpty(), text);
                    // every expected indication is named in the title, not just hit by chance in the description
                    for (Expectation e : l.expected()) {
                        assertTrue(namesAppear(INDICATIONS.get(e.subject()), l.title()), l.title() + " " + e);
                    }
                }
                case GI_GENUINE, HARD_NEGATIVE -> assertTrue(l.expected().isEmpty(), text + " " + l.expected());
                case PLAIN -> {
                    assertTrue(l.expected().isEmpty(), text);
                    assertTrue(matcher.invokedBy(text).isEmpty(), text);
                    assertTrue(BRANDS.values().stream().noneMatch(b -> namesAppear(b, text)), text);
                }
                case HOSTILE -> assertTrue(text.contains("<script>alert(1)</script>") && text.contains("javascript:"));
                case NOT_OFFER -> {
                    assertTrue(l.expected().isEmpty(), text);
                    assertFalse(l.offer());
                    assertEquals("facebook", l.platform());
                    assertEquals(null, l.publishedPrice());
                }
                default -> throw new AssertionError(l.category());
            }
            assertEquals(l.category() != LabelCategory.NOT_OFFER, l.offer());
            if (l.category() == LabelCategory.HARD_NEGATIVE) {
                // a place name may appear, but never together with the goods it protects
                assertTrue(matcher.invokedBy(text).isEmpty(), text);
            }
        }
        for (LabelCategory c : LabelCategory.values()) {
            assertTrue(seen.getOrDefault(c, 0) > 0, "no listing of category " + c);
        }
    }

    @Test
    void indicationMisuseSellersAreOutsideAndGenuineProducersInsideTheRegion() throws Exception {
        DemoSite site = TestSites.site(5, 2000);
        List<Indication> indications = RegistryLoader.bundled().indications();
        IndicationMatcher matcher = new IndicationMatcher(indications);
        for (int i = 0; i < site.generator().count(); i++) {
            DemoListing l = site.generator().listing(i);
            String text = l.title() + "\n" + l.description();
            if (l.category() == LabelCategory.GI_MISUSE) {
                for (Expectation e : l.expected()) {
                    Indication ind = indications.stream().filter(x -> x.id().equals(e.subject())).findFirst().orElseThrow();
                    assertFalse(matcher.inRegion(ind, l.seller().province()), text + " @ " + l.seller().location());
                }
            } else if (l.category() == LabelCategory.GI_GENUINE) {
                List<Indication> invoked = matcher.invokedBy(text);
                assertFalse(invoked.isEmpty(), text);
                assertTrue(invoked.stream().allMatch(ind -> matcher.inRegion(ind, l.seller().province())), text);
            }
        }
    }

    @Test
    void textComesWithDiacriticsWithoutThemAndDecomposed() {
        DemoSite site = TestSites.site(42, 600);
        int nfd = 0;
        int stripped = 0;
        for (int i = 0; i < site.generator().count(); i++) {
            String title = site.generator().listing(i).title();
            String nfc = Normalizer.normalize(title, Normalizer.Form.NFC);
            if (!nfc.equals(title)) {
                nfd++;
            } else if (title.chars().allMatch(c -> c < 128)) {
                stripped++;
            }
        }
        assertTrue(nfd > 20, "NFD titles: " + nfd);
        assertTrue(stripped > 20, "ASCII titles: " + stripped);
    }

    @Test
    void theBundledRegistriesAreTheConfigOnes() throws Exception {
        List<Brand> brands = RegistryLoader.bundled().brands();
        assertEquals(BRANDS.keySet(), new HashSet<>(brands.stream().map(Brand::id).toList()));
        assertEquals(INDICATIONS.keySet(),
                new HashSet<>(RegistryLoader.bundled().indications().stream().map(Indication::id).toList()));
    }

    private static List<String> officialSellers(JsonNode brand) {
        return SafeJson.MAPPER.convertValue(brand.path("officialSellers"),
                SafeJson.MAPPER.getTypeFactory().constructCollectionType(List.class, String.class));
    }

    private static boolean namesAppear(JsonNode brand, String text) {
        FoldedText folded = FoldedText.of(text);
        for (JsonNode name : brand.path("names")) {
            if (folded.containsWord(name.asText())) {
                return true;
            }
        }
        return false;
    }
}

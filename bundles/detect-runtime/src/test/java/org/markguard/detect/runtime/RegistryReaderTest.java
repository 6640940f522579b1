package org.markguard.detect.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.markguard.api.Brand;
import org.markguard.api.FindingKind;
import org.markguard.api.Indication;
import org.markguard.api.RegistryException;

class RegistryReaderTest {
    static final Path DEFAULTS = Path.of("../../config/registry");
    private static final ObjectMapper JSON = new ObjectMapper();

    static byte[] defaultFile(String name) throws Exception {
        return Files.readAllBytes(DEFAULTS.resolve(name));
    }

    @Test
    void defaultBrandsLoad() throws Exception {
        List<Brand> brands = RegistryReader.brands(defaultFile("brands.json"));
        assertEquals(12, brands.size());
        Brand gucci = brands.get(0);
        assertEquals("gucci", gucci.id());
        assertEquals(List.of("Gucci"), gucci.names());
        assertEquals(List.of(18, 25, 14), gucci.niceClasses());
        assertEquals(new BigDecimal("9000000"), gucci.referencePrice().min().stripTrailingZeros().setScale(0));
        assertEquals("VND", gucci.referencePrice().currency());
        assertEquals(List.of("gucci-official", "gucci.vn"), gucci.officialSellers());
    }

    @Test
    void defaultIndicationsLoadAndKeepTheFormerProvinceAsALocality() throws Exception {
        List<Indication> indications = RegistryReader.indications(defaultFile("gis.json"));
        assertEquals(40, indications.size());
        Indication phuQuoc = indications.get(0);
        assertEquals("phu-quoc-fish-sauce", phuQuoc.id());
        assertEquals(FindingKind.GEOGRAPHICAL_INDICATION, phuQuoc.kind());
        assertEquals("An Giang", phuQuoc.region().province());
        assertEquals(List.of("Phú Quốc", "Kiên Giang"), phuQuoc.region().localities());
        Indication coffee = indications.stream().filter(i -> i.id().equals("buon-ma-thuot-coffee")).findFirst()
                .orElseThrow();
        assertTrue(coffee.region().localities().stream().noneMatch("Đắk Lắk"::equals),
                "a former province equal to the province is not repeated");
        assertTrue(indications.stream().anyMatch(i -> i.kind() == FindingKind.CERTIFICATION_MARK));
    }

    static Stream<Arguments> invalidBrands() {
        return Stream.of(
                raw("{\n  \"brands\": [\n    {\n      \"id\" \"gucci\"\n", "not valid JSON at line 4, column"),
                raw("", "the document is empty"),
                raw("   ", "the document is empty"),
                raw("[]", "must be an object with the key brands"),
                raw("{}", "brands: is required"),
                raw("{\"brands\": [], \"brand\": []}", "brand: unknown key (allowed: brands, note)"),
                raw("{\"brands\": {}}", "brands: must be a list of brand objects"),
                raw("{\"brands\": [], \"brands\": []}", "Duplicate field 'brands'"),
                raw("{\"brands\": []} trailing", "not valid JSON"),
                raw("{\"brands\": [42]}", "brands[0]: must be an object with the keys id"),
                edit(b -> b.putArray("names"), "brands[3].names: must be a non-empty list of strings"),
                edit(b -> b.put("names", "Nike"), "brands[3].names: must be a non-empty list of strings"),
                edit(b -> b.putArray("names").add(" "), "brands[3].names[0]: must be a non-blank string"),
                edit(b -> b.put("id", "Nike"), "brands[3].id: must be a non-empty string of a-z, 0-9 and '-'"),
                edit(b -> b.put("id", ""), "brands[3].id: must be a non-empty string"),
                edit(b -> b.put("id", "gucci"), "brands[3].id: duplicate id 'gucci' (already used by brands[0])"),
                edit(b -> b.remove("id"), "brands[3].id: is required"),
                edit(b -> b.remove("officialSellers"), "brands[3].officialSellers: is required"),
                edit(b -> b.putArray("officialSellers").add(7), "brands[3].officialSellers[0]: must be a non-blank"),
                edit(b -> b.put("productTerms", "giày"), "brands[3].productTerms: must be a list of strings"),
                edit(b -> b.putArray("niceClasses").add(46), "brands[3].niceClasses[0]: must be an integer from 1 to 45"),
                edit(b -> b.putArray("niceClasses").add(25.5), "brands[3].niceClasses[0]: must be an integer"),
                edit(b -> b.putArray("niceClasses").add("25"), "brands[3].niceClasses[0]: must be an integer"),
                edit(b -> b.put("owner", 5), "brands[3].owner: must be a string"),
                edit(b -> b.put("colour", "red"), "brands[3].colour: unknown key"),
                edit(b -> b.put("referencePrice", 100), "brands[3].referencePrice: must be an object"),
                edit(b -> b.with("referencePrice").put("min", -1), "brands[3].referencePrice.min: must be a number ≥ 0"),
                edit(b -> b.with("referencePrice").put("min", "cheap"), "brands[3].referencePrice.min: must be a number"),
                edit(b -> b.with("referencePrice").remove("min"), "brands[3].referencePrice.min: is required"),
                edit(b -> b.with("referencePrice").put("currency", "dong"),
                        "brands[3].referencePrice.currency: must be a 3-letter currency code"),
                edit(b -> b.with("referencePrice").put("max", 1), "brands[3].referencePrice.max: unknown key"));
    }

    @ParameterizedTest
    @MethodSource("invalidBrands")
    void invalidBrandsAreRejectedWithThePathAndTheProblem(byte[] json, String expected) {
        RegistryException e = assertThrows(RegistryException.class, () -> RegistryReader.brands(json));
        assertTrue(e.getMessage().contains(expected), () -> "expected '" + expected + "' in: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("brands.json rejected"), e.getMessage());
    }

    static Stream<Arguments> invalidIndications() {
        return Stream.of(
                gi(i -> i.put("kind", "GI"), "indications[0].kind: must be one of GEOGRAPHICAL_INDICATION, "
                        + "COLLECTIVE_MARK, CERTIFICATION_MARK, got 'GI'"),
                gi(i -> i.put("kind", "TRADEMARK"), "indications[0].kind: must be one of"),
                gi(i -> i.putArray("productTerms"), "indications[0].productTerms: must be a non-empty list"),
                gi(i -> i.remove("region"), "indications[0].region: is required"),
                gi(i -> i.with("region").remove("province"), "indications[0].region.province: is required"),
                gi(i -> i.with("region").put("province", ""), "indications[0].region.province: must be a non-blank"),
                gi(i -> i.with("region").put("localities", "Phú Quốc"),
                        "indications[0].region.localities: must be a list of strings"),
                gi(i -> i.with("region").put("country", "VN"), "indications[0].region.country: unknown key"),
                gi(i -> i.with("region").put("formerProvince", 1), "indications[0].region.formerProvince: must be a string"),
                gi(i -> i.put("registration", List.of().size()), "indications[0].registration: must be a string"),
                gi(i -> i.put("producers", "x"), "indications[0].producers: unknown key"),
                gi(i -> i.put("note", 3), "indications[0].note: must be a string"));
    }

    @ParameterizedTest
    @MethodSource("invalidIndications")
    void invalidIndicationsAreRejectedWithThePathAndTheProblem(byte[] json, String expected) {
        RegistryException e = assertThrows(RegistryException.class, () -> RegistryReader.indications(json));
        assertTrue(e.getMessage().contains(expected), () -> "expected '" + expected + "' in: " + e.getMessage());
    }

    @Test
    void allProblemsOfADocumentAreReportedTogetherUpToTwenty() throws Exception {
        ObjectNode tree = (ObjectNode) JSON.readTree(defaultFile("brands.json"));
        tree.withArray("brands").forEach(b -> ((ObjectNode) b).put("id", "BAD").putArray("names"));
        RegistryException e = assertThrows(RegistryException.class,
                () -> RegistryReader.brands(JSON.writeValueAsBytes(tree)));
        assertTrue(e.getMessage().contains("24 problems"), e.getMessage());
        assertTrue(e.getMessage().contains("brands[0].id") && e.getMessage().contains("brands[0].names"));
        assertTrue(e.getMessage().endsWith("… and 4 more"), e.getMessage());
    }

    private static Arguments raw(String json, String expected) {
        return Arguments.of(json.getBytes(StandardCharsets.UTF_8), expected);
    }

    /** The default brands.json with brands[3] (nike) changed. */
    private static Arguments edit(Consumer<ObjectNode> change, String expected) {
        return mutate("brands.json", "brands", 3, change, expected);
    }

    /** The default gis.json with indications[0] (Phú Quốc) changed. */
    private static Arguments gi(Consumer<ObjectNode> change, String expected) {
        return mutate("gis.json", "indications", 0, change, expected);
    }

    private static Arguments mutate(String file, String list, int index, Consumer<ObjectNode> change,
                                    String expected) {
        try {
            ObjectNode tree = (ObjectNode) JSON.readTree(defaultFile(file));
            change.accept((ObjectNode) tree.withArray(list).get(index));
            return Arguments.of(JSON.writeValueAsBytes(tree), expected);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

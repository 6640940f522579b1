package org.markguard.detect.runtime;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.markguard.api.Brand;
import org.markguard.api.FindingKind;
import org.markguard.api.FoldedText;
import org.markguard.api.Indication;
import org.markguard.api.RegistryException;

/**
 * Parses and strictly validates {@code brands.json} and {@code gis.json}. Nothing is returned unless the
 * whole document is valid; otherwise one {@link RegistryException} lists every problem (up to
 * {@value Problems#LIMIT}) with its path, e.g. {@code brands[3].names: must be a non-empty list of strings}.
 * Unknown keys are rejected so that a typo ("officialSeller") does not silently drop data.
 */
final class RegistryReader {
    static final String BRANDS_FILE = "brands.json";
    static final String INDICATIONS_FILE = "gis.json";

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Set<String> TOP_OPTIONAL = Set.of("note");
    private static final Set<String> BRAND_REQUIRED =
            ordered("id", "names", "productTerms", "officialSellers", "niceClasses");
    private static final Set<String> BRAND_OPTIONAL = ordered("owner", "referencePrice", "note");
    private static final Set<String> PRICE_KEYS = ordered("min", "currency");
    private static final Set<String> INDICATION_REQUIRED =
            ordered("id", "kind", "names", "productTerms", "region", "authorizedProducers");
    private static final Set<String> INDICATION_OPTIONAL = ordered("registration", "note");
    private static final Set<String> REGION_REQUIRED = ordered("province", "localities");
    private static final Set<String> REGION_OPTIONAL = ordered("formerProvince");
    private static final List<FindingKind> INDICATION_KINDS = List.of(FindingKind.GEOGRAPHICAL_INDICATION,
            FindingKind.COLLECTIVE_MARK, FindingKind.CERTIFICATION_MARK);

    // duplicate keys would otherwise silently keep the last value; trailing garbage would be ignored
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private RegistryReader() {
    }

    static List<Brand> brands(byte[] json) throws RegistryException {
        Problems problems = new Problems();
        JsonFields top = new JsonFields(parse(json, BRANDS_FILE), "", problems, Set.of("brands"), TOP_OPTIONAL);
        top.string("note", false);
        List<Brand> brands = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        JsonNode entries = top.get("brands");
        if (entries != null && !entries.isArray()) {
            problems.add("brands", "must be a list of brand objects, got " + JsonFields.shown(entries));
        } else if (entries != null) {
            for (int i = 0; i < entries.size(); i++) {
                Brand brand = brand(new JsonFields(entries.get(i), "brands[" + i + "]", problems, BRAND_REQUIRED,
                        BRAND_OPTIONAL), i, seen, problems);
                brands.add(brand);
            }
        }
        if (!problems.isEmpty()) {
            throw problems.toException(BRANDS_FILE);
        }
        return brands;
    }

    static List<Indication> indications(byte[] json) throws RegistryException {
        Problems problems = new Problems();
        JsonFields top = new JsonFields(parse(json, INDICATIONS_FILE), "", problems, Set.of("indications"),
                TOP_OPTIONAL);
        top.string("note", false);
        List<Indication> indications = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        JsonNode entries = top.get("indications");
        if (entries != null && !entries.isArray()) {
            problems.add("indications", "must be a list of indication objects, got " + JsonFields.shown(entries));
        } else if (entries != null) {
            for (int i = 0; i < entries.size(); i++) {
                indications.add(indication(new JsonFields(entries.get(i), "indications[" + i + "]", problems,
                        INDICATION_REQUIRED, INDICATION_OPTIONAL), i, seen, problems));
            }
        }
        if (!problems.isEmpty()) {
            throw problems.toException(INDICATIONS_FILE);
        }
        return indications;
    }

    private static Brand brand(JsonFields entry, int index, Map<String, Integer> seen, Problems problems) {
        String id = uniqueId(entry, "brands", index, seen, problems);
        List<String> names = entry.strings("names", true);
        String owner = entry.string("owner", false);
        List<Integer> niceClasses = entry.integers("niceClasses", 1, 45);
        List<String> productTerms = entry.strings("productTerms", false);
        List<String> officialSellers = entry.strings("officialSellers", false);
        entry.string("note", false);
        Brand.ReferencePrice price = null;
        if (entry.has("referencePrice")) {
            JsonFields ref = entry.object("referencePrice", PRICE_KEYS, Set.of());
            var min = ref.nonNegativeNumber("min");
            String currency = ref.string("currency", true);
            if (currency != null && !CURRENCY.matcher(currency).matches()) {
                problems.add(ref.at("currency"), "must be a 3-letter currency code such as VND, got '" + currency
                        + "'");
            }
            price = new Brand.ReferencePrice(min, currency);
        }
        return new Brand(id, names, owner, niceClasses, productTerms, officialSellers, price);
    }

    private static Indication indication(JsonFields entry, int index, Map<String, Integer> seen,
                                         Problems problems) {
        String id = uniqueId(entry, "indications", index, seen, problems);
        FindingKind kind = kind(entry, problems);
        List<String> names = entry.strings("names", true);
        List<String> productTerms = entry.strings("productTerms", true);
        List<String> producers = entry.strings("authorizedProducers", false);
        String registration = entry.string("registration", false);
        entry.string("note", false);
        Indication.Region region = null;
        if (entry.has("region")) {
            JsonFields fields = entry.object("region", REGION_REQUIRED, REGION_OPTIONAL);
            region = region(fields.string("province", true), fields.strings("localities", false),
                    fields.string("formerProvince", false));
        }
        return new Indication(id, kind, names, productTerms, region, producers, registration);
    }

    /**
     * The api's Region has no former province, so it is kept as one more locality: every 2025 province
     * contains its former provinces, and sellers still write the old name ("Kiên Giang" for Phú Quốc).
     */
    static Indication.Region region(String province, List<String> localities, String formerProvince) {
        Set<String> places = new LinkedHashSet<>(localities);
        if (formerProvince != null && !formerProvince.isBlank()
                && !FoldedText.fold(formerProvince).equals(FoldedText.fold(province))) {
            places.add(formerProvince.strip());
        }
        return new Indication.Region(province == null ? null : province.strip(), List.copyOf(places));
    }

    private static FindingKind kind(JsonFields entry, Problems problems) {
        String kind = entry.string("kind", true);
        if (kind == null) {
            return null;
        }
        for (FindingKind allowed : INDICATION_KINDS) {
            if (allowed.name().equals(kind)) {
                return allowed;
            }
        }
        problems.add(entry.at("kind"), "must be one of " + INDICATION_KINDS.toString().replaceAll("[\\[\\]]", "")
                + ", got '" + kind + "'");
        return null;
    }

    private static String uniqueId(JsonFields entry, String list, int index, Map<String, Integer> seen,
                                   Problems problems) {
        String id = entry.id("id");
        if (id != null) {
            Integer first = seen.putIfAbsent(id, index);
            if (first != null) {
                problems.add(entry.at("id"), "duplicate id '" + id + "' (already used by " + list + "[" + first
                        + "])");
            }
        }
        return id;
    }

    /** The document as a tree, or a RegistryException saying where the JSON breaks. */
    private static JsonNode parse(byte[] json, String document) throws RegistryException {
        if (json == null || json.length == 0) {
            throw new RegistryException(document + " rejected: the document is empty");
        }
        try {
            JsonNode tree = JSON.readTree(json);
            if (tree == null || tree.isMissingNode()) {
                throw new RegistryException(document + " rejected: the document is empty");
            }
            return tree;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new RegistryException(document + " rejected: not valid JSON" + where + ": "
                    + firstLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new RegistryException(document + " rejected: cannot be read: " + e.getMessage(), e);
        }
    }

    private static String firstLine(String message) {
        String text = message == null ? "unreadable" : message.strip();
        return text.split("\n", 2)[0];
    }

    private static Set<String> ordered(String... keys) {
        return new LinkedHashSet<>(Arrays.asList(keys));
    }
}

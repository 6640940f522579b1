package org.markguard.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.markguard.api.Brand;
import org.markguard.api.Indication;
import org.markguard.api.Registries;

/**
 * Reads {@code brands.json} and {@code gis.json}: by default the copies bundled into the jar from
 * {@code config/registry}, or those of a directory given with {@code --registry}.
 */
final class RegistryLoader {
    private static final String BUNDLED = "/org/markguard/demo/registry/";
    /**
     * {@code region.formerProvince} of each indication read so far. The api's {@code Region} has no
     * such field, but sellers write the pre-2025 province ("Kiên Giang" for Phú Quốc), so the demo
     * keeps it aside, keyed by indication id.
     */
    private static final Map<String, String> FORMER_PROVINCES = new ConcurrentHashMap<>();

    private RegistryLoader() {
    }

    static Registries bundled() {
        try (InputStream brands = open(BUNDLED + "brands.json"); InputStream gis = open(BUNDLED + "gis.json")) {
            return parse(brands, gis);
        } catch (IOException e) {
            throw new IllegalStateException("bundled registries are unreadable", e);
        }
    }

    static Registries fromDirectory(Path dir) throws IOException {
        try (InputStream brands = Files.newInputStream(dir.resolve("brands.json"));
             InputStream gis = Files.newInputStream(dir.resolve("gis.json"))) {
            return parse(brands, gis);
        }
    }

    /** The province an indication's region belonged to before the 2025 merger, when the registry says. */
    static Optional<String> formerProvince(String indicationId) {
        return Optional.ofNullable(FORMER_PROVINCES.get(indicationId));
    }

    private static InputStream open(String resource) {
        InputStream in = RegistryLoader.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        return in;
    }

    private static Registries parse(InputStream brandsJson, InputStream gisJson) throws IOException {
        List<Brand> brands = new ArrayList<>();
        for (JsonNode node : SafeJson.MAPPER.readTree(brandsJson).path("brands")) {
            brands.add(SafeJson.MAPPER.treeToValue(node, Brand.class));
        }
        List<Indication> indications = new ArrayList<>();
        for (JsonNode node : SafeJson.MAPPER.readTree(gisJson).path("indications")) {
            Indication ind = SafeJson.MAPPER.treeToValue(node, Indication.class);
            indications.add(ind);
            String former = node.path("region").path("formerProvince").asText("");
            if (!former.isBlank() && ind.id() != null) {
                FORMER_PROVINCES.put(ind.id(), former);
            }
        }
        if (brands.isEmpty() || indications.isEmpty()) {
            throw new IOException("the demo needs at least one brand and one indication");
        }
        return new Registries(brands, indications);
    }
}

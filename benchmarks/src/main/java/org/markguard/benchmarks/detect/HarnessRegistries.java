package org.markguard.benchmarks.detect;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.markguard.api.Brand;
import org.markguard.api.Indication;
import org.markguard.api.Registries;

/**
 * Reads {@code brands.json} and {@code gis.json} outside Karaf the way the detect-runtime loader does
 * (its reader is package-private): a {@code formerProvince} joins the region's localities.
 */
final class HarnessRegistries {
    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
            false);

    private HarnessRegistries() {
    }

    static Registries load(Path dir) throws IOException {
        List<Brand> brands = new ArrayList<>();
        for (JsonNode node : JSON.readTree(Files.readAllBytes(dir.resolve("brands.json"))).path("brands")) {
            brands.add(JSON.treeToValue(node, Brand.class));
        }
        List<Indication> indications = new ArrayList<>();
        for (JsonNode node : JSON.readTree(Files.readAllBytes(dir.resolve("gis.json"))).path("indications")) {
            Indication read = JSON.treeToValue(node, Indication.class);
            JsonNode region = node.path("region");
            Set<String> places = new LinkedHashSet<>(read.region().localities());
            String former = region.path("formerProvince").asText("");
            if (!former.isBlank()) {
                places.add(former.strip());
            }
            indications.add(new Indication(read.id(), read.kind(), read.names(), read.productTerms(),
                    new Indication.Region(read.region().province(), List.copyOf(places)), read.authorizedProducers(),
                    read.registration()));
        }
        return new Registries(brands, indications);
    }

    /** {@code /work/main/config/registry}, found from the working directory (benchmarks or the root). */
    static Path defaultDir() {
        for (Path p : List.of(Path.of("config/registry"), Path.of("../config/registry"))) {
            if (Files.isRegularFile(p.resolve("brands.json"))) {
                return p;
            }
        }
        throw new IllegalStateException("config/registry not found from " + Path.of("").toAbsolutePath());
    }
}

package org.markguard.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.markguard.api.Brand;
import org.markguard.api.Indication;
import org.markguard.api.Registries;

/**
 * Reads {@code brands.json} and {@code gis.json}: by default the copies bundled into the jar from
 * {@code config/registry}, or those of a directory given with {@code --registry}.
 */
final class RegistryLoader {
    private static final String BUNDLED = "/org/markguard/demo/registry/";

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
            indications.add(SafeJson.MAPPER.treeToValue(node, Indication.class));
        }
        if (brands.isEmpty() || indications.isEmpty()) {
            throw new IOException("the demo needs at least one brand and one indication");
        }
        return new Registries(brands, indications);
    }
}

package org.markguard.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.markguard.api.Registries;

/** Builds sites and reads their labels for the tests. */
final class TestSites {
    static final String BASE = "http://127.0.0.1:8089/";

    private TestSites() {
    }

    static DemoSite site(long seed, int count) {
        return new DemoSite(seed, count, RegistryLoader.bundled(), BASE);
    }

    static DemoSite site(long seed, int count, Registries registries) {
        return new DemoSite(seed, count, registries, BASE);
    }

    static JsonNode labels(DemoSite site) throws IOException {
        return SafeJson.MAPPER.readTree(site.labels());
    }

    static List<JsonNode> listings(DemoSite site) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        labels(site).path("listings").forEach(out::add);
        return out;
    }

    /** Path of an absolute URL of the test base. */
    static String pathOf(String url) {
        return url.substring(BASE.length() - 1);
    }

    /** A GET with the private group's session cookie, so that every listing answers. */
    static DemoSite.Page fetch(DemoSite site, String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? null : pathAndQuery.substring(q + 1);
        return site.get(path, query, PrivateGroupStyle.COOKIE);
    }

    /** The HTML of a path, failing unless the site answers 200. */
    static String html(DemoSite site, String pathAndQuery) {
        DemoSite.Page page = fetch(site, pathAndQuery);
        if (page.status() != 200) {
            throw new AssertionError(pathAndQuery + " answered " + page.status());
        }
        return new String(page.body(), StandardCharsets.UTF_8);
    }
}

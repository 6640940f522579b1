package org.markguard.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Product photos on the real stack: the demo marketplace crawled by Karaf with the image inspector
 * installed, each listing's photos hashed, and the hashes read back from what Elasticsearch
 * stored. The demo's labels say which accounts repost one photo (re-encoded per account), so the
 * hashes can be checked against them: equal within a photo group, different otherwise.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductPhotosIT {
    static final int LISTINGS = 300;
    static final long SEED = 23;
    static final List<String> PLATFORMS = List.of("shopee", "lazada", "tiktok", "facebook", "rao-vat");
    Launcher server;
    DemoMarketplace demo;
    Api admin;
    Api elasticsearch;
    JsonNode labels;
    /** Stored document of each labelled offer on the crawled platforms, by listing id. */
    final Map<String, JsonNode> stored = new HashMap<>();

    @BeforeAll
    void crawlTheDemo() throws Exception {
        server = new Launcher("photos");
        server.start();
        demo = new DemoMarketplace(server.repo, LISTINGS, SEED);
        labels = demo.labels();
        admin = server.admin();
        elasticsearch = new Api("http://127.0.0.1:" + server.esPort, null, null);
        Crawls crawls = new Crawls(admin);
        List<String> ids = new ArrayList<>();
        for (String platform : PLATFORMS) {
            assertEquals(201, admin.post("/sources", Crawls.demoSource(platform, platform, demo.base)).status());
            ids.add(crawls.start(platform)); // several sources crawl at once
        }
        for (String id : ids) {
            crawls.waitFor(id);
        }
        for (JsonNode l : labels.get("listings")) {
            if (PLATFORMS.contains(l.get("platform").asText()) && l.path("offer").asBoolean(true)) {
                Api.Response doc = elasticsearch.get("/markguard-listings/_doc/" + l.get("id").asText());
                if (doc.status() == 200) {
                    stored.put(l.get("id").asText(), doc.json().get("_source"));
                }
            }
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (demo != null) {
            demo.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    private static JsonNode imageAt(JsonNode source, String url) {
        for (JsonNode image : source.path("details").path("images")) {
            if (image.get("url").asText().equals(url)) {
                return image;
            }
        }
        return null;
    }

    @Test
    void storedListingsCarryThePerceptualHashesOfTheirPhotos() {
        assertTrue(stored.size() > LISTINGS * 0.6, "stored: " + stored.size());
        int withImages = 0;
        for (JsonNode source : stored.values()) {
            JsonNode images = source.path("details").path("images");
            if (images.isEmpty()) {
                continue;
            }
            withImages++;
            assertTrue(images.size() <= 2, "images.perListing defaults to 2: " + images);
            for (JsonNode image : images) {
                assertTrue(image.path("perceptualHash").asText().matches("[0-9a-f]{16}"), image.toString());
                assertTrue(image.path("width").asInt() >= 320, image.toString());
            }
        }
        assertTrue(withImages >= stored.size() * 0.95, withImages + " of " + stored.size() + " with images");
    }

    @Test
    void accountsLabelledAsSharingAPhotoHaveEqualHashesAndUnrelatedPhotosDiffer() {
        Map<String, Set<String>> hashesByGroup = new HashMap<>();
        Map<String, Set<String>> accountsByGroup = new HashMap<>();
        Map<String, Set<Integer>> widthsByGroup = new HashMap<>();
        Map<String, String> unrelated = new HashMap<>(); // photo URL → hash
        for (JsonNode l : labels.get("listings")) {
            JsonNode source = stored.get(l.get("id").asText());
            if (source == null) {
                continue;
            }
            JsonNode shared = l.get("sharedPhoto");
            for (JsonNode image : source.path("details").path("images")) {
                String url = image.get("url").asText();
                if (!image.hasNonNull("perceptualHash")) {
                    continue; // the first test says why every photo must have one
                }
                if (shared != null && url.equals(shared.get("url").asText())) {
                    String group = shared.get("group").asText();
                    hashesByGroup.computeIfAbsent(group, g -> new HashSet<>()).add(image.get("perceptualHash").asText());
                    accountsByGroup.computeIfAbsent(group, g -> new HashSet<>()).add(l.get("seller").get("id").asText());
                    widthsByGroup.computeIfAbsent(group, g -> new HashSet<>()).add(image.get("width").asInt());
                } else {
                    unrelated.put(url, image.get("perceptualHash").asText());
                }
            }
            if (shared != null) {
                assertTrue(imageAt(source, shared.get("url").asText()) != null,
                        "the shared photo of " + l.get("url").asText() + " was not inspected: " + source.path("details"));
            }
        }
        long groupsOverAccounts = accountsByGroup.values().stream().filter(a -> a.size() >= 2).count();
        assertTrue(groupsOverAccounts >= 2, "groups seen on two or more accounts: " + accountsByGroup);
        hashesByGroup.forEach((group, hashes) ->
                assertEquals(1, hashes.size(), group + " reposted on " + accountsByGroup.get(group) + ": " + hashes));
        widthsByGroup.forEach((group, widths) -> {
            if (accountsByGroup.get(group).size() >= 2) {
                assertTrue(widths.size() >= 2, group + " was re-encoded per account: widths " + widths);
            }
        });
        Set<String> groupHashes = new HashSet<>();
        hashesByGroup.values().forEach(groupHashes::addAll);
        assertEquals(hashesByGroup.size(), groupHashes.size(), "two groups' photos got one hash: " + hashesByGroup);
        assertTrue(unrelated.size() > 200, "unrelated photos: " + unrelated.size());
        Map<String, String> urlOfHash = new HashMap<>();
        unrelated.forEach((url, hash) -> {
            String other = urlOfHash.put(hash, url);
            assertEquals(null, other, "unrelated photos " + url + " and " + other + " share hash " + hash);
            assertTrue(!groupHashes.contains(hash), url + " has a photo group's hash " + hash);
        });
    }

    @Test
    void theSellerPagesOfAPhotoGroupLinkItsAccountsByThatPhotoAndNoOthers() throws Exception {
        Map<String, Set<String>> accountsByGroup = new HashMap<>(); // group → seller keys platform:id
        for (JsonNode l : labels.get("listings")) {
            JsonNode shared = l.get("sharedPhoto");
            if (shared != null && stored.containsKey(l.get("id").asText())) {
                accountsByGroup.computeIfAbsent(shared.get("group").asText(), g -> new HashSet<>())
                        .add(l.get("platform").asText() + ":" + l.get("seller").get("id").asText());
            }
        }
        Map<String, String> groupOfSeller = new HashMap<>(); // seller id → photo group, as the labels list them
        for (JsonNode g : labels.get("photoGroups")) {
            g.get("accounts").forEach(a -> groupOfSeller.put(a.asText(), g.get("id").asText()));
        }
        int checked = 0;
        for (Map.Entry<String, Set<String>> group : accountsByGroup.entrySet()) {
            if (group.getValue().size() < 2) {
                continue;
            }
            for (String key : group.getValue()) {
                Api.Response seller = admin.get("/sellers/" + Api.q(key));
                assertEquals(200, seller.status(), key + ": " + seller.body());
                Set<String> byPhoto = new HashSet<>();
                for (JsonNode link : seller.json().path("links")) {
                    boolean viaImage = false;
                    for (JsonNode via : link.path("via")) {
                        viaImage |= via.asText().startsWith("image:");
                    }
                    if (viaImage) {
                        byPhoto.add(link.get("key").asText());
                        assertEquals(group.getKey(), groupOfSeller.get(link.get("sellerId").asText()),
                                key + " is linked by a photo to " + link + ", outside its photo group");
                    }
                }
                Set<String> others = new HashSet<>(group.getValue());
                others.remove(key);
                assertTrue(byPhoto.containsAll(others), "the accounts " + key + " shares its photo with: " + others
                        + ", linked by a photo: " + byPhoto);
                checked++;
            }
        }
        assertTrue(checked >= 4, "seller pages checked: " + checked);
    }
}

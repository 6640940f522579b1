package org.markguard.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ProductPhotosTest {
    private final DemoSite site = TestSites.site(42, 1000);

    private DemoSite.Page get(String url) {
        return site.get(URI.create(url).getPath(), null);
    }

    @Test
    void everyLinkedPhotoIsServedAsTheImageItsExtensionSays() throws IOException {
        for (int i = 0; i < 40; i++) {
            DemoListing l = site.generator().listing(i);
            for (int k = 1; k <= l.imageCount(); k++) {
                String url = site.links().image(l, k);
                DemoSite.Page page = get(url);
                assertEquals(200, page.status(), url);
                assertEquals(url.endsWith(".png") ? "image/png" : "image/jpeg", page.contentType(), url);
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(page.body()));
                assertNotNull(image, url);
                assertTrue(image.getWidth() >= 320, url);
            }
        }
    }

    @Test
    void photosAreTheSameOnEveryRequestAndFromTheSameSeed() {
        DemoListing l = site.generator().listing(3);
        String url = site.links().image(l, 1);
        assertArrayEquals(get(url).body(), get(url).body());
        assertArrayEquals(get(url).body(), TestSites.site(42, 1000).get(URI.create(url).getPath(), null).body());
    }

    @Test
    void quickPngsDecodeToExactlyThePixelsDrawn() throws IOException {
        for (int seed = 0; seed < 12; seed++) {
            int width = 320 + 64 * (seed % 3) + seed; // odd widths too
            BufferedImage drawn = ProductPhotos.mosaic(new java.util.SplittableRandom(seed), width, width * 3 / 4);
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(QuickPng.encode(drawn)));
            assertNotNull(decoded, "seed " + seed);
            assertEquals(drawn.getWidth(), decoded.getWidth());
            assertEquals(drawn.getHeight(), decoded.getHeight());
            int[] expected = drawn.getRGB(0, 0, drawn.getWidth(), drawn.getHeight(), null, 0, drawn.getWidth());
            int[] actual = decoded.getRGB(0, 0, drawn.getWidth(), drawn.getHeight(), null, 0, drawn.getWidth());
            assertArrayEquals(expected, actual, "seed " + seed);
        }
        BufferedImage noisy = new BufferedImage(7, 5, BufferedImage.TYPE_INT_RGB);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 7; x++) {
                noisy.setRGB(x, y, rnd.nextInt()); // every byte value, wrapping differences
            }
        }
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(QuickPng.encode(noisy)));
        assertArrayEquals(noisy.getRGB(0, 0, 7, 5, null, 0, 7), decoded.getRGB(0, 0, 7, 5, null, 0, 7));
    }

    @Test
    void wrongExtensionOrImageNumberIsNotFound() {
        DemoListing l = site.generator().listing(0);
        String png = URI.create(site.links().image(l, 1)).getPath();
        assertEquals(404, site.get(png.replace(".png", ".jpg"), null).status());
        assertEquals(404, site.get("/img/" + l.itemId() + "-" + (l.imageCount() + 1) + ".png", null).status());
        assertEquals(404, site.get("/img/123-1.png", null).status());
    }

    @Test
    void labelledPhotoGroupsRepostOnePhotoReEncodedPerAccount() throws IOException {
        JsonNode labels = SafeJson.MAPPER.readTree(site.labels());
        Map<String, Set<String>> accountsOfGroup = new HashMap<>();
        labels.get("photoGroups").forEach(g -> g.get("accounts").forEach(a ->
                accountsOfGroup.computeIfAbsent(g.get("id").asText(), x -> new HashSet<>()).add(a.asText())));
        assertTrue(accountsOfGroup.size() >= 4, "groups: " + accountsOfGroup.keySet());
        Map<String, Map<String, String>> photoByGroupAndAccount = new HashMap<>();
        int shared = 0;
        for (JsonNode listing : labels.get("listings")) {
            JsonNode photo = listing.get("sharedPhoto");
            if (photo == null) {
                continue;
            }
            shared++;
            String group = photo.get("group").asText();
            String account = listing.get("seller").get("id").asText();
            assertTrue(accountsOfGroup.get(group).contains(account), account + " not in " + group);
            DemoSite.Page page = get(photo.get("url").asText());
            assertEquals(200, page.status());
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(page.body()));
            photoByGroupAndAccount.computeIfAbsent(group, g -> new HashMap<>())
                    .put(account, image.getWidth() + "x" + image.getHeight());
        }
        assertTrue(shared >= 20, "listings with a shared photo: " + shared);
        long groupsSeenOnTwoAccounts = photoByGroupAndAccount.values().stream().filter(m -> m.size() >= 2).count();
        assertTrue(groupsSeenOnTwoAccounts >= 3, "groups with listings of two accounts: " + photoByGroupAndAccount);
        for (Map<String, String> sizes : photoByGroupAndAccount.values()) {
            if (sizes.size() >= 2) {
                assertEquals(sizes.size(), new HashSet<>(sizes.values()).size(), "each account its own size: " + sizes);
            }
        }
    }

    @Test
    void unrelatedPhotosHaveDifferentBytes() {
        Set<String> digests = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            DemoListing l = site.generator().listing(i);
            if (site.photos().sharedGroup(l, 1) == null) {
                assertTrue(digests.add(org.markguard.api.Listing.sha256Hex(get(site.links().image(l, 1)).body())));
            }
        }
        assertTrue(digests.size() >= 40, "unshared photos among the first 60 listings: " + digests.size());
    }
}

package org.markguard.index.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.markguard.api.AssessedListing;
import org.markguard.api.ImageFacts;
import org.markguard.api.Listing;
import org.markguard.api.ProductDetails;
import org.markguard.api.Seller;
import org.markguard.api.SellerDirectory;

/**
 * Links between seller accounts on a generated set with known rings (accounts of one operator
 * sharing a phone, a bank account, a copied description or one product photo, across platforms),
 * plus decoys: a hotline many unrelated accounts print, a platform's placeholder photo on many
 * accounts, blank photos (flat hash) on a few, short stock phrases, and ring members that spell their
 * number in words (which no pattern here reads: they lower the recall, honestly). Precision and
 * recall are over account pairs.
 */
class SellerLinksIT {
    static final String[] PLATFORMS = {"shopee", "lazada", "tiktok", "facebook"};
    static final String HUB_PHONE = "0988 000 111";
    static final String PLACEHOLDER_PHOTO = "8f3c0e1a55aa0f0f";
    static ElasticsearchProcess elasticsearch;
    static ElasticsearchSellerDirectory directory;
    static final Set<Set<String>> truePairs = new HashSet<>();
    static final Set<Set<String>> photoPairs = new HashSet<>();
    static final List<String> accounts = new ArrayList<>();

    @BeforeAll
    static void seed() throws Exception {
        elasticsearch = ElasticsearchProcess.fromSystemProperties();
        elasticsearch.start();
        ConnectionSettings settings = ConnectionSettings.local(elasticsearch.url());
        directory = new ElasticsearchSellerDirectory(settings);
        Random rnd = new Random(42);
        List<AssessedListing> listings = new ArrayList<>();
        int n = 0;
        for (int ring = 0; ring < 40; ring++) {
            int size = 2 + rnd.nextInt(3);
            String phone = "09" + (10_000_000 + rnd.nextInt(89_999_999));
            String bank = "0071" + (100_000_000 + rnd.nextInt(899_999_999));
            String copied = "Hàng chính hãng nhập khẩu " + ring + ", cam kết hoàn tiền gấp đôi nếu phát hiện hàng giả, giao nhanh toàn quốc trong 24 giờ.";
            int trace = ring % 4;
            String photo = String.format("%016x", rnd.nextLong() | 1L);
            List<String> members = new ArrayList<>();
            for (int m = 0; m < size; m++) {
                String platform = PLATFORMS[(ring + m) % PLATFORMS.length];
                String id = "ring" + ring + "-acct" + m;
                members.add(platform + ":" + id);
                String description = switch (trace) {
                    case 0 -> m == size - 1 && ring % 10 == 0 ? "Liên hệ không chín một hai ba bốn" // spelled out: not found
                            : "Liên hệ zalo " + spell(phone, m) + " để được tư vấn";
                    case 1 -> "Thanh toán STK: " + bank + " Vietcombank, ship COD toàn quốc";
                    case 2 -> copied;
                    default -> "Ảnh thật, hàng có sẵn, shop " + id; // tied only by the photo
                };
                List<String> photos = trace == 3 ? List.of(photo) : List.of();
                if (rnd.nextInt(4) == 0) {
                    description += " Giao hàng: gọi " + HUB_PHONE; // the courier's hotline: a decoy
                }
                for (int k = 0; k < 2; k++) {
                    listings.add(listing(n++, platform, id, description, photos));
                }
            }
            accounts.addAll(members);
            for (int a = 0; a < members.size(); a++) {
                for (int b = a + 1; b < members.size(); b++) {
                    truePairs.add(Set.of(members.get(a), members.get(b)));
                    if (trace == 3) {
                        photoPairs.add(Set.of(members.get(a), members.get(b)));
                    }
                }
            }
        }
        for (int single = 0; single < 120; single++) {
            String platform = PLATFORMS[single % PLATFORMS.length];
            String id = "solo-" + single;
            String description = "Hàng mới 100%. Hotline " + HUB_PHONE + ". Zalo 03" + (10_000_000 + single * 7919 % 89_999_999);
            List<String> photos = single % 3 == 0 ? List.of(PLACEHOLDER_PHOTO) // on 40 accounts: a hub
                    : single % 40 == 1 ? List.of(SellerLinks.FLAT_IMAGE_HASH) : List.of(); // 3 blank photos
            listings.add(listing(n++, platform, id, description, photos));
            accounts.add(platform + ":" + id);
        }
        try (ElasticsearchListingStore store = new ElasticsearchListingStore(settings,
                java.nio.file.Files.createTempDirectory("mg-links"))) {
            store.refresh();
            ElasticsearchClient client = ElasticsearchClients.create(settings, DocumentMapper.create());
            var response = client.bulk(b -> {
                listings.forEach(l -> b.operations(op -> op.index(x -> x.index(store.alias()).id(l.listing().id())
                        .document(ListingDocument.of(l)))));
                return b;
            });
            assertTrue(!response.errors());
            store.refresh();
            client.close();
        }
    }

    static String spell(String phone, int variant) {
        return switch (variant % 4) {
            case 0 -> phone;
            case 1 -> phone.substring(0, 4) + " " + phone.substring(4, 7) + " " + phone.substring(7);
            case 2 -> "+84 " + phone.substring(1);
            default -> phone.substring(0, 4) + "." + phone.substring(4, 7) + "." + phone.substring(7);
        };
    }

    static AssessedListing listing(int i, String platform, String sellerId, String description, List<String> photos) {
        List<ImageFacts> images = photos.stream().map(h -> new ImageFacts("https://cdn.example/" + i + ".jpg", h, 800, 800,
                Map.of(), List.of())).toList();
        Listing l = new Listing(null, "https://" + platform + ".vn/p/" + i, platform, "Sản phẩm " + i, description,
                new BigDecimal("100000"), "VND", new Seller(sellerId, "Shop " + sellerId, null), List.of(), Instant.now(),
                Listing.sha256Hex(("x" + i).getBytes()), "JSON_LD", Map.of(), List.of(),
                ProductDetails.NONE.withImages(images), null);
        return new AssessedListing(l, List.of(), 0);
    }

    @AfterAll
    static void stop() throws Exception {
        if (directory != null) {
            directory.close();
        }
        if (elasticsearch != null) {
            elasticsearch.close();
        }
    }

    @Test
    void ringsAreFoundAndDecoysTieNothing() throws Exception {
        Set<Set<String>> found = new HashSet<>();
        for (String key : accounts) {
            SellerDirectory.SellerProfile p = directory.seller(key).orElseThrow();
            for (SellerDirectory.SellerLink link : p.links()) {
                found.add(Set.of(key, link.key()));
                assertTrue(link.via().stream().noneMatch(v -> v.equals("phone:0988000111")), "the hub phone links: " + link);
                assertTrue(link.via().stream().noneMatch(v -> v.equals("image:" + PLACEHOLDER_PHOTO)
                        || v.equals("image:" + SellerLinks.FLAT_IMAGE_HASH)), "a placeholder or blank photo links: " + link);
            }
        }
        Set<Set<String>> right = new HashSet<>(found);
        right.retainAll(truePairs);
        double precision = found.isEmpty() ? 0 : (double) right.size() / found.size();
        double recall = (double) right.size() / truePairs.size();
        System.out.printf("seller links: %d true pairs, %d found, %d right: precision %.3f, recall %.3f%n",
                truePairs.size(), found.size(), right.size(), precision, recall);
        assertEquals(1.0, precision, "a link that is not a ring");
        Set<Set<String>> photoFound = new HashSet<>(photoPairs);
        photoFound.retainAll(found);
        System.out.printf("photo rings: %d pairs, %d found%n", photoPairs.size(), photoFound.size());
        assertTrue(!photoPairs.isEmpty() && photoFound.equals(photoPairs), "every pair sharing a photo is linked");
        // measured 0.906 (138 pairs, 125 found): what is missed are the numbers spelled out in words, and copied descriptions
        // with a line appended (the description comparison is an exact hash of the folded text)
        assertTrue(recall >= 0.85 && recall < 1.0, "recall " + recall);
    }

    @Test
    void riskGrowsWithLinksAndTheProfileShowsThem() throws Exception {
        var ringMember = directory.seller(accounts.get(0)).orElseThrow();
        var solo = directory.seller(accounts.get(accounts.size() - 1)).orElseThrow();
        assertTrue(!ringMember.links().isEmpty());
        assertTrue(solo.links().isEmpty(), solo.links().toString());
        assertTrue(ringMember.riskScore() > solo.riskScore(), ringMember.riskScore() + " vs " + solo.riskScore());
    }
}

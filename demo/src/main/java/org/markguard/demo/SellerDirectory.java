package org.markguard.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.markguard.api.Brand;
import org.markguard.api.Indication;
import org.markguard.api.Seller;

/**
 * All sellers of the site, made once from the seed: a pool of ordinary shops in big cities, the
 * official stores of each brand (ids exactly as in {@code brands.json}), and for each indication
 * a few producers located in its registered region.
 */
final class SellerDirectory {
    /**
     * Where ordinary shops are. None is an indication name nor contains a product term as a word
     * ("Khánh Hòa" would read as "hoa", flowers), because misuse descriptions quote the location.
     */
    static final List<String> CITY_LOCATIONS = List.of("Hà Nội", "TP. Hồ Chí Minh", "Hải Phòng",
            "Đà Nẵng", "Bắc Ninh", "Nghệ An", "Quảng Ninh", "Cần Thơ", "Gia Lai", "Quảng Trị", "Đồng Nai");
    private static final List<String> SHOP_PREFIXES = List.of("Shop ", "Tiệm ", "Kho sỉ ", "Nhà ", "Cửa hàng ", "");
    private static final List<String> SHOP_NAMES = List.of("Mai Anh", "Bống", "Thảo Vy", "Gia Bảo",
            "Minh Khang", "Ngọc Hân", "Tuấn Phát", "Hạnh Dung", "Bảo Ngọc", "An Nhiên", "Bé Su", "Lan Chi",
            "Hoàng Long", "Phúc An", "Tâm Đức", "Kim Ngân");
    private static final List<String> SHOP_SUFFIXES = List.of("", " Store", " Shop", " House", " 68", " 247");
    private static final List<String> PRODUCER_FORMS = List.of("HTX %s", "Đặc sản %s Xanh",
            "Cơ sở %s Gia Truyền", "Nông trại %s");
    /** Producers write their place four ways: "locality, province", the province, the former province, the locality. */
    private static final int PRODUCERS_PER_INDICATION = 4;
    private static final String ALPHANUM = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final List<Seller> pool;
    private final Map<String, List<Seller>> officialByBrand = new LinkedHashMap<>();
    private final Map<String, List<Seller>> producersByIndication = new LinkedHashMap<>();
    private final Map<String, Seller> byId = new LinkedHashMap<>();
    private final IndicationMatcher matcher;
    private final Map<String, PhotoGroup> photoGroups = new LinkedHashMap<>();
    /** Producer seller id → the indication name its goods carry ("Nước mắm Phú Quốc"). */
    private final Map<String, String> productOfProducer = new LinkedHashMap<>();

    /**
     * Accounts run by one seller that repost one product photo (issue 8 links them by its
     * perceptual hash).
     *
     * @param id the group's label, {@code photo-group-N}
     * @param accounts the seller ids, in account order
     */
    record PhotoGroup(String id, List<String> accounts) {
        PhotoGroup {
            accounts = List.copyOf(accounts);
        }

        int accountIndex(String sellerId) {
            return accounts.indexOf(sellerId);
        }
    }

    /** One account in twelve of the ordinary shops is in a photo group, three accounts to a group. */
    static final int SHOPS_PER_PHOTO_GROUP_MEMBER = 4;
    static final int ACCOUNTS_PER_PHOTO_GROUP = 3;

    SellerDirectory(long seed, int listingCount, List<Brand> brands, List<Indication> indications,
                    IndicationMatcher matcher) {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5E11E45L);
        for (Brand brand : brands) {
            List<Seller> stores = new ArrayList<>();
            for (String id : brand.officialSellers()) {
                String city = CITY_LOCATIONS.get(Math.floorMod(id.hashCode(), 2));
                stores.add(register(new Seller(id, officialName(id), city, city)));
            }
            officialByBrand.put(brand.id(), stores);
        }
        for (Indication ind : indications) {
            List<Seller> producers = new ArrayList<>();
            String name = ind.names().get(0);
            for (int k = 0; k < PRODUCERS_PER_INDICATION; k++) {
                String shopName = String.format(pick(rnd, PRODUCER_FORMS), name);
                Seller producer = register(new Seller(newId(rnd), shopName, regionalLocation(ind, k, rnd),
                        ind.region().province()));
                producers.add(producer);
                productOfProducer.put(producer.id(), name);
            }
            producersByIndication.put(ind.id(), producers);
        }
        int poolSize = Math.min(5000, 40 + listingCount / 25);
        List<Seller> shops = new ArrayList<>(poolSize);
        for (int i = 0; i < poolSize; i++) {
            String name = pick(rnd, SHOP_PREFIXES) + pick(rnd, SHOP_NAMES) + pick(rnd, SHOP_SUFFIXES);
            String city = pick(rnd, CITY_LOCATIONS);
            shops.add(register(new Seller(newId(rnd), name.strip(), PlaceSpellings.spell(city, rnd), city)));
        }
        this.pool = Collections.unmodifiableList(shops);
        this.matcher = matcher;
        groupPhotoAccounts();
    }

    /**
     * Every fourth shop of the pool, taken three at a time: fixed by the pool alone, so drawing no
     * random numbers and leaving the rest of the site as it was.
     */
    private void groupPhotoAccounts() {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < pool.size(); i += SHOPS_PER_PHOTO_GROUP_MEMBER) {
            members.add(pool.get(i).id());
        }
        for (int g = 0; (g + 1) * ACCOUNTS_PER_PHOTO_GROUP <= members.size(); g++) {
            PhotoGroup group = new PhotoGroup("photo-group-" + (g + 1),
                    members.subList(g * ACCOUNTS_PER_PHOTO_GROUP, (g + 1) * ACCOUNTS_PER_PHOTO_GROUP));
            group.accounts().forEach(id -> photoGroups.put(id, group));
        }
    }

    /** What a producer makes (the indication name), empty for other sellers. */
    Optional<String> productOf(String sellerId) {
        return Optional.ofNullable(productOfProducer.get(sellerId));
    }

    /** All photo groups, in order. */
    List<PhotoGroup> photoGroups() {
        return photoGroups.values().stream().distinct().toList();
    }

    /** The photo group an account belongs to, if any. */
    Optional<PhotoGroup> photoGroupOf(String sellerId) {
        return Optional.ofNullable(photoGroups.get(sellerId));
    }

    /** Any ordinary shop. */
    Seller anyShop(SplittableRandom rnd) {
        return pool.get(rnd.nextInt(pool.size()));
    }

    /** An ordinary shop located outside the indication's region (the misuse case). */
    Seller shopOutside(Indication indication, SplittableRandom rnd) {
        for (int attempt = 0; attempt < 64; attempt++) {
            Seller s = anyShop(rnd);
            if (!matcher.inRegion(indication, s.province())) {
                return s;
            }
        }
        throw new IllegalStateException("no shop outside the region of " + indication.id());
    }

    /** One of the official stores of a brand, or empty when the registry lists none. */
    Optional<Seller> officialStore(Brand brand, SplittableRandom rnd) {
        List<Seller> stores = officialByBrand.getOrDefault(brand.id(), List.of());
        return stores.isEmpty() ? Optional.empty() : Optional.of(stores.get(rnd.nextInt(stores.size())));
    }

    /** A producer located in the indication's region. */
    Seller producerOf(Indication indication, SplittableRandom rnd) {
        List<Seller> producers = producersByIndication.get(indication.id());
        return producers.get(rnd.nextInt(producers.size()));
    }

    Optional<Seller> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    private Seller register(Seller seller) {
        byId.putIfAbsent(seller.id(), seller);
        return seller;
    }

    private String newId(SplittableRandom rnd) {
        while (true) {
            StringBuilder id = new StringBuilder("shop-");
            for (int i = 0; i < 6; i++) {
                id.append(ALPHANUM.charAt(rnd.nextInt(ALPHANUM.length())));
            }
            if (!byId.containsKey(id.toString())) {
                return id.toString();
            }
        }
    }

    /**
     * Producer k of an indication writes its place as "Phú Quốc, An Giang" (k=0), the 2025 province
     * maybe abbreviated (k=1, "TP.HCM"), the former province (k=2, "Kiên Giang") or the locality
     * alone (k=3, "Phú Quốc"); where the registry has no such form, the province is used.
     */
    private static String regionalLocation(Indication ind, int k, SplittableRandom rnd) {
        String province = ind.region().province();
        List<String> localities = ind.region().localities();
        String locality = localities.isEmpty() ? null : localities.get(k / 2 % localities.size());
        return switch (k) {
            case 0 -> locality == null ? province : locality + ", " + province;
            case 2 -> RegistryLoader.formerProvince(ind.id()).orElse(PlaceSpellings.spell(province, rnd));
            case 3 -> locality == null ? province : locality;
            default -> PlaceSpellings.spell(province, rnd);
        };
    }

    /** "apple-flagship-store" → "Apple Flagship Store"; "gucci.vn" → "Gucci.vn". */
    private static String officialName(String id) {
        StringBuilder name = new StringBuilder();
        for (String part : id.split("-")) {
            if (!part.isEmpty()) {
                name.append(name.length() == 0 ? "" : " ").append(VietnameseText.capitalize(part));
            }
        }
        return name.toString();
    }

    static <T> T pick(SplittableRandom rnd, List<T> items) {
        return items.get(rnd.nextInt(items.size()));
    }
}

package org.markguard.demo;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import org.markguard.api.Listing;

/**
 * Writes the ground truth of the whole site as one JSON document, streamed listing by listing so
 * that 100,000 listings need no more memory than one.
 *
 * <pre>{"seed":42,"count":200,"baseUrl":"http://127.0.0.1:8080/","listings":[
 *   {"url":…,"id":sha256(url),"platform":"shopee","category":"COUNTERFEIT","title":…,
 *    "expected":[{"kind":"TRADEMARK","subject":"gucci"}],
 *    "seller":{"id":…,"name":…,"location":…,"province":…},"price":350000,"currency":"VND",
 *    "offer":true,"obfuscation":"none","priceByGeneration":[350000]}, …]}</pre>
 * plus, where they apply, giQualifier, ocopClaim, priceText, priceMax, goneSinceGeneration and
 * goneStatus (see the README). {@code photoGroups} lists the accounts that repost one product
 * photo, and a listing whose image 1 is such a photo has {@code "sharedPhoto":{"group","url"}}.
 */
final class LabelsWriter {
    private final DemoSite site;

    LabelsWriter(DemoSite site) {
        this.site = site;
    }

    void write(OutputStream out) throws IOException {
        ListingGenerator generator = site.generator();
        try (JsonGenerator json = SafeJson.MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeNumberField("seed", generator.seed());
            json.writeNumberField("count", generator.count());
            json.writeNumberField("generation", generator.generation());
            json.writeStringField("baseUrl", site.links().baseUrl());
            json.writeArrayFieldStart("photoGroups");
            for (SellerDirectory.PhotoGroup group : generator.sellers().photoGroups()) {
                json.writeStartObject();
                json.writeStringField("id", group.id());
                json.writeArrayFieldStart("accounts");
                for (String account : group.accounts()) {
                    json.writeString(account);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("listings");
            java.util.Set<String> shopsWithPriceList = new java.util.LinkedHashSet<>();
            for (int i = 0; i < generator.count(); i++) {
                DemoListing l = generator.listing(i);
                writeListing(json, l);
                PlatformStyle style = site.style(l.platform());
                if (PriceLists.offeredOn(style) && l.online() && site.priceLists().lines(l.seller().id()).isPresent()) {
                    shopsWithPriceList.add(l.seller().id()); // its shop page is linked from this listing
                }
            }
            json.writeEndArray();
            writePriceLists(json, shopsWithPriceList);
            json.writeEndObject();
        }
    }

    /** The price lists linked from a shop page that a listing links: each line is one listing to find. */
    private void writePriceLists(JsonGenerator json, java.util.Set<String> sellerIds) throws IOException {
        json.writeArrayFieldStart("priceLists");
        for (String sellerId : sellerIds) {
            PlatformStyle style = DemoSite.STYLES.stream().filter(PriceLists::offeredOn).findFirst().orElseThrow();
            json.writeStartObject();
            json.writeStringField("url", site.links().absolute(SiteLinks.priceList(style, sellerId)));
            json.writeStringField("shopPage", site.links().absolute(SiteLinks.shop(style, sellerId)));
            json.writeStringField("sellerId", sellerId);
            json.writeArrayFieldStart("lines");
            for (PriceLists.Line line : site.priceLists().lines(sellerId).orElseThrow()) {
                json.writeStartObject();
                json.writeStringField("title", line.title());
                json.writeNumberField("price", line.price());
                json.writeStringField("currency", DemoListing.CURRENCY);
                json.writeStringField("text", line.printed());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private void writeListing(JsonGenerator json, DemoListing l) throws IOException {
        String url = site.listingUrl(l);
        json.writeStartObject();
        json.writeStringField("url", url);
        json.writeStringField("id", Listing.idFor(url));
        json.writeStringField("platform", l.platform());
        json.writeStringField("category", l.category().name());
        json.writeStringField("title", l.title());
        json.writeArrayFieldStart("expected");
        for (Expectation e : l.expected()) {
            json.writeStartObject();
            json.writeStringField("kind", e.kind().name());
            json.writeStringField("subject", e.subject());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeObjectFieldStart("seller");
        json.writeStringField("id", l.seller().id());
        json.writeStringField("name", l.seller().name());
        json.writeStringField("location", l.seller().location());
        json.writeStringField("province", l.seller().province());
        json.writeEndObject();
        Long published = l.publishedPrice();
        if (published == null) {
            json.writeNullField("price");
        } else {
            json.writeNumberField("price", published);
        }
        json.writeStringField("currency", DemoListing.CURRENCY);
        writeAdditions(json, l, published != null);
        SellerDirectory.PhotoGroup group = site.photos().sharedGroup(l, 1);
        if (group != null) {
            // image 1 is the group's photo, reposted by this account re-encoded (issue 8 links)
            json.writeObjectFieldStart("sharedPhoto");
            json.writeStringField("group", group.id());
            json.writeStringField("url", site.links().image(l, 1));
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    /** The fields added after the first contract: offer, hard cases, free-text prices, generations. */
    private static void writeAdditions(JsonGenerator json, DemoListing l, boolean priced) throws IOException {
        json.writeBooleanField("offer", l.offer());
        json.writeStringField("obfuscation", l.hard().obfuscation());
        if (l.hard().giQualifier() != null) {
            json.writeStringField("giQualifier", l.hard().giQualifier());
        }
        if (l.hard().ocopStars() > 0) {
            json.writeObjectFieldStart("ocopClaim");
            json.writeNumberField("stars", l.hard().ocopStars());
            json.writeEndObject();
        }
        String priceLine = FacebookStyle.priceLine(l);
        if (priceLine != null) {
            json.writeStringField("priceText", priceLine);
            if (l.postPrice().style() == PostPrice.Style.RANGE) {
                json.writeNumberField("priceMax", l.postPrice().max(l.price()));
            }
        }
        json.writeArrayFieldStart("priceByGeneration");
        for (long p : l.history().priceByGeneration()) {
            if (priced) {
                json.writeNumber(p);
            } else {
                json.writeNull();
            }
        }
        json.writeEndArray();
        if (!l.online()) {
            json.writeNumberField("goneSinceGeneration", l.history().goneSinceGeneration());
            json.writeNumberField("goneStatus", l.history().goneStatus());
        }
    }
}

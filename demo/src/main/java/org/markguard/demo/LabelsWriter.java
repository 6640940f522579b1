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
 *    "seller":{"id":…,"name":…,"location":…},"price":350000,"currency":"VND"}, …]}</pre>
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
            json.writeStringField("baseUrl", site.links().baseUrl());
            json.writeArrayFieldStart("listings");
            for (int i = 0; i < generator.count(); i++) {
                writeListing(json, generator.listing(i));
            }
            json.writeEndArray();
            json.writeEndObject();
        }
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
        json.writeEndObject();
        json.writeNumberField("price", l.price());
        json.writeStringField("currency", DemoListing.CURRENCY);
        json.writeEndObject();
    }
}

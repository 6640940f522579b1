package org.markguard.evidence.builder;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * {@code data/packet.json}: what the packet is and holds. Per listing, every file that is there
 * (path, SHA-256, bytes) and, for each one that is not, why ("screenshot not available: …").
 */
final class PacketSummary {
    static final String FORMAT = "markguard evidence packet 1";

    private PacketSummary() {
    }

    static void write(PacketFacts facts, List<ListingEntry> entries, List<String> reports, OutputStream out)
            throws IOException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("id", facts.id());
        root.put("requestedBy", facts.requestedBy());
        root.put("created", facts.created().toString());
        root.put("sourceOrganization", facts.sourceOrganization());
        root.put("scope", facts.scope());
        root.set("request", Json.MAPPER.valueToTree(facts.request()));
        root.put("note", facts.note());
        root.put("publicKeyFingerprint", facts.keyFingerprint());
        root.put("timestampAuthority", facts.timestampUrl().isEmpty() ? null : facts.timestampUrl());
        root.put("listingCount", entries.size());
        root.set("reports", Json.MAPPER.valueToTree(reports));
        root.put("custodyLog", "data/chain-of-custody.jsonl");
        ArrayNode listings = root.putArray("listings");
        for (ListingEntry e : entries) {
            ObjectNode node = listings.addObject();
            node.put("number", e.number);
            node.put("id", e.id());
            node.put("url", e.assessed.listing().url());
            node.put("captureRef", e.assessed.listing().captureRef());
            ObjectNode files = node.putObject("files");
            for (Map.Entry<String, ListingEntry.FileRecord> f : e.files.entrySet()) {
                files.putObject(f.getKey()).put("path", f.getValue().path()).put("sha256", f.getValue().sha256())
                        .put("bytes", f.getValue().bytes());
            }
            ObjectNode missing = node.putObject("missing");
            e.missing.forEach((file, why) -> missing.put(file, why.message()));
            if (e.screenshotSource != null) {
                node.put("screenshotRenderedFrom", e.screenshotSource);
            }
            if (e.recaptureStatus != null) {
                node.putObject("recapture").put("status", e.recaptureStatus).put("fetchTime", e.recaptureTime.toString());
            }
            node.set("notes", Json.MAPPER.valueToTree(e.notes));
        }
        Json.PRETTY.writeValue(out, root);
    }
}

package org.markguard.index.elasticsearch;

import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.get.GetResult;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.markguard.api.AssessedListing;
import org.markguard.api.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a batch of spooled operations (store, gone) in two round trips: one {@code mget} for the
 * stored listings whose history the batch extends, one {@code bulk} with the merged documents.
 * Operations on the same listing are applied in order in memory, so the batch gives the same
 * result as writing them one by one.
 *
 * <p>Each document is written only if the stored one did not change since the {@code mget}
 * ({@code if_seq_no}/{@code if_primary_term}, or {@code create} for a new listing): a review
 * that updated a listing meanwhile is re-read and kept, not overwritten. Listings that conflict
 * again and again are finally written as the last writer wins. A document Elasticsearch finds
 * malformed (HTTP 400) is logged and dropped, it would be rejected again; a request found
 * malformed as a whole is split until the culprit is alone, so one bad operation never blocks
 * the spool. Any other failure (unreachable, overloaded, index missing, credentials) fails the
 * batch, which the caller repeats later: nothing is dropped for it, and repeating is harmless (a
 * merge with the same capture adds nothing).
 */
final class BulkListingWriter {
    private static final Logger LOG = LoggerFactory.getLogger(BulkListingWriter.class);
    static final int CONFLICT_ROUNDS = 5;

    private final StoreCalls es;
    private final ObjectMapper json;

    BulkListingWriter(StoreCalls es, ObjectMapper json) {
        this.es = es;
        this.json = json;
    }

    /** A listing as stored, with the version it was read at (all null: not stored). */
    private record Stored(ListingDocument document, AssessedListing listing, Long seqNo, Long primaryTerm) {
        static final Stored NONE = new Stored(null, null, null, null);
    }

    /** Writes the operations, oldest first; returns when all are in Elasticsearch or dropped as malformed. */
    void write(List<JsonNode> ops) throws StoreException {
        try {
            writeBatch(ops);
        } catch (StoreException e) {
            if (!StoreCalls.isBadRequest(e)) {
                throw e;
            }
            if (ops.size() == 1) {
                LOG.error("Spooled write dropped, Elasticsearch rejects it: {}", e.getMessage());
                return;
            }
            // listings already written by the failed attempt are merged again: that adds nothing
            write(ops.subList(0, ops.size() / 2));
            write(ops.subList(ops.size() / 2, ops.size()));
        }
    }

    private void writeBatch(List<JsonNode> ops) throws StoreException {
        Map<String, List<JsonNode>> byListing = new LinkedHashMap<>();
        for (JsonNode op : ops) {
            String id = op.path("payload").path("id").asText("");
            if (id.isBlank()) {
                LOG.error("Spooled write dropped, it names no listing: {}", op.path("op").asText());
                continue;
            }
            byListing.computeIfAbsent(id, k -> new ArrayList<>()).add(op);
        }
        Set<String> todo = new LinkedHashSet<>(byListing.keySet());
        for (int round = 1; !todo.isEmpty(); round++) {
            boolean checked = round <= CONFLICT_ROUNDS;
            Map<String, Stored> stored = read(todo);
            Map<String, Stored> merged = new LinkedHashMap<>();
            for (String id : todo) {
                Stored before = stored.get(id);
                ListingDocument after = apply(before, byListing.get(id));
                if (after != null) {
                    merged.put(id, new Stored(after, null, before.seqNo(), before.primaryTerm()));
                }
            }
            todo = merged.isEmpty() ? Set.of() : bulk(merged, checked);
            if (!todo.isEmpty()) {
                LOG.debug("{} listings changed while being written, round {}: read again", todo.size(), round);
            }
        }
    }

    /** The stored listings by id; absent ones as Stored(null, null, null). */
    private Map<String, Stored> read(Set<String> ids) throws StoreException {
        MgetResponse<ListingDocument> response = es.call("get " + ids.size() + " listings", () -> es.client.mget(m -> m
                .index(es.layout.alias()).ids(new ArrayList<>(ids)), ListingDocument.class));
        Map<String, Stored> stored = new LinkedHashMap<>();
        for (MultiGetResponseItem<ListingDocument> item : response.docs()) {
            if (item.isFailure()) {
                throw new StoreException("Elasticsearch could not read listing " + item.failure().id() + ": "
                        + item.failure().error().reason(), new IOException(item.failure().error().reason()));
            }
            GetResult<ListingDocument> got = item.result();
            stored.put(got.id(), got.found() && got.source() != null
                    ? new Stored(got.source(), got.source().toAssessedListing(), got.seqNo(), got.primaryTerm())
                    : Stored.NONE);
        }
        for (String id : ids) {
            stored.putIfAbsent(id, Stored.NONE);
        }
        return stored;
    }

    /** The document after the listing's operations, null when they change nothing. */
    private ListingDocument apply(Stored stored, List<JsonNode> ops) {
        AssessedListing current = stored.listing();
        ListingDocument spooled = null; // the last capture of this batch, whose text-derived fields are kept
        for (JsonNode op : ops) {
            JsonNode payload = op.path("payload");
            try {
                if (DurableSpool.GONE.equals(op.path("op").asText())) {
                    if (current != null) {
                        current = ListingHistories.gone(current, IsoInstants.parse(payload.get("at").asText()));
                    }
                } else {
                    spooled = json.treeToValue(payload, ListingDocument.class);
                    current = ListingHistories.merge(Optional.ofNullable(current), spooled.toAssessedListing());
                }
            } catch (IOException | RuntimeException e) {
                LOG.error("Spooled write dropped, it cannot be read: {}", e.toString());
            }
        }
        if (current == stored.listing()) {
            return null;
        }
        // a merge changes only the history of the capture; a gone mark alone re-derives the stored one
        return spooled != null ? spooled.withHistory(current.history()) : ListingDocument.of(current);
    }

    /** Writes the documents; returns the ids that changed since they were read (to merge again). */
    private Set<String> bulk(Map<String, Stored> documents, boolean checked) throws StoreException {
        List<BulkOperation> operations = new ArrayList<>(documents.size());
        documents.forEach((id, s) -> operations.add(operation(id, s, checked)));
        BulkResponse response = es.call("write " + documents.size() + " listings", () -> es.client.bulk(b -> b
                .requireAlias(true) // never let a write auto-create a dynamically mapped index
                .operations(operations)));
        Set<String> conflicts = new LinkedHashSet<>();
        for (BulkResponseItem item : response.items()) {
            if (item.error() == null) {
                continue;
            }
            int status = item.status();
            if (status == 409) {
                conflicts.add(item.id());
            } else if (status == 400) {
                LOG.error("Listing {} dropped, Elasticsearch rejects it: [{} {}] {}", item.id(), status,
                        item.error().type(), item.error().reason());
            } else {
                // overloaded, not ready, index gone: the batch is repeated later
                throw new StoreException("Elasticsearch cannot take listing " + item.id() + " now: [" + status + " "
                        + item.error().type() + "] " + item.error().reason(), new IOException(item.error().reason()));
            }
        }
        return conflicts;
    }

    private BulkOperation operation(String id, Stored s, boolean checked) {
        ListingDocument document = s.document();
        String alias = es.layout.alias();
        if (!checked) {
            return BulkOperation.of(op -> op.index(i -> i.index(alias).id(id).document(document)));
        }
        if (s.seqNo() == null) {
            return BulkOperation.of(op -> op.create(c -> c.index(alias).id(id).document(document)));
        }
        return BulkOperation.of(op -> op.index(i -> i.index(alias).id(id).document(document)
                .ifSeqNo(s.seqNo()).ifPrimaryTerm(s.primaryTerm())));
    }
}

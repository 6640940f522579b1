package org.markguard.index.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.json.JsonpMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rolls the listings alias over from an older versioned index to the current one without
 * downtime: reads and writes go on through the alias (to the old index) while every document is
 * copied (point-in-time scan + bulk; the embedded node has no {@code _reindex}) and upgraded to the
 * current document shape, then the alias is switched atomically.
 *
 * <p>Nothing written meanwhile is lost. The index has one shard, so its {@code _seq_no} orders
 * every write: after the full copy, passes copy what was written since the previous pass until a
 * pass is small; after the switch, a last pass copies what reached the old index in between, each
 * document conditionally on its copy not having been written through the alias since (a newer
 * write wins). Listings are never deleted, so there are no deletes to carry over. The old index is
 * kept (the log names it) so an admin can compare or roll back; deleting it is the admin's call.
 */
final class IndexMigration {
    private static final Logger LOG = LoggerFactory.getLogger(IndexMigration.class);
    static final int PAGE = 1_000;
    private static final int MAX_CATCH_UP_PASSES = 10;
    /** A catch-up pass this small means writes are trickling in: switch now. */
    private static final int SMALL_PASS = 500;
    private static final String SEQ_NO = "_seq_no";

    private final ElasticsearchClient client;
    private final String alias;
    private final String from;
    private final String to;
    private long copied;

    IndexMigration(ElasticsearchClient client, String alias, String from, String to) {
        this.client = client;
        this.alias = alias;
        this.from = from;
        this.to = to;
    }

    /** Copies, catches up, switches; returns the number of documents written to the new index. */
    long run(JsonpMapper mapper, String definitionJson) throws IOException {
        long started = System.nanoTime();
        LOG.info("Re-indexing {} -> {} behind alias {} (reads and writes continue on {})", from, to, alias, from);
        createTarget(mapper, definitionJson);
        long mark = maxSeqNo(from);
        copy(Query.of(q -> q.matchAll(m -> m)));
        for (int pass = 0; pass < MAX_CATCH_UP_PASSES; pass++) {
            long now = maxSeqNo(from);
            if (now <= mark) {
                break;
            }
            long before = copied;
            copy(writtenAfter(mark));
            mark = now;
            if (copied - before < SMALL_PASS) {
                break;
            }
        }
        client.indices().refresh(r -> r.index(to));
        long targetMark = maxSeqNo(to);
        long sourceMark = mark;
        client.indices().updateAliases(u -> u
                .actions(a -> a.remove(r -> r.index(from).alias(alias)))
                .actions(a -> a.add(ad -> ad.index(to).alias(alias).isWriteIndex(true))));
        LOG.info("Alias {} now points to {}", alias, to);
        copyConditionally(writtenAfter(sourceMark), targetMark);
        client.indices().refresh(r -> r.index(to));
        LOG.info("Re-indexed {} documents {} -> {} in {} s; {} is kept, delete it when no longer wanted",
                copied, from, to, (System.nanoTime() - started) / 1_000_000_000L, from);
        return copied;
    }

    private void createTarget(JsonpMapper mapper, String definitionJson) throws IOException {
        try {
            client.indices().create(c -> c.index(to)
                    .withJson(mapper.jsonProvider().createParser(new java.io.StringReader(definitionJson)), mapper));
        } catch (ElasticsearchException e) {
            if (!IndexLayout.isAlreadyExists(e)) {
                throw e;
            }
            LOG.info("{} exists (an earlier re-index was interrupted): copying over it", to);
        }
    }

    private static Query writtenAfter(long seqNo) {
        return Query.of(q -> q.range(r -> r.untyped(u -> u.field(SEQ_NO).gt(JsonData.of(seqNo)))));
    }

    /** The highest sequence number in an index; -1 when empty. */
    private long maxSeqNo(String index) throws IOException {
        SearchResponse<Void> r = client.search(s -> s.index(index).size(1).source(src -> src.fetch(false))
                .seqNoPrimaryTerm(true).sort(so -> so.field(f -> f.field(SEQ_NO).order(SortOrder.Desc))), Void.class);
        List<Hit<Void>> hits = r.hits().hits();
        return hits.isEmpty() || hits.get(0).seqNo() == null ? -1 : hits.get(0).seqNo();
    }

    /** Copies the old index's documents matching {@code query}, as of now, upgrading each. */
    private void copy(Query query) throws IOException {
        scan(query, hits -> {
            BulkResponse response = client.bulk(b -> {
                for (Hit<ListingDocument> hit : hits) {
                    ListingDocument doc = hit.source().upgraded();
                    b.operations(op -> op.index(i -> i.index(to).id(hit.id()).document(doc)));
                }
                return b;
            });
            failOnErrors(response, false);
            copied += hits.size();
            if (copied % 100_000 < hits.size()) {
                LOG.info("Re-indexing {} -> {}: {} documents copied", from, to, copied);
            }
        });
    }

    /**
     * Copies what reached the old index between the last pass and the switch, only where the new
     * index still holds the copy made before the switch.
     */
    private void copyConditionally(Query query, long targetMark) throws IOException {
        scan(query, hits -> {
            List<String> ids = hits.stream().map(Hit::id).toList();
            MgetResponse<Void> current = client.mget(m -> m.index(to).ids(ids).sourceExcludes("*"), Void.class);
            Map<String, long[]> seq = new HashMap<>();
            for (MultiGetResponseItem<Void> item : current.docs()) {
                if (item.isResult() && item.result().found() && item.result().seqNo() != null) {
                    seq.put(item.result().id(), new long[] {item.result().seqNo(), item.result().primaryTerm()});
                }
            }
            List<BulkOperation> ops = new ArrayList<>();
            for (Hit<ListingDocument> hit : hits) {
                ListingDocument doc = hit.source().upgraded();
                long[] s = seq.get(hit.id());
                if (s == null) {
                    ops.add(BulkOperation.of(op -> op.create(c -> c.index(to).id(hit.id()).document(doc))));
                } else if (s[0] <= targetMark) {
                    ops.add(BulkOperation.of(op -> op.index(i -> i.index(to).id(hit.id()).document(doc)
                            .ifSeqNo(s[0]).ifPrimaryTerm(s[1]))));
                } // else: written through the alias after the switch, which is newer
            }
            if (!ops.isEmpty()) {
                failOnErrors(client.bulk(b -> b.operations(ops)), true);
                copied += ops.size();
            }
        });
    }

    private interface PageWork {
        void accept(List<Hit<ListingDocument>> hits) throws IOException;
    }

    private void scan(Query query, PageWork work) throws IOException {
        String pit = client.openPointInTime(o -> o.index(from).keepAlive(k -> k.time(ListingScan.KEEP_ALIVE))).id();
        try {
            List<FieldValue> after = null;
            while (true) {
                String pitNow = pit;
                List<FieldValue> afterNow = after;
                SearchResponse<ListingDocument> page = client.search(s -> {
                    s.pit(p -> p.id(pitNow).keepAlive(k -> k.time(ListingScan.KEEP_ALIVE))).size(PAGE).query(query)
                            .sort(so -> so.field(f -> f.field("_shard_doc").order(SortOrder.Asc)))
                            .trackTotalHits(t -> t.enabled(false));
                    if (afterNow != null) {
                        s.searchAfter(afterNow);
                    }
                    return s;
                }, ListingDocument.class);
                List<Hit<ListingDocument>> hits = page.hits().hits().stream().filter(h -> h.source() != null).toList();
                if (!hits.isEmpty()) {
                    work.accept(hits);
                }
                if (page.hits().hits().size() < PAGE) {
                    return;
                }
                pit = page.pitId() == null ? pit : page.pitId();
                after = page.hits().hits().get(page.hits().hits().size() - 1).sort();
            }
        } finally {
            String done = pit;
            try {
                client.closePointInTime(c -> c.id(done));
            } catch (IOException | ElasticsearchException e) {
                LOG.debug("point in time not closed, it expires by itself: {}", e.toString());
            }
        }
    }

    private void failOnErrors(BulkResponse response, boolean conflictsExpected) {
        if (!response.errors()) {
            return;
        }
        for (BulkResponseItem item : response.items()) {
            if (item.error() != null && !(conflictsExpected && item.status() == 409)) {
                throw new IllegalStateException("re-index of " + item.id() + " into " + to + " refused: ["
                        + item.status() + " " + item.error().type() + "] " + item.error().reason());
            }
        }
    }
}

package org.markguard.index.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.markguard.api.AssessedListing;
import org.markguard.api.Finding;
import org.markguard.api.FindingKind;
import org.markguard.api.ListingPage;
import org.markguard.api.ListingQuery;

/**
 * A mapping change rolled out by re-indexing: an index of the first layout (no {@code id_sort},
 * {@code sellerKey} or {@code details.images}) full of documents, then the current store opens it, re-indexes into
 * the current version in the background while the test keeps writing through the alias, and
 * switches the alias. Every document, old or written meanwhile, ends up in the new index in its
 * latest state; cursor paging in the new sort order sees each exactly once. Real Elasticsearch node.
 */
class IndexMigrationIT {
    private static final int OLD = 12_000;
    private static final int NEW = 400;
    private static final String PREFIX = "migrate";
    private static ElasticsearchProcess elasticsearch;
    private static ConnectionSettings settings;

    @BeforeAll
    static void start() throws Exception {
        elasticsearch = ElasticsearchProcess.fromSystemProperties();
        elasticsearch.start();
        settings = ConnectionSettings.local(elasticsearch.url()).withIndexPrefix(PREFIX);
    }

    @AfterAll
    static void stop() throws Exception {
        if (elasticsearch != null) {
            elasticsearch.close();
        }
    }

    @Test
    void olderIndexIsReindexedWhileWritesGoOnAndTheAliasSwitches() throws Exception {
        ObjectMapper json = DocumentMapper.create();
        String alias = PREFIX + "-listings";
        String v1 = alias + "-v1";
        try (ElasticsearchClient client = ElasticsearchClients.create(settings, json)) {
            createFirstLayoutIndex(client, json, v1, alias);
            List<AssessedListing> old = TestListings.listings(OLD);
            for (int from = 0; from < OLD; from += 2_000) {
                int start = from;
                BulkResponse r = client.bulk(b -> {
                    for (AssessedListing a : old.subList(start, Math.min(OLD, start + 2_000))) {
                        ObjectNode doc = json.valueToTree(ListingDocument.of(a));
                        doc.remove(ListingDocument.FIELD_ID_SORT); // the first layout had none of these
                        doc.remove(ListingDocument.FIELD_SELLER_KEY);
                        ((ObjectNode) doc.path("details")).remove("images");
                        b.operations(op -> op.index(i -> i.index(alias).id(a.listing().id()).document(doc)));
                    }
                    return b;
                });
                assertTrue(!r.errors(), () -> "the first layout takes its own documents: " + r.items().stream()
                        .filter(it -> it.error() != null).findFirst().map(it -> it.error().reason()).orElse(""));
            }
            client.indices().refresh(r -> r.index(alias));

            try (ElasticsearchListingStore store = new ElasticsearchListingStore(settings,
                    Files.createTempDirectory("mg-migrate-spool"))) {
                // the first call finds v1 behind the alias and starts the re-index; writes go on
                store.search(new ListingQuery(null, null, null, null, null, 1, null));
                List<AssessedListing> rescored = new ArrayList<>();
                for (int i = 0; i < OLD; i += 37) {
                    AssessedListing a = old.get(i);
                    rescored.add(new AssessedListing(a.listing(), List.of(new Finding("migration-check", "2.0.0",
                            FindingKind.TRADEMARK, "check-" + i, 0.9, List.of("rescored during re-index"), List.of())),
                            0.9));
                }
                for (int i = 0; i < rescored.size(); i += 50) {
                    store.updateFindings(rescored.subList(i, Math.min(rescored.size(), i + 50)));
                }
                for (int i = 0; i < NEW; i++) {
                    store.store(TestListings.listing(OLD + i));
                }
                long copied = store.migration().get(5, TimeUnit.MINUTES);
                assertTrue(copied >= OLD, "every old document copied: " + copied);
                store.refresh();

                Map<String, ?> targets = client.indices().getAlias(a -> a.name(alias)).aliases();
                assertEquals(Set.of(alias + "-v" + IndexLayout.VERSION), targets.keySet(), "the alias switched");
                long inNew = client.count(c -> c.index(alias + "-v" + IndexLayout.VERSION)).count();
                assertEquals(OLD + NEW, inNew, "old and new listings, each once");
                long withSort = client.count(c -> c.index(alias).query(q -> q.exists(e -> e.field(
                        ListingDocument.FIELD_ID_SORT)))).count();
                assertEquals(OLD + NEW, withSort, "every document upgraded with its numeric tie-breaker");
                long withKey = client.count(c -> c.index(alias).query(q -> q.exists(e -> e.field(
                        ListingDocument.FIELD_SELLER_KEY)))).count();
                assertEquals(OLD + NEW, withKey, "every document upgraded with its seller key");
                for (AssessedListing r : rescored) {
                    var got = store.get(r.listing().id()).orElseThrow();
                    assertEquals("migration-check", got.findings().get(0).detectorId(),
                            "an update written during the re-index is not lost: " + r.listing().id());
                }

                Set<String> seen = new HashSet<>();
                ListingQuery q = new ListingQuery(null, null, null, null, null, ListingQuery.MAX_SIZE, null);
                while (true) {
                    ListingPage page = store.search(q);
                    for (AssessedListing a : page.items()) {
                        assertTrue(seen.add(a.listing().id()), "paged twice: " + a.listing().id());
                    }
                    if (page.next() == null) {
                        break;
                    }
                    q = q.after(page.next());
                }
                assertEquals(OLD + NEW, seen.size(), "cursor paging in the new order visits every listing");
            }
        }
    }

    private static void createFirstLayoutIndex(ElasticsearchClient client, ObjectMapper json, String index,
                                               String alias) throws Exception {
        ObjectNode definition = (ObjectNode) json.readTree(IndexLayout.definitionJson());
        ObjectNode properties = (ObjectNode) definition.path("mappings").path("properties");
        properties.remove(ListingDocument.FIELD_ID_SORT);
        properties.remove(ListingDocument.FIELD_SELLER_KEY);
        ((ObjectNode) properties.path("details").path("properties")).remove("images");
        var mapper = client._jsonpMapper();
        client.indices().create(c -> c.index(index)
                .withJson(mapper.jsonProvider().createParser(new java.io.StringReader(definition.toString())), mapper)
                .aliases(alias, a -> a.isWriteIndex(true)));
    }
}

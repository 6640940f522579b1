package org.markguard.benchmarks.search;

import static org.markguard.benchmarks.search.EsSearchBodies.BY_RISK;
import static org.markguard.benchmarks.search.EsSearchBodies.BY_SCORE;
import static org.markguard.benchmarks.search.EsSearchBodies.BY_TIME;
import static org.markguard.benchmarks.search.EsSearchBodies.captureDays;
import static org.markguard.benchmarks.search.EsSearchBodies.risk;
import static org.markguard.benchmarks.search.EsSearchBodies.search;
import static org.markguard.benchmarks.search.EsSearchBodies.statusOpen;
import static org.markguard.benchmarks.search.EsSearchBodies.term;
import static org.markguard.benchmarks.search.EsSearchBodies.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

/** The faceted searches an analyst runs all day, each with facets on as the workbench asks for them. */
final class WorkbenchQueries {
    /** The open review queue, riskiest first: what the workbench opens on for an analyst. */
    static final WorkbenchQuery OPEN_QUEUE = new WorkbenchQuery("open queue by risk",
            "flagged=true&status=OPEN&sort=risk&facets=true",
            search(20, List.of(term("flagged", true), statusOpen()), null, BY_RISK, true, null));

    private WorkbenchQueries() {
    }

    /** The page-1 queries (the cursor query is made from the open queue's first page). */
    static List<WorkbenchQuery> firstPages() {
        LocalDate march = LocalDate.of(2026, 3, 1);
        return List.of(
                new WorkbenchQuery("q=nuoc mam phu quoc", "q=nuoc+mam+phu+quoc&facets=true&size=20",
                        search(20, List.of(), text("nuoc mam phu quoc"), BY_SCORE, true, null)),
                OPEN_QUEUE,
                new WorkbenchQuery("platform=shopee, risk=HIGH", "platform=shopee&risk=HIGH&facets=true",
                        search(20, List.of(term("platform", "shopee"), risk(0.7, 1.01)), null, BY_TIME, true, null)),
                new WorkbenchQuery("q=gucci, kind=TRADEMARK, March",
                        "q=gucci&kind=TRADEMARK&facets=true&from=2026-03-01&to=2026-03-31",
                        search(20, List.of(term("findings.kind", "TRADEMARK"), captureDays(march, march.plusMonths(1).minusDays(1))),
                                text("gucci"), BY_SCORE, true, null)),
                new WorkbenchQuery("everything, newest first", "facets=true",
                        search(20, List.of(), null, BY_TIME, true, null)));
    }

    /**
     * Page 2 of the open queue: the REST form passes the cursor as {@code after}; the direct form
     * sends the cursor's sort values as {@code search_after}, as the store does (SearchCursor:
     * base64url of {@code {"o":"risk","v":[risk, id]}}).
     */
    static WorkbenchQuery openQueuePage2(String cursor) throws IOException {
        JsonNode decoded = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(cursor));
        if (!"risk".equals(decoded.path("o").asText())) {
            throw new IllegalStateException("not a risk-order cursor: " + decoded);
        }
        return new WorkbenchQuery("open queue, page 2 (cursor)",
                OPEN_QUEUE.restQuery() + "&after=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8),
                search(20, List.of(term("flagged", true), statusOpen()), null, BY_RISK, true, decoded.get("v").toString()));
    }
}

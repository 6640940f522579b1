package org.markguard.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.markguard.api.BackfillService;
import org.markguard.api.BackfillStatus;
import org.markguard.api.CrawlState;
import org.markguard.api.DetectionService;
import org.markguard.api.DetectorInfo;
import org.markguard.api.ListingStore;
import org.markguard.api.RegistryException;
import org.markguard.api.RegistryService;

/** {@code /health}, {@code /detectors} and {@code /registry/*}. */
final class SystemRoutes {
    private final ListingStore store;
    private final DetectionService detection;
    private final RegistryService registries;
    private final BackfillService backfill;

    SystemRoutes(ListingStore store, DetectionService detection, RegistryService registries, BackfillService backfill) {
        this.store = store;
        this.detection = detection;
        this.registries = registries;
        this.backfill = backfill;
    }

    /** The detectors, each with the end of the last finished backfill that ran it. */
    private List<ObjectNode> detectors() {
        List<BackfillStatus> runs = backfill.history();
        return detection.detectors().stream().map(d -> {
            ObjectNode node = Json.MAPPER.valueToTree(d);
            runs.stream().filter(b -> b.finishedAt() != null && b.state() == CrawlState.FINISHED
                    && b.detectors().contains(d.id())).findFirst()
                    .ifPresentOrElse(b -> node.put("lastBackfill", b.finishedAt().toString()), () -> node.putNull("lastBackfill"));
            return node;
        }).toList();
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/health", Role.ANY, r -> health()),
                new Route("GET", "/detectors", Role.ANY, r -> detectors()),
                new Route("GET", "/detectors/backfill", Role.ANY, r -> backfill.history()),
                new Route("POST", "/detectors/backfill", Role.ADMIN_ONLY,
                        r -> new Route.Reply(202, backfill.start("requested through the API"))),
                new Route("GET", "/registry/brands", Role.ANY, r -> Json.MAPPER.createObjectNode()
                        .set("brands", Json.MAPPER.valueToTree(registries.current().brands()))),
                new Route("GET", "/registry/indications", Role.ANY, r -> Json.MAPPER.createObjectNode()
                        .set("indications", Json.MAPPER.valueToTree(registries.current().indications()))),
                new Route("PUT", "/registry/brands", Role.ADMIN_ONLY,
                        r -> replaced("brands", replace(() -> registries.replaceBrands(r.body())))),
                new Route("PUT", "/registry/indications", Role.ADMIN_ONLY,
                        r -> replaced("indications", replace(() -> registries.replaceIndications(r.body())))));
    }

    private ObjectNode health() {
        String es = store.health();
        List<DetectorInfo> active = detection.detectors().stream().filter(d -> "ACTIVE".equals(d.state())).toList();
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("status", "green".equals(es) || "yellow".equals(es) ? "UP" : "DEGRADED");
        out.put("elasticsearch", es);
        out.put("spooled", store.pending()); // listings waiting on disk for Elasticsearch
        var list = out.putArray("detectors");
        for (DetectorInfo d : active) {
            list.addObject().put("id", d.id()).put("version", d.version()).put("name", d.name());
        }
        return out;
    }

    private interface Replacement {
        int run() throws RegistryException;
    }

    private static int replace(Replacement r) {
        try {
            return r.run();
        } catch (RegistryException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static ObjectNode replaced(String what, int count) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("registry", what);
        out.put("entries", count);
        return out;
    }
}

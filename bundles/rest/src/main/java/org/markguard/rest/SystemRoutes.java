package org.markguard.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
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

    SystemRoutes(ListingStore store, DetectionService detection, RegistryService registries) {
        this.store = store;
        this.detection = detection;
        this.registries = registries;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/health", Role.ANY, r -> health()),
                new Route("GET", "/detectors", Role.ANY, r -> detection.detectors()),
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

package org.markguard.rest;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.markguard.api.EvidenceRequest;
import org.markguard.api.EvidenceService;
import org.markguard.api.EvidenceStatus;
import org.markguard.api.ListingQuery;

/**
 * {@code /evidence}: evidence packets, built in the background (roles enforcement and admin); the
 * server's public evidence key is public to every role (docs/evidence.md).
 */
final class EvidenceRoutes {
    static final Set<Role> EXPORTERS = EnumSet.of(Role.ENFORCEMENT, Role.ADMIN);

    /** Body of {@code POST /evidence}: one of listingIds, sellerId (a seller key) or query (search parameters). */
    record Body(List<String> listingIds, String sellerId, Map<String, String> query, Boolean recapture,
                List<String> languages, String note) {
    }

    private final EvidenceService evidence;
    private final org.markguard.api.AuditTrail audit;

    EvidenceRoutes(EvidenceService evidence, org.markguard.api.AuditTrail audit) {
        this.evidence = evidence;
        this.audit = audit;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/evidence/key", Role.ANY, r -> new Route.Raw(200, "application/x-pem-file",
                        evidence.publicKeyPem().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        Map.of("Content-Disposition", "inline; filename=\"markguard-evidence-key.pub\""))),
                new Route("POST", "/evidence", EXPORTERS, this::export, Route.AUDITED_BY_HANDLER),
                new Route("GET", "/evidence", EXPORTERS, r -> evidence.list()),
                new Route("GET", "/evidence/{id}", EXPORTERS, r -> status(r.path("id"))),
                new Route("GET", "/evidence/{id}/packet", EXPORTERS, this::packet));
    }

    private Object export(ApiRequest r) {
        Body body = Json.read(r.body(), Body.class);
        ListingQuery query = null;
        if (body.query() != null) {
            ListingParams.check(body.query());
            query = ListingParams.parse(body.query()::get);
        }
        EvidenceRequest request;
        try {
            request = new EvidenceRequest(body.listingIds(), body.sellerId(), query,
                    Boolean.TRUE.equals(body.recapture()), body.languages(), body.note());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        EvidenceStatus started = evidence.export(request, r.caller().user());
        return new Route.Reply(202, started);
    }

    private EvidenceStatus status(String id) {
        return evidence.status(id).orElseThrow(() -> ApiException.notFound("no evidence packet '" + id + "'"));
    }

    private Object packet(ApiRequest r) throws Exception {
        EvidenceStatus s = status(r.path("id"));
        if (!EvidenceStatus.READY.equals(s.state())) {
            throw new ApiException(409, "packet " + s.id() + " is " + s.state() + (s.message() == null || s.message().isEmpty()
                    ? "" : ": " + s.message()));
        }
        Path zip = evidence.packet(s.id()).orElseThrow(() -> ApiException.notFound("packet file of " + s.id() + " is gone"));
        audit.record(r.caller().user(), "export.downloaded", s.id(), s.bytes() + " bytes, sha256 " + s.sha256());
        return new Route.Download(zip, "application/zip",
                Map.of("Content-Disposition", "attachment; filename=\"" + s.id() + ".zip\"", "X-Content-SHA256", s.sha256()));
    }
}

package org.markguard.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.markguard.api.CrawlService;
import org.markguard.api.SourceDefinition;
import org.markguard.api.SourceService;
import org.markguard.api.SourceSecrets;

/** {@code /sources} and {@code /crawls}: what to crawl and how crawls go. Admin only. */
final class SourceRoutes {
    private final SourceService sources;
    private final CrawlService crawls;

    SourceRoutes(SourceService sources, CrawlService crawls) {
        this.sources = sources;
        this.crawls = crawls;
    }

    /** The body of {@code POST /sources}; absent numbers take the documented defaults. */
    record SourceRequest(String name, String platform, List<String> seeds, List<String> allowedHosts,
                         Integer maxDepth, Integer maxPages, Integer politenessDelayMs,
                         List<String> includePatterns, List<String> excludePatterns, String userAgent,
                         Integer threads, Boolean render, Integer renderBudget, Integer renderTimeoutMs,
                         String schedule, Map<String, String> headers, Map<String, String> cookies) {
    }

    /** A source as the API shows it: secrets by name only, never their values. */
    static ObjectNode view(SourceDefinition s) {
        ObjectNode node = Json.MAPPER.valueToTree(s);
        node.remove("secrets");
        node.set("headerNames", Json.MAPPER.valueToTree(s.secrets().headers().keySet().stream().sorted().toList()));
        node.set("cookieNames", Json.MAPPER.valueToTree(s.secrets().cookies().keySet().stream().sorted().toList()));
        return node;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/sources", Role.ADMIN_ONLY, r -> sources.list().stream().map(SourceRoutes::view).toList()),
                new Route("POST", "/sources", Role.ADMIN_ONLY, this::create),
                new Route("GET", "/sources/{id}", Role.ADMIN_ONLY, r -> sources.get(r.path("id")).map(SourceRoutes::view)
                        .orElseThrow(() -> ApiException.notFound("no source with id '" + r.path("id") + "'"))),
                new Route("POST", "/sources/{id}/crawls", Role.ADMIN_ONLY, this::startCrawl),
                new Route("GET", "/crawls", Role.ADMIN_ONLY, r -> crawls.list()),
                new Route("GET", "/crawls/{id}", Role.ADMIN_ONLY, r -> crawls.status(r.path("id"))
                        .orElseThrow(() -> ApiException.notFound("no crawl with id '" + r.path("id") + "'"))),
                new Route("GET", "/crawls/{id}/failures", Role.ADMIN_ONLY, r -> {
                    crawls.status(r.path("id"))
                            .orElseThrow(() -> ApiException.notFound("no crawl with id '" + r.path("id") + "'"));
                    return crawls.failures(r.path("id"));
                }),
                new Route("POST", "/crawls/{id}/stop", Role.ADMIN_ONLY, r -> crawls.stop(r.path("id"))
                        .orElseThrow(() -> ApiException.notFound("no crawl with id '" + r.path("id") + "'"))),
                new Route("POST", "/crawls/{id}/pause", Role.ADMIN_ONLY, r -> pauseOrResume(r.path("id"), true)),
                new Route("POST", "/crawls/{id}/resume", Role.ADMIN_ONLY, r -> pauseOrResume(r.path("id"), false)));
    }

    /** 404 for an unknown crawl, 409 when it is not in the state the action needs. */
    private Object pauseOrResume(String id, boolean pause) {
        try {
            return (pause ? crawls.pause(id) : crawls.resume(id))
                    .orElseThrow(() -> ApiException.notFound("no crawl with id '" + id + "'"));
        } catch (IllegalStateException e) {
            throw new ApiException(409, e.getMessage());
        } catch (UnsupportedOperationException e) {
            throw new ApiException(501, e.getMessage());
        }
    }

    private Object create(ApiRequest r) {
        SourceRequest body = Json.read(r.body(), SourceRequest.class);
        SourceDefinition created = sources.create(new SourceDefinition(null, body.name(), body.platform(),
                body.seeds(), body.allowedHosts(), orDefault(body.maxDepth(), 5), orDefault(body.maxPages(), 10_000),
                orDefault(body.politenessDelayMs(), 1_000), body.includePatterns(), body.excludePatterns(),
                body.userAgent(), orDefault(body.threads(), SourceDefinition.DEFAULT_THREADS),
                Boolean.TRUE.equals(body.render()), orDefault(body.renderBudget(), SourceDefinition.DEFAULT_RENDER_BUDGET),
                orDefault(body.renderTimeoutMs(), SourceDefinition.DEFAULT_RENDER_TIMEOUT_MS), body.schedule(),
                new SourceSecrets(body.headers(), body.cookies())));
        return new Route.Reply(201, view(created));
    }

    private Object startCrawl(ApiRequest r) {
        String id = r.path("id");
        if (sources.get(id).isEmpty()) {
            throw ApiException.notFound("no source with id '" + id + "'");
        }
        try {
            return new Route.Reply(202, crawls.start(id));
        } catch (IllegalStateException e) {
            throw new ApiException(409, e.getMessage());
        }
    }

    private static int orDefault(Integer value, int dflt) {
        return value == null ? dflt : value;
    }
}

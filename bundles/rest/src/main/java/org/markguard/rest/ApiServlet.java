package org.markguard.rest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.markguard.api.BackfillService;
import org.markguard.api.CrawlService;
import org.markguard.api.DetectionService;
import org.markguard.api.ListingStore;
import org.markguard.api.RegistryService;
import org.markguard.api.SourceService;
import org.markguard.api.StoreException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole {@code /api/v1} API as one whiteboard servlet: authenticates every request (HTTP Basic
 * against Karaf JAAS), checks the route's roles, and writes JSON. Routes live in small
 * {@code *Routes} classes, one per resource.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/api/v1/*",
        "osgi.http.whiteboard.servlet.name=markguard-api"})
public class ApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);
    private static final Logger AUDIT = LoggerFactory.getLogger("org.markguard.audit");

    private final transient List<Route> routes = new ArrayList<>();
    private final transient Authenticator authenticator;

    @Activate
    public ApiServlet(@Reference ListingStore store, @Reference DetectionService detection,
                      @Reference RegistryService registries, @Reference SourceService sources,
                      @Reference CrawlService crawls, @Reference BackfillService backfill) {
        this(new JaasAuthenticator("karaf"), store, detection, registries, sources, crawls, backfill);
    }

    ApiServlet(Authenticator authenticator, ListingStore store, DetectionService detection,
               RegistryService registries, SourceService sources, CrawlService crawls, BackfillService backfill) {
        this.authenticator = authenticator;
        routes.addAll(new SystemRoutes(store, detection, registries, backfill).routes());
        routes.addAll(new SourceRoutes(sources, crawls).routes());
        routes.addAll(new ListingRoutes(store, detection).routes());
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        try {
            Caller caller = authenticate(req).orElse(null);
            if (caller == null) {
                resp.setHeader("WWW-Authenticate", "Basic realm=\"markguard\", charset=\"UTF-8\"");
                throw new ApiException(401, "authentication required");
            }
            Route route = null;
            Map<String, String> params = null;
            boolean pathKnown = false;
            for (Route r : routes) {
                Map<String, String> p = r.match(path);
                if (p != null) {
                    pathKnown = true;
                    if (r.method().equals(req.getMethod())) {
                        route = r;
                        params = p;
                        break;
                    }
                }
            }
            if (route == null) {
                throw pathKnown ? new ApiException(405, req.getMethod() + " is not allowed on " + path)
                        : ApiException.notFound("no such endpoint: " + path);
            }
            if (!caller.hasAny(route.roles())) {
                AUDIT.warn("denied user={} method={} path={}", caller.user(), req.getMethod(), path);
                throw new ApiException(403, "user '" + caller.user() + "' lacks a role for " + req.getMethod()
                        + " " + path + " (needs one of " + route.roles().stream().map(Role::principalName).toList() + ")");
            }
            Object result = route.handler().handle(new ApiRequest(req, caller, params));
            if (result instanceof Route.Reply reply) {
                write(resp, reply.status(), reply.body());
            } else {
                write(resp, 200, result);
            }
        } catch (ApiException e) {
            write(resp, e.status(), error(e.status(), e.getMessage()));
        } catch (IllegalArgumentException e) {
            write(resp, 400, error(400, e.getMessage()));
        } catch (StoreException e) {
            LOG.warn("{} {}: store unavailable: {}", req.getMethod(), path, e.getMessage());
            write(resp, 503, error(503, "listing store unavailable: " + e.getMessage()));
        } catch (Exception e) {
            LOG.error("{} {} failed", req.getMethod(), path, e);
            write(resp, 500, error(500, "internal error; see the server log"));
        }
    }

    private Optional<Caller> authenticate(HttpServletRequest req) {
        String header = req.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return authenticator.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray());
    }

    private static Map<String, Object> error(int status, String message) {
        return Map.of("status", status, "error", message == null ? "" : message);
    }

    private static void write(HttpServletResponse resp, int status, Object body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json; charset=utf-8");
        Json.MAPPER.writeValue(resp.getOutputStream(), body);
    }
}

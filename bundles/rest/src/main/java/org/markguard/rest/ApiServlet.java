package org.markguard.rest;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import javax.servlet.Servlet;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.markguard.api.AuditTrail;
import org.markguard.api.BackfillService;
import org.markguard.api.CaptureStore;
import org.markguard.api.CrawlService;
import org.markguard.api.DetectionService;
import org.markguard.api.ListingStore;
import org.markguard.api.EvidenceService;
import org.markguard.api.ProductTaxonomy;
import org.markguard.api.Reports;
import org.markguard.api.RegistryService;
import org.markguard.api.ReviewService;
import org.markguard.api.SellerDirectory;
import org.markguard.api.SourceService;
import org.markguard.api.StoreException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole {@code /api/v1} API as one whiteboard servlet: authenticates every request (a UI
 * session cookie, or HTTP Basic against Karaf JAAS), guards state-changing requests against
 * cross-site forgery, checks the route's roles, audits what changes state, and writes JSON. Routes
 * live in small {@code *Routes} classes, one per resource.
 */
@Component(service = Servlet.class, configurationPid = "org.markguard.rest",
        configurationPolicy = ConfigurationPolicy.OPTIONAL, property = {
        "osgi.http.whiteboard.servlet.pattern=/api/v1/*",
        "osgi.http.whiteboard.servlet.name=markguard-api"})
@Designate(ocd = RestConfig.class)
public class ApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);

    private final transient List<Route> routes = new ArrayList<>();
    private final transient Authenticator authenticator;
    private final transient Sessions sessions;
    private final transient AuditTrail audit;
    private final transient SessionRoutes sessionRoutes;

    @Activate
    public ApiServlet(@Reference ListingStore store, @Reference DetectionService detection,
                      @Reference RegistryService registries, @Reference SourceService sources,
                      @Reference CrawlService crawls, @Reference BackfillService backfill,
                      @Reference ReviewService reviews, @Reference SellerDirectory sellers,
                      @Reference CaptureStore captures, @Reference AuditTrail audit,
                      @Reference ProductTaxonomy taxonomy, @Reference Reports reports, @Reference EvidenceService evidence,
                      BundleContext context, RestConfig config) {
        this(new CachedAuthenticator(new JaasAuthenticator(JaasUsers.REALM),
                        Duration.ofSeconds(config.basicLoginCacheSeconds()), System::nanoTime), new JaasUsers(context),
                new Services(store, detection, registries, sources, crawls, backfill, reviews, sellers, captures, audit,
                        taxonomy, reports, evidence),
                new Sessions(Duration.ofMinutes(Math.max(1, config.sessionIdleMinutes())), Clock.systemUTC()),
                Path.of(config.savedSearchDirectory().replace("${karaf.data}",
                        System.getProperty("karaf.data", System.getProperty("java.io.tmpdir")))));
    }

    ApiServlet(Authenticator authenticator, JaasUsers users, Services s, Sessions sessions, Path savedSearches) {
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.audit = s.audit();
        this.sessionRoutes = new SessionRoutes(authenticator, sessions, s.audit());
        routes.addAll(sessionRoutes.routes());
        routes.addAll(new SystemRoutes(s.store(), s.detection(), s.registries(), s.backfill()).routes());
        routes.addAll(new SourceRoutes(s.sources(), s.crawls()).routes());
        routes.addAll(new ReviewRoutes(s.reviews(), users, s.audit()).routes());
        routes.addAll(new ListingRoutes(s.store(), s.detection(), s.captures()).routes());
        routes.addAll(new SellerRoutes(s.sellers(), s.detection()).routes());
        routes.addAll(new SavedSearchRoutes(new SavedSearches(savedSearches)).routes());
        routes.addAll(new UserRoutes(users, sessions, authenticator).routes());
        routes.addAll(new AuditRoutes(s.audit()).routes());
        routes.addAll(new ReportRoutes(s.reports(), s.audit()).routes());
        routes.addAll(new EvidenceRoutes(s.evidence(), s.audit()).routes());
        routes.addAll(new TakedownRoutes(s.store(), s.registries(), s.captures(), s.audit()).routes());
        routes.add(new Route("GET", "/product-groups", Role.ANY, r -> s.taxonomy().groups()));
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        long start = System.nanoTime();
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("Referrer-Policy", "no-referrer");
        resp.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        String user = "-";
        try {
            if ("POST".equals(req.getMethod()) && SessionRoutes.PATH.equals(path)) {
                sameOriginOrFail(req);
                write(resp, 200, sessionRoutes.login(req, resp));
                return;
            }
            Authenticated who = authenticate(req).orElse(null);
            if (who == null) {
                if (!isBrowserScript(req)) { // a script's fetch must not open the browser's Basic dialog
                    resp.setHeader("WWW-Authenticate", "Basic realm=\"markguard\", charset=\"UTF-8\"");
                }
                throw new ApiException(401, "authentication required");
            }
            Caller caller = who.caller();
            user = caller.user();
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
            if (route.changesState()) {
                if (who.session() != null) {
                    if (!Sessions.sameToken(who.session().csrfToken(), req.getHeader(Sessions.CSRF_HEADER))) {
                        deny(user, req, path, "CSRF token missing or wrong");
                        throw new ApiException(403, "CSRF token missing or wrong: send the session's csrfToken in "
                                + Sessions.CSRF_HEADER);
                    }
                } else {
                    sameOriginOrFail(req);
                }
            }
            if (!caller.hasAny(route.roles())) {
                deny(user, req, path, "role");
                throw new ApiException(403, "user '" + caller.user() + "' lacks a role for " + req.getMethod()
                        + " " + path + " (needs one of " + route.roles().stream().map(Role::principalName).toList() + ")");
            }
            ApiRequest request = new ApiRequest(req, resp, caller, params);
            Object result = route.handler().handle(request);
            if (route.changesState() && !Route.AUDITED_BY_HANDLER.equals(route.auditAction())) {
                audit.record(user, route.auditAction(), path, "");
            }
            if (result instanceof Route.Download d) {
                d.headers().forEach(resp::setHeader);
                resp.setStatus(200);
                resp.setContentType(d.contentType());
                resp.setContentLengthLong(java.nio.file.Files.size(d.file()));
                java.nio.file.Files.copy(d.file(), resp.getOutputStream());
            } else if (result instanceof Route.Raw raw) {
                raw.headers().forEach(resp::setHeader);
                resp.setStatus(raw.status());
                resp.setContentType(raw.contentType());
                resp.getOutputStream().write(raw.body());
            } else if (result instanceof Route.Reply reply) {
                write(resp, reply.status(), reply.body());
            } else {
                byte[] json = Json.MAPPER.writeValueAsBytes(result);
                resp.setHeader("Server-Timing", serverTiming(request.storeNanos(), System.nanoTime() - start));
                send(resp, 200, json);
            }
        } catch (ApiException e) {
            write(resp, e.status(), error(e.status(), e.getMessage()));
        } catch (IllegalArgumentException e) {
            write(resp, 400, error(400, e.getMessage()));
        } catch (NoSuchElementException e) {
            write(resp, 404, error(404, e.getMessage()));
        } catch (StoreException e) {
            LOG.warn("{} {}: store unavailable: {}", req.getMethod(), path, e.getMessage());
            write(resp, 503, error(503, "listing store unavailable: " + e.getMessage()));
        } catch (Exception e) {
            LOG.error("{} {} failed", req.getMethod(), path, e);
            write(resp, 500, error(500, "internal error; see the server log"));
        }
    }

    private void deny(String user, HttpServletRequest req, String path, String why) {
        LOG.warn("denied user={} method={} path={} ({})", user, req.getMethod(), path, why);
        audit.record(user, "access.denied", req.getMethod() + " " + path, why);
    }

    /** Who is calling, and through which session when it is a UI login. */
    record Authenticated(Caller caller, Sessions.Session session) {
    }

    private Optional<Authenticated> authenticate(HttpServletRequest req) {
        String token = sessionCookie(req);
        if (token != null) {
            Optional<Sessions.Session> session = sessions.find(token);
            if (session.isPresent()) {
                return Optional.of(new Authenticated(session.get().caller(), session.get()));
            }
        }
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
        return authenticator.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray())
                .map(c -> new Authenticated(c, null));
    }

    static String sessionCookie(HttpServletRequest req) {
        Cookie[] cookies = req.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (Sessions.COOKIE.equals(c.getName())) {
                    return c.getValue();
                }
            }
        }
        return null;
    }

    /**
     * Browsers send Basic credentials they have cached with any request, also one a hostile page
     * makes them send: a state-changing request the browser marks as cross-site is refused.
     */
    static void sameOriginOrFail(HttpServletRequest req) {
        if ("cross-site".equalsIgnoreCase(req.getHeader("Sec-Fetch-Site"))) {
            throw new ApiException(403, "cross-site request refused");
        }
        String origin = req.getHeader("Origin");
        if (origin != null && !origin.equals("null")) {
            String host = req.getHeader("Host");
            String originHost;
            try {
                URI uri = URI.create(origin);
                originHost = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            } catch (IllegalArgumentException e) {
                originHost = "";
            }
            if (host == null || !host.equalsIgnoreCase(originHost)) {
                throw new ApiException(403, "cross-origin request refused (Origin " + origin + ")");
            }
        } else if ("null".equals(origin)) {
            throw new ApiException(403, "request from an opaque origin refused");
        }
    }

    private static boolean isBrowserScript(HttpServletRequest req) {
        String mode = req.getHeader("Sec-Fetch-Mode");
        return "cors".equalsIgnoreCase(mode) || "same-origin".equalsIgnoreCase(mode);
    }

    private static Map<String, Object> error(int status, String message) {
        return Map.of("status", status, "error", message == null ? "" : message);
    }

    static void write(HttpServletResponse resp, int status, Object body) throws IOException {
        send(resp, status, status == 204 ? null : Json.MAPPER.writeValueAsBytes(body));
    }

    /**
     * Written whole, then sent in one write with its length: streaming into the servlet stream
     * flushed every 8 KB through Jetty in chunked encoding (7 % of a search's CPU).
     */
    private static void send(HttpServletResponse resp, int status, byte[] json) throws IOException {
        resp.setStatus(status);
        if (status == 204) {
            return;
        }
        resp.setContentType("application/json; charset=utf-8");
        resp.setContentLength(json.length);
        resp.getOutputStream().write(json);
    }

    /**
     * The W3C Server-Timing value of an answer: milliseconds waited on the listing store (when the
     * route asked it) and in the server altogether, the answer's JSON written; the search
     * benchmark reads it to tell the REST layer's own time from the network's.
     */
    static String serverTiming(long storeNanos, long totalNanos) {
        String app = "app;dur=" + millis(totalNanos);
        return storeNanos < 0 ? app : "store;dur=" + millis(storeNanos) + ", " + app;
    }

    private static String millis(long nanos) {
        return java.math.BigDecimal.valueOf(nanos / 10_000, 2).toPlainString(); // 0.01 ms
    }
}

package org.markguard.workbench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;

/**
 * Serves the workbench's static files at {@code /ui/*} and sends {@code /} there. It never touches
 * data: the pages fetch everything from {@code /api/v1}, so loading them needs no login.
 *
 * <p>The pattern {@code /} makes this the default servlet of the whiteboard context: it answers every
 * path no other servlet claims, with 404 unless the path is the root.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/ui/*",
        "osgi.http.whiteboard.servlet.pattern=/",
        "osgi.http.whiteboard.servlet.name=markguard-workbench"})
public class WorkbenchServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** Sent with every answer: only our own files may run or style the page; nothing may frame it. */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer");

    static final String UI = "/ui";

    private final transient StaticFiles files;

    public WorkbenchServlet() {
        this(new StaticFiles("web", name -> WorkbenchServlet.class.getClassLoader().getResource(name)));
    }

    WorkbenchServlet(StaticFiles files) {
        this.files = files;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        SECURITY_HEADERS.forEach(resp::setHeader);
        String method = req.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            resp.setHeader("Allow", "GET, HEAD");
            plain(resp, 405, "method not allowed", false);
            return;
        }
        boolean head = "HEAD".equals(method);
        // the container splits the path differently for /ui/* and for the default servlet; join it
        String path = nullToEmpty(req.getServletPath()) + nullToEmpty(req.getPathInfo());
        if (path.isEmpty() || path.equals("/") || path.equals(UI)) {
            resp.setHeader("Cache-Control", "no-store");
            resp.setStatus(302);
            resp.setHeader("Location", nullToEmpty(req.getContextPath()) + UI + "/");
            return;
        }
        if (!path.startsWith(UI + "/")) {
            plain(resp, 404, "not found", head);
            return;
        }
        Optional<StaticFiles.Asset> asset = files.find(path.substring(UI.length()));
        if (asset.isEmpty()) {
            plain(resp, 404, "not found", head);
            return;
        }
        send(req, resp, asset.get(), head);
    }

    private static void send(HttpServletRequest req, HttpServletResponse resp, StaticFiles.Asset asset, boolean head)
            throws IOException {
        // revalidate every time: a new bundle must show at once, and a 304 costs one round trip
        resp.setHeader("Cache-Control", "no-cache");
        resp.setHeader("ETag", asset.etag());
        if (matches(req.getHeader("If-None-Match"), asset.etag())) {
            resp.setStatus(304);
            return;
        }
        resp.setStatus(200);
        resp.setContentType(asset.contentType());
        resp.setContentLength(asset.bytes().length);
        if (!head) {
            try (OutputStream out = resp.getOutputStream()) {
                out.write(asset.bytes());
            }
        }
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag));
    }

    private static void plain(HttpServletResponse resp, int status, String text, boolean head) throws IOException {
        byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentType("text/plain; charset=utf-8");
        resp.setContentLength(bytes.length);
        if (!head) {
            try (OutputStream out = resp.getOutputStream()) {
                out.write(bytes);
            }
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}

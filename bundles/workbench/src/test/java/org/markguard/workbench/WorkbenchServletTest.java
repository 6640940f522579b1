package org.markguard.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkbenchServletTest {
    private final WorkbenchServlet servlet = new WorkbenchServlet();

    private FakeHttp.Answer get(String servletPath, String pathInfo) throws Exception {
        return send("GET", servletPath, pathInfo, Map.of());
    }

    private FakeHttp.Answer send(String method, String servletPath, String pathInfo, Map<String, String> headers)
            throws Exception {
        FakeHttp.Answer answer = new FakeHttp.Answer();
        servlet.service(FakeHttp.request(method, servletPath, pathInfo, headers), answer.response());
        return answer;
    }

    private static void assertSecurityHeaders(FakeHttp.Answer a) {
        assertEquals("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
                + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'", a.header("Content-Security-Policy"));
        assertEquals("nosniff", a.header("X-Content-Type-Options"));
        assertEquals("no-referrer", a.header("Referrer-Policy"));
    }

    @Test
    void servesTheIndexAndModulesWithTheirTypes() throws Exception {
        FakeHttp.Answer index = get("/ui", "/");
        assertEquals(200, index.status);
        assertEquals("text/html; charset=utf-8", index.contentType);
        assertTrue(index.text().contains("<script type=\"module\" src=\"/ui/js/app.js\"></script>"), index.text());
        assertSecurityHeaders(index);
        assertEquals(Map.of(
                "/js/app.js", "text/javascript; charset=utf-8",
                "/css/app.css", "text/css; charset=utf-8",
                "/favicon.svg", "image/svg+xml",
                "/index.html", "text/html; charset=utf-8"), Map.of(
                "/js/app.js", get("/ui", "/js/app.js").contentType,
                "/css/app.css", get("/ui", "/css/app.css").contentType,
                "/favicon.svg", get("/ui", "/favicon.svg").contentType,
                "/index.html", get("/ui", "/index.html").contentType));
        FakeHttp.Answer module = get("/ui", "/js/pages/admin/users.js");
        assertEquals(200, module.status);
        assertEquals(String.valueOf(module.body.size()), module.header("Content-Length"));
    }

    @Test
    void rootAndBareUiRedirectToTheUi() throws Exception {
        for (String[] path : List.of(new String[] {"", null}, new String[] {"/", null}, new String[] {"/ui", null})) {
            FakeHttp.Answer a = get(path[0], path[1]);
            assertEquals(302, a.status, String.join("|", path[0]));
            assertEquals("/ui/", a.header("Location"));
            assertSecurityHeaders(a);
        }
    }

    @Test
    void nothingOutsideTheResourceFolderIsReachable() throws Exception {
        List<String> refused = List.of("/../WorkbenchServlet.class", "/js/../../org/markguard/workbench/StaticFiles.class",
                "/%2e%2e/x.js", "/..%2Fx.js", "/js/.hidden.js", "/js//app.js", "/js\\app.js", "/js/app.js/",
                "/js/app.js\u0000.html", "/META-INF/MANIFEST.MF", "/js", "/js/", "/nope.js", "/js/app.JS.map",
                "/org/markguard/workbench/WorkbenchServlet.class", "/" + "a".repeat(200) + ".js");
        for (String path : refused) {
            FakeHttp.Answer a = get("/ui", path);
            assertEquals(404, a.status, path);
            assertEquals("not found\n", a.text(), path);
            assertSecurityHeaders(a);
        }
        for (String other : List.of("/favicon.ico", "/api", "/uix/index.html", "/index.html")) {
            FakeHttp.Answer a = get(other, null);
            assertEquals(404, a.status, other);
            assertSecurityHeaders(a);
        }
    }

    @Test
    void relativePathsAreCheckedSegmentBySegment() {
        assertEquals(Optional.of("index.html"), StaticFiles.relative("/"));
        assertEquals(Optional.of("js/pages/search.js"), StaticFiles.relative("/js/pages/search.js"));
        assertEquals(Optional.empty(), StaticFiles.relative("js/app.js"));
        assertEquals(Optional.empty(), StaticFiles.relative("/js/..."));
        assertEquals(Optional.empty(), StaticFiles.relative("/README"));
        assertEquals(Optional.empty(), StaticFiles.relative("/x.class"));
    }

    @Test
    void etagsLetTheBrowserRevalidate() throws Exception {
        FakeHttp.Answer first = get("/ui", "/js/app.js");
        String etag = first.header("ETag");
        assertNotNull(etag);
        assertEquals("no-cache", first.header("Cache-Control"));
        FakeHttp.Answer again = send("GET", "/ui", "/js/app.js", Map.of("If-None-Match", "\"other\", " + etag));
        assertEquals(304, again.status);
        assertEquals(0, again.body.size());
        assertSecurityHeaders(again);
        assertEquals(200, send("GET", "/ui", "/js/app.js", Map.of("If-None-Match", "\"other\"")).status);
        assertTrue(!etag.equals(get("/ui", "/js/api.js").header("ETag")), "different files, different tags");
    }

    @Test
    void headHasNoBodyAndOtherMethodsAreRefused() throws Exception {
        FakeHttp.Answer head = send("HEAD", "/ui", "/js/app.js", Map.of());
        assertEquals(200, head.status);
        assertEquals(0, head.body.size());
        assertTrue(Integer.parseInt(head.header("Content-Length")) > 0);
        for (String method : List.of("POST", "PUT", "DELETE", "OPTIONS", "TRACE")) {
            FakeHttp.Answer a = send(method, "/ui", "/index.html", Map.of());
            assertEquals(405, a.status, method);
            assertEquals("GET, HEAD", a.header("Allow"));
            assertSecurityHeaders(a);
        }
    }
}

package org.markguard.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.markguard.api.Listing;

/** A real HTTP round trip against a server started on port 0. */
class DemoServerTest {
    private static DemoServer server;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        server = DemoServer.start("127.0.0.1", 0, 42, 200, RegistryLoader.bundled(), null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void servesRootRobotsLabelsAndListings() throws Exception {
        assertTrue(server.port() > 0);
        assertEquals("http://127.0.0.1:" + server.port() + "/", server.baseUrl());
        HttpResponse<String> root = get("/");
        assertEquals(200, root.statusCode());
        assertTrue(root.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(root.body().contains("href=\"/shopee/\""));
        assertEquals(NavigationPages.ROBOTS, get("/robots.txt").body());
        assertTrue(NavigationPages.ROBOTS.contains("Disallow: /private/\n"));

        HttpResponse<String> labels = get("/labels.json");
        assertEquals(200, labels.statusCode());
        JsonNode json = SafeJson.MAPPER.readTree(labels.body());
        assertEquals(42, json.path("seed").asLong());
        assertEquals(200, json.path("listings").size());
        for (JsonNode l : json.path("listings")) {
            String url = l.path("url").asText();
            assertTrue(url.startsWith(server.baseUrl()), url);
            assertEquals(Listing.idFor(url), l.path("id").asText());
        }
        for (int i = 0; i < 30; i++) {
            String url = json.path("listings").get(i).path("url").asText();
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Cookie", PrivateGroupStyle.COOKIE).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode(), url);
            assertTrue(page.body().contains("<link rel=\"canonical\" href=\"" + url + "\">"), url);
        }
    }

    @Test
    void answersNotFoundHeadAndMethodNotAllowed() throws Exception {
        assertEquals(404, get("/no/such/page").statusCode());
        HttpResponse<Void> head = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl()))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(200, head.statusCode());
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl()))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        assertEquals(200, get("/img/" + ListingGenerator.itemIdOf(0) + "-1.png").statusCode());
    }

    @Test
    void theCookieGateAndSessionPathsWorkOverHttp() throws Exception {
        assertEquals(403, get("/lab/private-group/").statusCode());
        HttpResponse<String> admitted = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "lab/private-group/"))
                .header("Cookie", "theme=dark; " + PrivateGroupStyle.COOKIE).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, admitted.statusCode());
        HttpResponse<String> session = get(CrawlerTraps.SESSION_PATH);
        assertEquals(200, session.statusCode());
        assertTrue(session.body().contains("/lab/s;jsessionid="));
        HttpResponse<byte[]> legacy = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                + LabPages.WINDOWS_1258_HEADER.substring(1))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("text/html; charset=windows-1258", legacy.headers().firstValue("Content-Type").orElse(""));
        HttpResponse<Void> redirect = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                + CrawlerTraps.REDIRECT_301.substring(1))).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(301, redirect.statusCode());
        assertEquals("/lab/redirect/301/2", redirect.headers().firstValue("Location").orElse(""));
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path.substring(1))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

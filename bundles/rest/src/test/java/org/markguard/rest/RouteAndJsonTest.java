package org.markguard.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteAndJsonTest {
    private final Route route = new Route("POST", "/sources/{id}/crawls", Role.ADMIN_ONLY, r -> null);

    @Test
    void matchesTemplatesAndExtractsParameters() {
        assertEquals(Map.of("id", "demo"), route.match("/sources/demo/crawls"));
        assertNull(route.match("/sources//crawls"));
        assertNull(route.match("/sources/demo"));
        assertNull(route.match("/sources/demo/crawls/x"));
    }

    @Test
    void serverTimingNamesTheStoreWaitOnlyWhenThereWasOne() {
        assertEquals("store;dur=3.45, app;dur=12.00", ApiServlet.serverTiming(3_456_789, 12_000_001));
        assertEquals("app;dur=0.00", ApiServlet.serverTiming(-1, 9_999));
    }

    @Test
    void unknownFieldsAreNamedWithTheKnownOnes() {
        ApiException e = assertThrows(ApiException.class, () -> Json.read(
                "{\"name\":\"a\",\"seedz\":[]}".getBytes(StandardCharsets.UTF_8), SourceRoutes.SourceRequest.class));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("'seedz'"), e.getMessage());
        assertTrue(e.getMessage().contains("seeds"), e.getMessage());
    }

    @Test
    void wrongTypesNameTheField() {
        ApiException e = assertThrows(ApiException.class, () -> Json.read(
                "{\"maxDepth\":\"deep\"}".getBytes(StandardCharsets.UTF_8), SourceRoutes.SourceRequest.class));
        assertTrue(e.getMessage().contains("maxDepth"), e.getMessage());
    }

    @Test
    void malformedJsonIsABadRequest() {
        ApiException e = assertThrows(ApiException.class, () -> Json.read(
                "{\"name\":".getBytes(StandardCharsets.UTF_8), SourceRoutes.SourceRequest.class));
        assertEquals(400, e.status());
    }

    @Test
    void callerNeedsOneOfTheRoles() {
        assertTrue(new Caller("a", java.util.Set.of(Role.ADMIN)).hasAny(Role.ADMIN_ONLY));
        assertTrue(!new Caller("b", java.util.Set.of(Role.ANALYST)).hasAny(Role.ADMIN_ONLY));
    }
}

package org.markguard.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Hashtable;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.markguard.api.SourceDefinition;

class SourceConfigsTest {

    @Test
    void allowedHostsDefaultToTheSeedsHosts() {
        SourceDefinition s = SourceConfigs.validate(new SourceDefinition(null, "demo", "shopee",
                List.of("http://127.0.0.1:8080/shopee/", "http://Example.org/x"), List.of(), 3, 100, 0, List.of()));
        assertEquals(List.of("127.0.0.1", "example.org"), s.allowedHosts());
        assertEquals("demo", s.id());
    }

    @Test
    void everyBadValueIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SourceConfigs.validate(
                new SourceDefinition(null, "Bad Name", "", List.of("ftp://x"), List.of("a/b"), -1, 0, -5, List.of())));
        for (String field : List.of("name:", "platform:", "seeds:", "allowedHosts:", "maxDepth:", "maxPages:",
                "politenessDelayMs:")) {
            assertTrue(e.getMessage().contains(field), field + " missing in: " + e.getMessage());
        }
    }

    @Test
    void readsACfgFileWithCommaSeparatedListsAndNameFromPid() {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("platform", "lazada");
        p.put("seeds", "http://127.0.0.1:1/a, http://127.0.0.1:1/b");
        p.put("maxPages", "50");
        SourceDefinition s = SourceConfigs.fromProperties("markguard.source~lazada-vn", p);
        assertEquals("lazada-vn", s.name());
        assertEquals(2, s.seeds().size());
        assertEquals(50, s.maxPages());
        assertEquals(SourceConfigs.DEFAULT_MAX_DEPTH, s.maxDepth());
    }

    @Test
    void roundTripsThroughProperties() {
        SourceDefinition s = SourceConfigs.validate(new SourceDefinition(null, "a", "tiktok",
                List.of("https://h/"), List.of("h"), 2, 10, 100, List.of("/p/\\d{1,3}", "a,b")));
        assertEquals(s, SourceConfigs.fromProperties("markguard.source~a", SourceConfigs.toProperties(s)));
    }

    @Test
    void secretsSurviveConfigAdminButNeverPrint() {
        SourceDefinition s = SourceConfigs.validate(new SourceDefinition(null, "g", "facebook", List.of("https://h/"),
                List.of(), 2, 10, 100, List.of(), List.of("/logout"), "agent/1", 3, true, 50, 20_000, "PT6H",
                new org.markguard.api.SourceSecrets(java.util.Map.of("X-Token", "t0p"), java.util.Map.of("session", "s3cr3t"))));
        SourceDefinition back = SourceConfigs.fromProperties("markguard.source~g", SourceConfigs.toProperties(s));
        assertEquals(s, back);
        assertTrue(!back.toString().contains("s3cr3t") && !back.toString().contains("t0p"), back.toString());
        assertEquals("session=s3cr3t", CrawlRun.requestHeaders(back).get("Cookie"));
    }

    @Test
    void badOptionsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SourceConfigs.validate(
                new SourceDefinition(null, "g", "x", List.of("https://h/"), List.of(), 2, 10, 100, List.of(),
                        List.of("("), " ", 0, false, -1, 10, "every day", null)));
        for (String field : List.of("threads:", "renderBudget:", "renderTimeoutMs:", "userAgent:", "schedule:",
                "excludePatterns:")) {
            assertTrue(e.getMessage().contains(field), field + " missing in: " + e.getMessage());
        }
    }

    @Test
    void nonIntegerInAFileIsReported() {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("platform", "x");
        p.put("seeds", "http://h/");
        p.put("maxDepth", "deep");
        assertThrows(IllegalArgumentException.class, () -> SourceConfigs.fromProperties("markguard.source~x", p));
    }
}

package org.markguard.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markguard.api.Listing;

/** Per-platform profiles: applied between structured data and HTML, re-read when the file changes. */
class SiteProfilesTest {
    private static final String PAGE = "<html><body><div class='t'>Áo thun Gucci</div><b class='p'>199.000đ</b>"
            + "<i class='s'>Shop Hà</i><i class='loc'>Quận 1, TP.HCM</i><u class='q'>Đã bán 2,5k</u></body></html>";

    private static Listing extract(HtmlListingExtractor extractor) {
        return extractor.extract(Pages.page("https://demo.markguard.test/x/1", "demoshop", "text/html; charset=utf-8",
                PAGE.getBytes(StandardCharsets.UTF_8))).orElseThrow();
    }

    private static void write(Path file, String titleSelector, Instant modified) throws IOException {
        Files.writeString(file, "{\"fields\":{\"title\":{\"css\":\"" + titleSelector + "\"},"
                + "\"price\":[{\"css\":\".missing\"},{\"css\":\"b.p\"}],\"seller.name\":{\"css\":\".s\"},"
                + "\"seller.location\":{\"css\":\".loc\"},\"details.soldCount\":{\"css\":\".q\"}}}");
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    @Test
    void profileIsAppliedAndReloadedWhenTheFileChanges(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("demoshop.json");
        write(file, ".t", Instant.parse("2026-01-01T00:00:00Z"));
        HtmlListingExtractor extractor = new HtmlListingExtractor(dir);
        Listing l = extract(extractor);
        assertEquals("Áo thun Gucci", l.title());
        assertEquals(0, new java.math.BigDecimal("199000").compareTo(l.price()));
        assertEquals("TP. Hồ Chí Minh", l.seller().province());
        assertEquals(2500L, l.details().soldCount());
        assertEquals("PROFILE", l.fieldSources().get("title"));
        assertEquals("PROFILE", l.fieldSources().get("details.soldCount"));

        write(file, ".s", Instant.parse("2026-02-01T00:00:00Z"));
        Thread.sleep(1_100); // the file's time is looked at once a second
        assertEquals("Shop Hà", extract(extractor).title());
    }

    @Test
    void brokenFileKeepsTheLastGoodProfile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("demoshop.json");
        write(file, ".t", Instant.parse("2026-01-01T00:00:00Z"));
        HtmlListingExtractor extractor = new HtmlListingExtractor(dir);
        assertEquals("Áo thun Gucci", extract(extractor).title());
        Files.writeString(file, "{ not json");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-03-01T00:00:00Z")));
        Thread.sleep(1_100);
        assertEquals("Áo thun Gucci", extract(extractor).title());
    }

    @Test
    void configurationExpandsKarafEtc(@TempDir Path dir) throws Exception {
        System.setProperty("markguard.test.etc", dir.toString());
        try {
            Files.createDirectories(dir.resolve("profiles"));
            write(dir.resolve("profiles/demoshop.json"), ".t", Instant.now());
            HtmlListingExtractor extractor = new HtmlListingExtractor();
            extractor.configure(Map.of(HtmlListingExtractor.PROFILES_DIR, "${markguard.test.etc}/profiles"));
            assertEquals("Áo thun Gucci", extract(extractor).title());
        } finally {
            System.clearProperty("markguard.test.etc");
        }
    }

    @Test
    void bundledProfileIsUsedWithoutAFolder() {
        SiteProfiles bundled = new SiteProfiles(null);
        assertEquals(true, bundled.forPlatform("shopee") != null);
        assertEquals(null, bundled.forPlatform("../etc/passwd"));
        assertEquals(null, bundled.forPlatform("nosuchplatform"));
    }
}

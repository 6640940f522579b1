package org.markguard.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.markguard.api.FetchedPage;
import org.markguard.api.Listing;

/**
 * The shortcut that tells running English prose without Tika's detector, checked against the
 * detector on the listings of the Zyte benchmark's 140 real pages (read in place, 30 languages):
 * wherever the shortcut says English, the detector says so too.
 */
class LanguagesRealDataTest {
    @Test
    void evidentEnglishIsWhatTikaSaysToo() throws IOException {
        Path html = ZyteBenchmarkTest.BENCHMARK.resolve("dataset/html");
        assertTrue(Files.isDirectory(html), html::toString);
        HtmlListingExtractor extractor = new HtmlListingExtractor();
        int evident = 0;
        int pages = 0;
        List<String> disagreements = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(html, "*.html.gz")) {
            for (Path file : files) {
                byte[] body;
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                    body = in.readAllBytes();
                }
                Listing listing = extractor.extract(new FetchedPage("https://shop.example/p", "web", 200,
                        "text/html", body, Pages.FETCHED)).orElse(null);
                if (listing == null) {
                    continue;
                }
                pages++;
                String text = (listing.title() + " " + (listing.description() == null ? "" : listing.description()));
                text = text.substring(0, Math.min(text.length(), Languages.MAX_CHARS));
                if (Languages.Counts.of(text).isEvidentlyEnglish()) {
                    evident++;
                    String tika = Languages.byTika(text);
                    if (!"en".equals(tika)) {
                        disagreements.add(file.getFileName() + ": Tika says " + tika);
                    }
                }
            }
        }
        System.out.printf("evident English on %d of %d listings%n", evident, pages);
        assertTrue(evident >= 20, "the shortcut fires on " + evident + " listings only");
        assertEquals(List.of(), disagreements);
    }
}

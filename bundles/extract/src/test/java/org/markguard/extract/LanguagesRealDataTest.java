package org.markguard.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.markguard.api.FetchedPage;
import org.markguard.api.Listing;

/**
 * The shortcuts that spare Tika's detector, checked against the detector on the listings of the
 * Zyte benchmark's 140 real pages (read in place, 30 languages): wherever the English rule says
 * English, the detector says so too; and where the page's declared language is taken instead, it is
 * what the detector says of the listing's text on at least nine pages in ten.
 */
class LanguagesRealDataTest {
    private record Sample(String file, String declared, String text) {
    }

    @Test
    void evidentEnglishIsWhatTikaSaysToo() throws IOException {
        int evident = 0;
        List<Sample> samples = samples();
        List<String> disagreements = new ArrayList<>();
        for (Sample sample : samples) {
            if (Languages.Counts.of(sample.text).isEvidentlyEnglish()) {
                evident++;
                String tika = Languages.byTika(sample.text);
                if (!"en".equals(tika)) {
                    disagreements.add(sample.file + ": Tika says " + tika);
                }
            }
        }
        System.out.printf("evident English on %d of %d listings%n", evident, samples.size());
        assertTrue(evident >= 20, "the shortcut fires on " + evident + " listings only");
        assertEquals(List.of(), disagreements);
    }

    @Test
    void declaredLanguageIsMostlyWhatTikaSaysOfTheText() throws IOException {
        int compared = 0;
        List<String> disagreements = new ArrayList<>();
        for (Sample sample : samples()) {
            Languages.Verdict verdict = Languages.judge(sample.declared, sample.text);
            String tika = Languages.byTika(sample.text);
            if (!verdict.declared() || tika == null) {
                continue; // the own rules settled it, or the detector has no answer to compare with
            }
            compared++;
            if (!tika.equals(verdict.language())) {
                disagreements.add(sample.file + ": declared " + verdict.language() + ", Tika says " + tika);
            }
        }
        System.out.printf("declared language taken and compared on %d listings; differs from Tika on %d: %s%n",
                compared, disagreements.size(), disagreements);
        assertTrue(compared >= 60, "the declaration is compared on " + compared + " listings only");
        assertTrue(disagreements.size() * 10 <= compared, disagreements::toString);
    }

    /** The listings of the benchmark's pages: the root element's language and the text detection reads. */
    private static List<Sample> samples() throws IOException {
        Path html = ZyteBenchmarkTest.BENCHMARK.resolve("dataset/html");
        assertTrue(Files.isDirectory(html), html::toString);
        HtmlListingExtractor extractor = new HtmlListingExtractor();
        List<Sample> samples = new ArrayList<>();
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
                String text = (listing.title() + " " + (listing.description() == null ? "" : listing.description()));
                text = text.substring(0, Math.min(text.length(), Languages.MAX_CHARS));
                String declared = Languages.declared(Jsoup.parse(new String(body, StandardCharsets.UTF_8)));
                samples.add(new Sample(file.getFileName().toString(), declared, text));
            }
        }
        return samples;
    }
}

package org.markguard.benchmarks.crawl;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where Karaf's CPU went during a crawl, from a JFR recording ({@code jcmd <pid> JFR.start
 * settings=profile}): each execution sample counts for the stage of the leaf-most frame that
 * belongs to one, so the extractor calling jsoup is extraction while crawler4j's parser calling
 * jsoup is link parsing. Usage: {@code java -cp markguard-benchmarks.jar
 * org.markguard.benchmarks.crawl.JfrBreakdown recording.jfr [top frames]}.
 */
public final class JfrBreakdown {
    /** Stage → class-name prefixes, looked up in this order for each frame. */
    private static final Map<String, List<String>> STAGES = stages();

    private JfrBreakdown() {
    }

    private static Map<String, List<String>> stages() {
        Map<String, List<String>> s = new LinkedHashMap<>();
        s.put("photo: EXIF (Tika image parsers)", List.of("org.apache.tika.parser.image", "com.drew.",
                "org.markguard.extract.images.PhotoMetadata"));
        s.put("photo: dHash", List.of("org.markguard.extract.images.DifferenceHash",
                "org.markguard.extract.images.PixelRows"));
        s.put("photo: decode (imageio)", List.of("com.sun.imageio", "javax.imageio", "org.markguard.extract.images"));
        s.put("photo: fetch", List.of("org.markguard.crawl.CrawlerPhotoSource", "org.markguard.crawl.ListingPhotos"));
        s.put("crawler4j link parse (Tika)", List.of("edu.uci.ics.crawler4j.parser.TikaHtmlParser",
                "edu.uci.ics.crawler4j.parser.HtmlContentHandler", "org.apache.tika.parser.html", "org.apache.tika.sax"));
        s.put("crawl link scan (PageLinks)", List.of("org.markguard.crawl.LinkScanningHtmlParser",
                "org.markguard.crawl.PageLinks"));
        s.put("crawler4j URL handling (normalise, resolve, WebURL)", List.of("crawlercommons",
                "edu.uci.ics.crawler4j.url", "edu.uci.ics.crawler4j.parser"));
        s.put("extraction", List.of("org.markguard.extract."));
        s.put("detectors", List.of("org.markguard.detect"));
        s.put("derive index document (ListingDocument, folding)", List.of(
                "org.markguard.index.elasticsearch.ListingDocument", "org.markguard.api.FoldedText"));
        s.put("spool + index writer", List.of("org.markguard.index"));
        s.put("WARC capture", List.of("org.markguard.capture", "org.markguard.crawl.PageCapture"));
        s.put("crawler4j frontier (Sleepycat)", List.of("com.sleepycat", "edu.uci.ics.crawler4j.frontier"));
        s.put("crawler4j fetch (httpclient)", List.of("org.apache.hc.", "edu.uci.ics.crawler4j.fetcher"));
        s.put("crawl bundle (shouldVisit, traps, journal, meta refresh)", List.of("org.markguard.crawl"));
        s.put("crawler4j other", List.of("edu.uci.ics.crawler4j"));
        s.put("REST/Jetty", List.of("org.eclipse.jetty", "org.apache.cxf", "org.markguard.rest"));
        s.put("other markguard", List.of("org.markguard"));
        return s;
    }

    public static void main(String[] args) throws Exception {
        int topFrames = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Map<String, Integer> byStage = new TreeMap<>();
        Map<String, Integer> byTopFrame = new TreeMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null
                    || e.getStackTrace().getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            RecordedFrame top = frames.get(0);
            byTopFrame.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1, Integer::sum);
            byStage.merge(stageOf(frames), 1, Integer::sum);
        }
        System.out.printf("%d execution samples (stack depth as recorded; JFR's default is 64 frames)%n", samples);
        print(byStage, samples, Integer.MAX_VALUE);
        System.out.println("top frames:");
        print(byTopFrame, samples, topFrames);
    }

    private static String stageOf(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String type = f.getMethod().getType().getName();
            for (Map.Entry<String, List<String>> stage : STAGES.entrySet()) {
                if (stage.getValue().stream().anyMatch(type::startsWith)) {
                    return stage.getKey();
                }
            }
        }
        return "other (JDK, JVM)";
    }

    private static void print(Map<String, Integer> counts, int total, int limit) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .forEach(c -> System.out.printf("  %5.1f %%  %s%n", 100.0 * c.getValue() / total, c.getKey()));
    }
}

package org.markguard.benchmarks.crawl;

import crawlercommons.filters.basic.BasicURLNormalizer;
import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.crawler.CrawlController;
import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.crawler.WebCrawler;
import edu.uci.ics.crawler4j.fetcher.PageFetcher;
import edu.uci.ics.crawler4j.frontier.SleepycatFrontierConfiguration;
import edu.uci.ics.crawler4j.robotstxt.RobotstxtConfig;
import edu.uci.ics.crawler4j.robotstxt.RobotstxtServer;
import edu.uci.ics.crawler4j.url.WebURL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The floor of crawl cost: crawler4j alone over the same pages, with the same configuration as
 * markguard's crawl bundle (threads, delays, size cap) and a visit that does nothing.
 */
final class RawFetchBaseline {
    private RawFetchBaseline() {
    }

    /**
     * @param seconds from the start to the last page visited
     * @param controllerSeconds from the start until crawler4j returned: it then waits 3–4 s more (its
     *                          monitor checks every second, twice, that no thread finds work, then
     *                          waits for clean-up), a fixed tail that says nothing about fetching
     */
    record Result(long pages, double seconds, double controllerSeconds) {
        double pagesPerSecond() {
            return pages / seconds;
        }
    }

    static Result run(String seed, String include, int threads) throws Exception {
        Path dir = Files.createTempDirectory("raw-crawl");
        CrawlConfig config = new CrawlConfig();
        config.setCrawlStorageFolder(dir.toString());
        config.setPolitenessDelay(0);
        config.setMaxDepthOfCrawling(5);
        config.setMaxPagesToFetch(1_000_000);
        config.setIncludeBinaryContentInCrawling(false);
        config.setAllowSingleLevelDomain(true);
        config.setOnlineTldListUpdate(false);
        config.setThreadMonitoringDelaySeconds(1);
        config.setThreadShutdownDelaySeconds(1);
        config.setCleanupDelaySeconds(1);
        BasicURLNormalizer normalizer = BasicURLNormalizer.newBuilder()
                .idnNormalization(BasicURLNormalizer.IdnNormalization.NONE).build();
        PageFetcher fetcher = new PageFetcher(config, normalizer);
        SleepycatFrontierConfiguration frontier = new SleepycatFrontierConfiguration(config);
        RobotstxtConfig robots = new RobotstxtConfig();
        robots.setUserAgentName("markguard");
        CrawlController c = new CrawlController(config, normalizer, fetcher,
                new RobotstxtServer(robots, fetcher, frontier.getWebURLFactory()), frontier);
        c.addSeed(seed);
        AtomicLong pages = new AtomicLong();
        AtomicLong lastVisit = new AtomicLong();
        long t0 = System.nanoTime();
        c.start(() -> new WebCrawler() {
            @Override
            public boolean shouldVisit(Page referring, WebURL url) {
                return url.getURL().contains(include);
            }

            @Override
            public void visit(Page page) {
                pages.incrementAndGet();
                lastVisit.accumulateAndGet(System.nanoTime(), Math::max);
            }
        }, threads);
        double controllerSeconds = (System.nanoTime() - t0) / 1e9;
        frontier.close();
        return new Result(pages.get(), (lastVisit.get() - t0) / 1e9, controllerSeconds);
    }
}

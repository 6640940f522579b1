package org.markguard.crawl;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The work on the fetched pages of one crawl (capture, render, extract, assess, store), off the
 * crawler threads: fetching goes on while earlier pages wait for their fsyncs (the raw capture's,
 * the store's spool), and pages in flight on several workers share those fsyncs (both stores
 * group-commit). A full queue makes the crawler thread do the page itself, which slows fetching
 * down to what the pipeline keeps up with and bounds the pages held in memory.
 */
final class PagePipeline {
    /** Pages waiting for a worker, per worker. */
    static final int QUEUED_PER_WORKER = 4;

    private final ThreadPoolExecutor workers;

    PagePipeline(String crawlId, int workers) {
        ClassLoader bundle = PagePipeline.class.getClassLoader();
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(workers, workers, 10, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(workers * QUEUED_PER_WORKER), task -> {
                    Thread t = new Thread(task, "markguard-page-" + crawlId.substring(0, Math.min(8, crawlId.length()))
                            + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    t.setContextClassLoader(bundle); // extraction libraries look classes up through it
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    /**
     * Workers for a crawl with {@code crawlerThreads}: four times as many, because a page mostly waits
     * for its two fsyncs, and the more pages wait together, the more of them one fsync covers.
     */
    static int workersFor(int crawlerThreads, boolean render) {
        // rendering is heavy and has its own budget: no more browsers at once than crawler threads
        return render ? Math.max(1, crawlerThreads) : Math.max(4, 4 * crawlerThreads);
    }

    /** Hands one page's work to a worker, or runs it here when the queue is full. */
    void submit(Runnable page) {
        workers.execute(page);
    }

    /** Waits until every page handed over is done; the pipeline takes no more pages after it. */
    void drain() throws InterruptedException {
        workers.shutdown();
        while (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
            // a page can take long (rendering, a slow store): keep waiting, the crawl is not over yet
        }
    }
}

package org.markguard.benchmarks.search;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Times one query through REST and directly, alternating the two (REST first on even rounds,
 * direct first on odd ones) so that load from outside, caches and JIT hit both alike.
 */
final class PairedRun {
    private final SearchEndpoint rest;
    private final SearchEndpoint direct;

    PairedRun(SearchEndpoint rest, SearchEndpoint direct) {
        this.rest = rest;
        this.direct = direct;
    }

    /** Untimed rounds, then {@code rounds} timed ones on this thread. */
    void measure(WorkbenchQuery query, Series series, int warmup, int rounds) throws Exception {
        for (int i = 0; i < warmup; i++) {
            rest.send(query);
            direct.send(query);
        }
        for (int i = 0; i < rounds; i++) {
            round(query, series, i);
        }
    }

    /** {@code threads} clients at once, each doing {@code roundsPerThread} timed rounds after a short warm-up. */
    void measureConcurrently(WorkbenchQuery query, Series series, int threads, int roundsPerThread) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                clients.add(pool.submit(() -> {
                    for (int i = 0; i < 5; i++) {
                        rest.send(query);
                        direct.send(query);
                    }
                    for (int i = 0; i < roundsPerThread; i++) {
                        round(query, series, i + offset);
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private void round(WorkbenchQuery query, Series series, int i) throws Exception {
        if (i % 2 == 0) {
            timedRest(query, series);
            series.direct().add(timed(direct, query));
        } else {
            series.direct().add(timed(direct, query));
            timedRest(query, series);
        }
    }

    private void timedRest(WorkbenchQuery query, Series series) throws Exception {
        long t0 = System.nanoTime();
        SearchEndpoint.Answer answer = rest.answer(query);
        series.rest().add(System.nanoTime() - t0);
        ServerTiming timing = ServerTiming.parse(answer.serverTiming());
        if (timing != null) {
            series.server().add(timing.appNanos());
            series.store().add(timing.storeNanos());
        }
    }

    private static long timed(SearchEndpoint endpoint, WorkbenchQuery query) throws Exception {
        long t0 = System.nanoTime();
        endpoint.send(query);
        return System.nanoTime() - t0;
    }
}

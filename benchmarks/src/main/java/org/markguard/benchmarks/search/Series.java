package org.markguard.benchmarks.search;

/**
 * The REST and the direct latencies of one query (or of all of them), measured side by side, and
 * of the REST requests also what the server said of its own time ({@code Server-Timing}): the
 * whole of it ({@code app}) and the wait on the listing store within it ({@code store}).
 */
record Series(String name, long hits, Latencies rest, Latencies direct, Latencies server, Latencies store) {

    Series(String name, long hits) {
        this(name, hits, new Latencies(), new Latencies(), new Latencies(), new Latencies());
    }

    /** REST p95 over direct p95: what the REST layer adds, as a factor. */
    double ratio() {
        return rest.percentileMs(95) / direct.percentileMs(95);
    }

    /** Adds all of another series' latencies to this one's. */
    void addAll(Series other) {
        rest.addAll(other.rest);
        direct.addAll(other.direct);
        server.addAll(other.server);
        store.addAll(other.store);
    }
}

package org.markguard.benchmarks.search;

/** The REST and the direct latencies of one query (or of all of them), measured side by side. */
record Series(String name, long hits, Latencies rest, Latencies direct) {

    Series(String name, long hits) {
        this(name, hits, new Latencies(), new Latencies());
    }

    /** REST p95 over direct p95: what the REST layer adds, as a factor. */
    double ratio() {
        return rest.percentileMs(95) / direct.percentileMs(95);
    }
}

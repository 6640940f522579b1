package org.markguard.benchmarks.search;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The REST API's {@code Server-Timing: store;dur=<ms>, app;dur=<ms>} of a search answer, in nanoseconds. */
record ServerTiming(long storeNanos, long appNanos) {
    private static final Pattern VALUE = Pattern.compile("store;dur=(\\d+(?:\\.\\d+)?), app;dur=(\\d+(?:\\.\\d+)?)");

    /** Null when the header is missing or says something else (an older server). */
    static ServerTiming parse(String header) {
        Matcher m = header == null ? null : VALUE.matcher(header);
        if (m == null || !m.matches()) {
            return null;
        }
        return new ServerTiming(Math.round(Double.parseDouble(m.group(1)) * 1e6),
                Math.round(Double.parseDouble(m.group(2)) * 1e6));
    }
}

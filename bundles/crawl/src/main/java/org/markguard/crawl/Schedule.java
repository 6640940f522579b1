package org.markguard.crawl;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;

/**
 * When a source is re-crawled: every {@code PT6H}-style ISO-8601 duration since the last start, or
 * at the minutes a five-field cron expression names (minute hour day-of-month month day-of-week;
 * {@code *}, lists, ranges and {@code /step}; Sunday is 0 or 7), in the server's time zone.
 */
final class Schedule {
    private final Duration interval;
    private final BitSet[] cron; // minute, hour, day of month, month, day of week

    private Schedule(Duration interval, BitSet[] cron) {
        this.interval = interval;
        this.cron = cron;
    }

    static Schedule parse(String text) {
        String s = text.strip();
        if (s.startsWith("P") || s.startsWith("p")) {
            try {
                Duration d = Duration.parse(s.toUpperCase(java.util.Locale.ROOT));
                if (d.compareTo(Duration.ofMinutes(1)) < 0) {
                    throw new IllegalArgumentException("schedule: an interval must be at least one minute: '" + text + "'");
                }
                return new Schedule(d, null);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("schedule: not an ISO-8601 duration such as PT6H: '" + text + "'");
            }
        }
        String[] f = s.split("\\s+");
        if (f.length != 5) {
            throw new IllegalArgumentException("schedule: a cron expression has 5 fields (minute hour day month weekday): '"
                    + text + "'");
        }
        int[][] ranges = {{0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 7}};
        BitSet[] fields = new BitSet[5];
        for (int i = 0; i < 5; i++) {
            fields[i] = field(f[i], ranges[i][0], ranges[i][1], text);
        }
        if (fields[4].get(7)) {
            fields[4].set(0); // Sunday is 0 and 7
        }
        return new Schedule(null, fields);
    }

    private static BitSet field(String spec, int min, int max, String text) {
        BitSet bits = new BitSet(max + 1);
        for (String part : spec.split(",")) {
            try {
                int step = 1;
                String range = part;
                if (part.contains("/")) {
                    step = Integer.parseInt(part.substring(part.indexOf('/') + 1));
                    range = part.substring(0, part.indexOf('/'));
                }
                int lo;
                int hi;
                if (range.equals("*")) {
                    lo = min;
                    hi = max;
                } else if (range.contains("-")) {
                    lo = Integer.parseInt(range.substring(0, range.indexOf('-')));
                    hi = Integer.parseInt(range.substring(range.indexOf('-') + 1));
                } else {
                    lo = Integer.parseInt(range);
                    hi = part.contains("/") ? max : lo;
                }
                if (lo < min || hi > max || lo > hi || step < 1) {
                    throw new NumberFormatException();
                }
                for (int v = lo; v <= hi; v += step) {
                    bits.set(v);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("schedule: bad cron field '" + part + "' in '" + text + "' (allowed "
                        + min + "-" + max + ")");
            }
        }
        return bits;
    }

    /** Whether a crawl should start now, given when the last one started (null: never in this run). */
    boolean due(Instant lastStart, Instant now, Instant since) {
        if (interval != null) {
            Instant from = lastStart != null ? lastStart : since;
            return !now.isBefore(from.plus(interval));
        }
        ZonedDateTime t = now.atZone(ZoneId.systemDefault()).truncatedTo(ChronoUnit.MINUTES);
        boolean matches = cron[0].get(t.getMinute()) && cron[1].get(t.getHour()) && cron[2].get(t.getDayOfMonth())
                && cron[3].get(t.getMonthValue()) && cron[4].get(t.getDayOfWeek().getValue() % 7);
        // once per matching minute
        return matches && (lastStart == null || lastStart.isBefore(t.toInstant()));
    }
}

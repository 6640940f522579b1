package org.markguard.crawl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class ScheduleTest {
    private static Instant at(int hour, int minute) {
        return ZonedDateTime.of(2026, 12, 1, hour, minute, 0, 0, ZoneId.systemDefault()).toInstant(); // a Tuesday
    }

    @Test
    void anIntervalCountsFromTheLastStart() {
        Schedule six = Schedule.parse("PT6H");
        Instant since = at(0, 0);
        assertFalse(six.due(null, at(5, 59), since));
        assertTrue(six.due(null, at(6, 0), since));
        assertFalse(six.due(at(6, 0), at(11, 0), since));
        assertTrue(six.due(at(6, 0), at(12, 1), since));
    }

    @Test
    void cronMatchesOncePerMinute() {
        Schedule nightly = Schedule.parse("30 2 * * *");
        assertTrue(nightly.due(null, at(2, 30), at(0, 0)));
        assertFalse(nightly.due(at(2, 30).plusSeconds(5), at(2, 30).plusSeconds(20), at(0, 0)), "already started this minute");
        assertFalse(nightly.due(null, at(3, 30), at(0, 0)));
        Schedule weekdays = Schedule.parse("*/15 8-17 * * 1-5");
        assertTrue(weekdays.due(null, at(9, 45), at(0, 0)));
        assertFalse(weekdays.due(null, at(9, 46), at(0, 0)));
        assertFalse(Schedule.parse("0 9 * * 0,6").due(null, at(9, 0), at(0, 0)), "not on a Tuesday");
        assertTrue(Schedule.parse("0 9 * * 2").due(null, at(9, 0), at(0, 0)));
    }

    @Test
    void badSchedulesAreRejectedWithTheReason() {
        assertThrows(IllegalArgumentException.class, () -> Schedule.parse("PT10S"));
        assertThrows(IllegalArgumentException.class, () -> Schedule.parse("P1X"));
        assertThrows(IllegalArgumentException.class, () -> Schedule.parse("61 * * * *"));
        assertThrows(IllegalArgumentException.class, () -> Schedule.parse("* * *"));
        assertTrue(Duration.ofHours(6).toMinutes() > 0);
    }
}

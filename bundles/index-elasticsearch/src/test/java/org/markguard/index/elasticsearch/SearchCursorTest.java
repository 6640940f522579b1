package org.markguard.index.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch._types.FieldValue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.markguard.api.ListingQuery;

class SearchCursorTest {

    @Test
    void timeCursorRoundTrips() {
        List<FieldValue> values = List.of(FieldValue.of(1_740_816_000_000L), FieldValue.of(-4_611_686_018_427_387_904L));
        String cursor = SearchCursor.encode(SearchCursor.Order.TIME, values);
        assertTrue(cursor.matches("[A-Za-z0-9_-]+"), "base64url without padding: " + cursor);
        List<FieldValue> back = SearchCursor.decode(SearchCursor.Order.TIME, cursor);
        assertEquals(1_740_816_000_000L, back.get(0).longValue());
        assertEquals(-4_611_686_018_427_387_904L, back.get(1).longValue());
    }

    @Test
    void scoreCursorRoundTripsExactly() {
        double score = 3.1415927410125732; // a float score as ES returns it
        String cursor = SearchCursor.encode(SearchCursor.Order.SCORE, List.of(FieldValue.of(score), FieldValue.of(Long.MAX_VALUE)));
        List<FieldValue> back = SearchCursor.decode(SearchCursor.Order.SCORE, cursor);
        assertEquals(score, back.get(0).doubleValue());
        assertEquals(Long.MAX_VALUE, back.get(1).longValue()); // without id_sort: sorts last
    }

    @Test
    void missingCaptureTimeSortValueRoundTrips() {
        String cursor = SearchCursor.encode(SearchCursor.Order.TIME, List.of(FieldValue.of(Long.MIN_VALUE), FieldValue.of(7L)));
        assertEquals(Long.MIN_VALUE, SearchCursor.decode(SearchCursor.Order.TIME, cursor).get(0).longValue());
    }

    @Test
    void cursorOfATextSearchIsRefusedByABrowse() {
        String cursor = SearchCursor.encode(SearchCursor.Order.SCORE, List.of(FieldValue.of(1.5), FieldValue.of(7L)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SearchCursor.decode(SearchCursor.Order.TIME, cursor));
        assertTrue(e.getMessage().contains("another order (score, not time)"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a cursor!", "%%%", "eyJ", "bnVsbA", "W10", "eyJvIjoidGltZSJ9",
        "eyJvIjoidGltZSIsInYiOlsxLCJ4Il19", "eyJvIjoidGltZSIsInYiOlsxLjUsIngiXX0", "eyJvIjoieCIsInYiOlsxLCJ4Il19"})
    void badCursorsGiveAClearIllegalArgument(String cursor) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SearchCursor.decode(SearchCursor.Order.TIME, cursor));
        assertTrue(e.getMessage().startsWith("invalid cursor 'after'"), e.getMessage());
    }

    @Test
    void theBadCursorSamplesMeanWhatTheySay() {
        // {"o":"time","v":[1,"x"]}: the tie-breaker is not a number (a cursor of the keyword id);
        // {"o":"time","v":[1.5,"x"]}: time not integral
        assertEquals("{\"o\":\"time\",\"v\":[1,\"x\"]}", decode("eyJvIjoidGltZSIsInYiOlsxLCJ4Il19"));
        assertEquals("{\"o\":\"time\",\"v\":[1.5,\"x\"]}", decode("eyJvIjoidGltZSIsInYiOlsxLjUsIngiXX0"));
    }

    @Test
    void searchWithABadCursorFailsBeforeAnyRequest() {
        ListingSearch search = new ListingSearch(new ListingQuery(null, null, null, null, null, 10, "garbage"));
        assertThrows(IllegalArgumentException.class, () -> search.request("markguard-listings"));
    }

    @Test
    void blankCursorMeansFirstPage() {
        ListingSearch search = new ListingSearch(new ListingQuery(null, null, null, null, null, 10, " "));
        assertFalse(search.request("a").searchAfter().iterator().hasNext());
    }

    private static String decode(String s) {
        return new String(Base64.getUrlDecoder().decode(s), StandardCharsets.UTF_8);
    }
}

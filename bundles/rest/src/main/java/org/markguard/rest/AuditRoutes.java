package org.markguard.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.markguard.api.AuditEvent;
import org.markguard.api.AuditTrail;

/** {@code /audit}: the audit trail and its chain check (admin only). */
final class AuditRoutes {
    static final int DEFAULT_SIZE = 100;
    static final int MAX_SIZE = 1000;

    private final AuditTrail audit;

    AuditRoutes(AuditTrail audit) {
        this.audit = audit;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/audit", Role.ADMIN_ONLY, this::query),
                new Route("GET", "/audit/verify", Role.ADMIN_ONLY, r -> {
                    List<String> problems = audit.verify();
                    ObjectNode out = Json.MAPPER.createObjectNode();
                    out.put("intact", problems.isEmpty());
                    out.set("problems", Json.MAPPER.valueToTree(problems));
                    return out;
                }));
    }

    private Object query(ApiRequest r) {
        r.allowOnlyQuery(Set.of("from", "to", "user", "action", "size", "after"));
        int size = ListingRoutes.intParam(r.query("size"), DEFAULT_SIZE, "size");
        if (size < 1 || size > MAX_SIZE) {
            throw ApiException.badRequest("size must be between 1 and " + MAX_SIZE);
        }
        long after = ListingRoutes.intParam(r.query("after"), 0, "after");
        List<AuditEvent> items = audit.query(time(r.query("from"), "from", false), time(r.query("to"), "to", true),
                blank(r.query("user")), blank(r.query("action")), after, size);
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.set("items", Json.MAPPER.valueToTree(items));
        out.put("next", items.size() < size ? null : Long.toString(items.get(items.size() - 1).seq()));
        return out;
    }

    /** An instant, or a day (YYYY-MM-DD: its start for from, the next day's start for to). */
    private static Instant time(String s, String name, boolean end) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            if (s.length() == 10) {
                LocalDate day = LocalDate.parse(s);
                return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " must be YYYY-MM-DD or an ISO-8601 instant: '" + s + "'");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

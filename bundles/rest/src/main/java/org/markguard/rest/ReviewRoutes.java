package org.markguard.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.markguard.api.AuditTrail;
import org.markguard.api.DismissReason;
import org.markguard.api.FindingKind;
import org.markguard.api.Review;
import org.markguard.api.ReviewDecision;
import org.markguard.api.ReviewRequest;
import org.markguard.api.ReviewService;

/** Review decisions on listings, one or many at a time; every one audited. */
final class ReviewRoutes {
    static final Set<Role> REVIEWERS = EnumSet.of(Role.ANALYST, Role.ADMIN);
    static final int MAX_BULK = 500;

    /** Body of a review; {@code listingIds} only in the bulk form. */
    record Body(ReviewDecision decision, FindingKind kind, DismissReason reason, String note, String assignee,
                List<String> listingIds) {
    }

    private final ReviewService reviews;
    private final JaasUsers users;
    private final AuditTrail audit;

    ReviewRoutes(ReviewService reviews, JaasUsers users, AuditTrail audit) {
        this.reviews = reviews;
        this.users = users;
        this.audit = audit;
    }

    List<Route> routes() {
        return List.of(
                new Route("POST", "/listings/{id}/review", REVIEWERS, this::reviewOne, Route.AUDITED_BY_HANDLER),
                new Route("POST", "/reviews", REVIEWERS, this::reviewMany, Route.AUDITED_BY_HANDLER),
                new Route("GET", "/listings/{id}/reviews", Role.ANY, r -> reviews.reviews(r.path("id"))));
    }

    private Object reviewOne(ApiRequest r) throws Exception {
        Body body = Json.read(r.body(), Body.class);
        if (body.listingIds() != null) {
            throw ApiException.badRequest("listingIds belongs to POST /reviews; this path names the listing");
        }
        ReviewRequest request = request(body);
        return new Route.Reply(201, record(r.path("id"), request, r.caller().user()));
    }

    private Object reviewMany(ApiRequest r) throws Exception {
        Body body = Json.read(r.body(), Body.class);
        if (body.listingIds() == null || body.listingIds().isEmpty()) {
            throw ApiException.badRequest("listingIds is required (1 to " + MAX_BULK + " ids)");
        }
        if (body.listingIds().size() > MAX_BULK) {
            throw ApiException.badRequest("at most " + MAX_BULK + " listingIds at a time");
        }
        ReviewRequest request = request(body);
        List<Review> done = new ArrayList<>();
        List<ObjectNode> failed = new ArrayList<>();
        for (String id : new LinkedHashSet<>(body.listingIds())) {
            try {
                done.add(record(id, request, r.caller().user()));
            } catch (NoSuchElementException e) {
                failed.add(Json.MAPPER.createObjectNode().put("listingId", id).put("error", e.getMessage()));
            }
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("reviewed", done.size());
        out.set("reviews", Json.MAPPER.valueToTree(done));
        out.set("failed", Json.MAPPER.valueToTree(failed));
        return out;
    }

    private ReviewRequest request(Body body) {
        ReviewRequest request = new ReviewRequest(body.decision(), body.kind(), body.reason(), body.note(), body.assignee());
        if (request.assignee() != null && users.find(request.assignee()).isEmpty()) {
            throw ApiException.badRequest("assignee '" + request.assignee() + "' is not a user");
        }
        return request;
    }

    private Review record(String listingId, ReviewRequest request, String user) throws Exception {
        Review review = reviews.review(listingId, request, user);
        String detail = switch (review.decision()) {
            case CONFIRMED -> "kind " + review.kind();
            case DISMISSED -> "reason " + review.reason();
            case ASSIGNED -> "to " + review.assignee();
            default -> "";
        };
        audit.record(user, "review." + review.decision(), listingId, detail);
        return review;
    }
}

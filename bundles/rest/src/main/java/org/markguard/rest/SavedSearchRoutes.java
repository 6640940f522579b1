package org.markguard.rest;

import java.util.List;
import java.util.Map;

/** {@code /searches}: the caller's own saved searches. */
final class SavedSearchRoutes {
    record Body(String name, Map<String, String> params) {
    }

    private final SavedSearches searches;

    SavedSearchRoutes(SavedSearches searches) {
        this.searches = searches;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/searches", Role.ANY, r -> searches.list(r.caller().user())),
                new Route("POST", "/searches", Role.ANY, this::save),
                new Route("DELETE", "/searches/{id}", Role.ANY, r -> {
                    if (!searches.remove(r.caller().user(), r.path("id"))) {
                        throw ApiException.notFound("you have no saved search '" + r.path("id") + "'");
                    }
                    return new Route.Reply(204, null);
                }));
    }

    private Object save(ApiRequest r) {
        Body body = Json.read(r.body(), Body.class);
        if (body.name() == null || body.name().isBlank() || body.name().length() > 200) {
            throw ApiException.badRequest("name is required (at most 200 characters)");
        }
        Map<String, String> params = body.params() == null ? Map.of() : body.params();
        ListingParams.check(params);
        return new Route.Reply(201, searches.add(r.caller().user(), body.name().strip(), params));
    }
}

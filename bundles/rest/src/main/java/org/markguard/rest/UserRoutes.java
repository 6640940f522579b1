package org.markguard.rest;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code /users}: the JAAS users (admin only). */
final class UserRoutes {
    static final int MIN_PASSWORD = 12;

    record Body(String name, String password, List<String> roles) {
    }

    private final JaasUsers users;
    private final Sessions sessions;

    private final Authenticator authenticator;

    UserRoutes(JaasUsers users, Sessions sessions, Authenticator authenticator) {
        this.users = users;
        this.sessions = sessions;
        this.authenticator = authenticator;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/users", Role.ADMIN_ONLY, r -> users.list()),
                new Route("POST", "/users", Role.ADMIN_ONLY, this::create, "user.created"),
                new Route("GET", "/users/{name}", Role.ADMIN_ONLY, r -> users.find(r.path("name"))
                        .orElseThrow(() -> ApiException.notFound("no user named '" + r.path("name") + "'"))),
                new Route("DELETE", "/users/{name}", Role.ADMIN_ONLY, this::delete, "user.deleted"));
    }

    private Object create(ApiRequest r) {
        Body body = Json.read(r.body(), Body.class);
        if (body.name() == null || !body.name().matches("[a-z0-9._-]{1,64}") || body.name().startsWith(".")) {
            throw ApiException.badRequest("name must be 1-64 of a-z 0-9 . _ - (not starting with a dot)");
        }
        if (body.password() == null || body.password().length() < MIN_PASSWORD) {
            throw ApiException.badRequest("password must have at least " + MIN_PASSWORD + " characters");
        }
        if (body.password().equalsIgnoreCase(body.name())) {
            throw ApiException.badRequest("password must not be the user name");
        }
        if (body.roles() == null || body.roles().isEmpty()) {
            throw ApiException.badRequest("roles is required: one or more of admin, analyst, enforcement");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : body.roles()) {
            try {
                roles.add(Role.valueOf(role.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw ApiException.badRequest("roles: '" + role + "' is not one of admin, analyst, enforcement");
            }
        }
        users.create(body.name(), body.password(), roles);
        authenticator.forget(body.name());
        return new Route.Reply(201, users.find(body.name()).orElseThrow());
    }

    private Object delete(ApiRequest r) {
        String name = r.path("name");
        if (name.equals(r.caller().user())) {
            throw new ApiException(409, "you cannot delete your own account");
        }
        users.delete(name);
        authenticator.forget(name);
        sessions.closeAll(name);
        return new Route.Reply(204, null);
    }
}

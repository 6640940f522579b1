package org.markguard.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.markguard.api.AuditTrail;

/** {@code /session}: UI login and logout (see docs/workbench.md). */
final class SessionRoutes {
    static final String PATH = "/session";

    /** Body of {@code POST /session}. */
    record Login(String name, String password) {
    }

    private final Authenticator authenticator;
    private final Sessions sessions;
    private final AuditTrail audit;

    SessionRoutes(Authenticator authenticator, Sessions sessions, AuditTrail audit) {
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.audit = audit;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", PATH, Role.ANY, r -> describe(r.caller(), csrfOf(r))),
                new Route("DELETE", PATH, Role.ANY, this::logout, Route.AUDITED_BY_HANDLER));
    }

    /** The one request served without credentials. */
    ObjectNode login(HttpServletRequest req, HttpServletResponse resp) {
        byte[] body;
        try {
            body = req.getInputStream().readNBytes(64 * 1024);
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("could not read the request body");
        }
        Login login = Json.read(body, Login.class);
        if (login.name() == null || login.name().isBlank() || login.password() == null) {
            throw ApiException.badRequest("name and password are required");
        }
        Optional<Caller> caller = authenticator.authenticate(login.name(), login.password().toCharArray());
        if (caller.isEmpty()) {
            audit.record(login.name(), "login.failed", "", "");
            throw new ApiException(401, "wrong user name or password");
        }
        Sessions.Session session = sessions.open(caller.get());
        String secure = req.isSecure() ? "; Secure" : "";
        resp.addHeader("Set-Cookie", Sessions.COOKIE + "=" + session.token() + "; Path=/; HttpOnly; SameSite=Strict" + secure);
        audit.record(caller.get().user(), "login", "", "session");
        return describe(caller.get(), session.csrfToken());
    }

    private Object logout(ApiRequest r) {
        String token = ApiServlet.sessionCookie(r.http());
        sessions.close(token);
        r.response().addHeader("Set-Cookie", Sessions.COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
        audit.record(r.caller().user(), "logout", "", "");
        return new Route.Reply(204, null);
    }

    private String csrfOf(ApiRequest r) {
        return sessions.find(ApiServlet.sessionCookie(r.http())).filter(s -> s.caller().user().equals(r.caller().user()))
                .map(Sessions.Session::csrfToken).orElse(null);
    }

    private static ObjectNode describe(Caller caller, String csrf) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("user", caller.user());
        var roles = out.putArray("roles");
        caller.roles().stream().map(Role::principalName).sorted().forEach(roles::add);
        out.put("csrfToken", csrf);
        return out;
    }
}

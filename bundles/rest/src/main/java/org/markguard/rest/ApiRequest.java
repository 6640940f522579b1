package org.markguard.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;

/** What a route handler sees of a request: caller, path parameters, query, body. */
final class ApiRequest {
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final HttpServletRequest http;
    private final javax.servlet.http.HttpServletResponse response;
    private final Caller caller;
    private final Map<String, String> pathParams;
    /** Nanoseconds the handler spent waiting on the listing store, for {@code Server-Timing}; -1 when it did not. */
    private long storeNanos = -1;

    ApiRequest(HttpServletRequest http, javax.servlet.http.HttpServletResponse response, Caller caller,
               Map<String, String> pathParams) {
        this.http = http;
        this.response = response;
        this.caller = caller;
        this.pathParams = pathParams;
    }

    HttpServletRequest http() {
        return http;
    }

    /** For the few routes that set a header or cookie (the session routes). */
    javax.servlet.http.HttpServletResponse response() {
        return response;
    }

    Caller caller() {
        return caller;
    }

    /** Notes how long the handler waited on the listing store (sent back as {@code Server-Timing: store}). */
    void storeTook(long nanos) {
        storeNanos = nanos;
    }

    long storeNanos() {
        return storeNanos;
    }

    String path(String name) {
        return pathParams.get(name);
    }

    /** A query parameter, null when absent; a parameter given twice is a client error. */
    String query(String name) {
        String[] values = http.getParameterValues(name);
        if (values == null || values.length == 0) {
            return null;
        }
        if (values.length > 1) {
            throw ApiException.badRequest("query parameter '" + name + "' given more than once");
        }
        return values[0];
    }

    /** Rejects parameters the endpoint does not know, so a typo is not silently ignored. */
    void allowOnlyQuery(Set<String> known) {
        for (String name : http.getParameterMap().keySet()) {
            if (!known.contains(name)) {
                throw ApiException.badRequest("unknown query parameter '" + name + "'; known: "
                        + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    /** The request body, at most {@link #MAX_BODY_BYTES}. */
    byte[] body() {
        try (InputStream in = http.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new ApiException(413, "request body larger than " + MAX_BODY_BYTES + " bytes");
            }
            if (bytes.length == 0) {
                throw ApiException.badRequest("a JSON request body is required");
            }
            return bytes;
        } catch (IOException e) {
            throw ApiException.badRequest("could not read the request body: " + e.getMessage());
        }
    }
}

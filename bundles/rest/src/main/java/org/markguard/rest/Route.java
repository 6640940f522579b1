package org.markguard.rest;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** One endpoint: method, path template with {@code {name}} segments, allowed roles, handler. */
record Route(String method, String template, Set<Role> roles, Handler handler) {

    /** Answers a request; returns the body to write as JSON (status 200) or a {@link Reply}. */
    @FunctionalInterface
    interface Handler {
        Object handle(ApiRequest request) throws Exception;
    }

    /** A body with a status other than 200. */
    record Reply(int status, Object body) {
    }

    /** The path parameters when the path fits the template, else null. */
    Map<String, String> match(String path) {
        String[] want = template.split("/");
        String[] got = path.split("/", -1);
        if (want.length != got.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < want.length; i++) {
            if (want[i].startsWith("{") && want[i].endsWith("}")) {
                if (got[i].isEmpty()) {
                    return null;
                }
                params.put(want[i].substring(1, want[i].length() - 1), got[i]);
            } else if (!want[i].equals(got[i])) {
                return null;
            }
        }
        return params;
    }
}

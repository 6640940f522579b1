package org.markguard.rest;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One endpoint: method, path template with {@code {name}} segments, the roles allowed, and the
 * handler. A state-changing route is audited under {@code audit} (default: method and template).
 */
record Route(String method, String template, Set<Role> roles, Handler handler, String audit) {

    Route(String method, String template, Set<Role> roles, Handler handler) {
        this(method, template, roles, handler, null);
    }

    @FunctionalInterface
    interface Handler {
        Object handle(ApiRequest request) throws Exception;
    }

    record Reply(int status, Object body) {
    }

    /** A file streamed from disk (an evidence packet), never read into memory whole. */
    record Download(java.nio.file.Path file, String contentType, Map<String, String> headers) {
    }

    /** A non-JSON answer: a file download or a sandboxed capture. */
    record Raw(int status, String contentType, byte[] body, Map<String, String> headers) {
    }

    /** A route whose handler records its own, more telling audit entry. */
    static final String AUDITED_BY_HANDLER = "";

    boolean changesState() {
        return !"GET".equals(method);
    }

    String auditAction() {
        return audit != null ? audit : method + " " + template;
    }

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

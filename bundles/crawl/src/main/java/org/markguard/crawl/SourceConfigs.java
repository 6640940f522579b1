package org.markguard.crawl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.markguard.api.SourceDefinition;
import org.markguard.api.SourceSecrets;

/**
 * Converts sources to and from ConfigAdmin properties, and validates them. A source file
 * {@code etc/markguard.source-<name>.cfg} carries the same keys as the REST body; list values are
 * comma-separated there (Karaf does not split .cfg values by itself).
 */
final class SourceConfigs {
    static final String FACTORY_PID = "markguard.source";
    static final Set<String> KEYS = Set.of("name", "platform", "seeds", "allowedHosts", "maxDepth",
            "maxPages", "politenessDelayMs", "includePatterns", "excludePatterns", "userAgent", "threads", "render",
            "renderBudget", "renderTimeoutMs", "schedule", ".headers", ".cookies");
    static final int DEFAULT_MAX_DEPTH = 5;
    static final int DEFAULT_MAX_PAGES = 10_000;
    static final int DEFAULT_POLITENESS_MS = 1_000;

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern PLATFORM = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    private SourceConfigs() {
    }

    /** Fills defaults and checks every value; the message names the field at fault. */
    static SourceDefinition validate(SourceDefinition s) {
        List<String> errors = new ArrayList<>();
        if (s.name() == null || !NAME.matcher(s.name()).matches()) {
            errors.add("name: required, lowercase letters, digits and dashes, at most 63 characters");
        }
        if (s.platform() == null || !PLATFORM.matcher(s.platform()).matches()) {
            errors.add("platform: required, lowercase letters, digits, '-' or '_' (e.g. shopee, lazada)");
        }
        if (s.seeds().isEmpty()) {
            errors.add("seeds: at least one http(s) URL is required");
        }
        Set<String> hosts = new LinkedHashSet<>();
        for (String seed : s.seeds()) {
            String host = org.markguard.api.ListingUrls.hostOf(seed);
            if (host == null) {
                errors.add("seeds: not an absolute http(s) URL: '" + seed + "'");
            } else {
                hosts.add(host);
            }
        }
        for (String h : s.allowedHosts()) {
            if (h == null || h.isBlank() || h.contains("/")) {
                errors.add("allowedHosts: not a host name: '" + h + "'");
            }
        }
        if (s.maxDepth() < 0 || s.maxDepth() > 100) {
            errors.add("maxDepth: must be between 0 and 100");
        }
        if (s.maxPages() < 1 || s.maxPages() > 10_000_000) {
            errors.add("maxPages: must be between 1 and 10000000");
        }
        if (s.politenessDelayMs() < 0 || s.politenessDelayMs() > 600_000) {
            errors.add("politenessDelayMs: must be between 0 and 600000");
        }
        if (s.threads() < 1 || s.threads() > 16) {
            errors.add("threads: must be between 1 and 16");
        }
        if (s.renderBudget() < 0 || s.renderBudget() > 1_000_000) {
            errors.add("renderBudget: must be between 0 and 1000000");
        }
        if (s.renderTimeoutMs() < 1_000 || s.renderTimeoutMs() > 300_000) {
            errors.add("renderTimeoutMs: must be between 1000 and 300000");
        }
        if (s.userAgent() != null && (s.userAgent().isBlank() || s.userAgent().contains("\n"))) {
            errors.add("userAgent: one non-empty line");
        }
        if (s.schedule() != null && !s.schedule().isBlank()) {
            try {
                Schedule.parse(s.schedule());
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
        }
        for (String name : s.secrets().headers().keySet()) {
            if (!name.matches("[A-Za-z0-9-]+")) {
                errors.add("headers: not a header name: '" + name + "'");
            }
        }
        for (String pattern : s.excludePatterns()) {
            try {
                Pattern.compile(pattern);
            } catch (java.util.regex.PatternSyntaxException e) {
                errors.add("excludePatterns: not a regular expression: '" + pattern + "' (" + e.getDescription() + ")");
            }
        }
        for (String pattern : s.includePatterns()) {
            try {
                Pattern.compile(pattern);
            } catch (java.util.regex.PatternSyntaxException e) {
                errors.add("includePatterns: not a regular expression: '" + pattern + "' (" + e.getDescription() + ")");
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
        List<String> allowed = s.allowedHosts().isEmpty() ? List.copyOf(hosts)
                : s.allowedHosts().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        String schedule = s.schedule() == null || s.schedule().isBlank() ? null : s.schedule().strip();
        return new SourceDefinition(s.name(), s.name(), s.platform(), s.seeds(), allowed, s.maxDepth(),
                s.maxPages(), s.politenessDelayMs(), s.includePatterns(), s.excludePatterns(),
                s.userAgent() == null ? null : s.userAgent().strip(), s.threads(), s.render(), s.renderBudget(),
                s.renderTimeoutMs(), schedule, s.secrets());
    }

    static Dictionary<String, Object> toProperties(SourceDefinition s) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("name", s.name());
        p.put("platform", s.platform());
        p.put("seeds", String.join(",", s.seeds()));
        p.put("allowedHosts", String.join(",", s.allowedHosts()));
        p.put("maxDepth", s.maxDepth());
        p.put("maxPages", s.maxPages());
        p.put("politenessDelayMs", s.politenessDelayMs());
        // patterns may contain commas: kept one per line
        p.put("includePatterns", String.join("\n", s.includePatterns()));
        p.put("excludePatterns", String.join("\n", s.excludePatterns()));
        if (s.userAgent() != null) {
            p.put("userAgent", s.userAgent());
        }
        p.put("threads", s.threads());
        p.put("render", s.render());
        p.put("renderBudget", s.renderBudget());
        p.put("renderTimeoutMs", s.renderTimeoutMs());
        if (s.schedule() != null) {
            p.put("schedule", s.schedule());
        }
        // leading dot: ConfigAdmin keeps them, but they are never published as service properties
        p.put(".headers", lines(s.secrets().headers(), ": "));
        p.put(".cookies", lines(s.secrets().cookies(), "="));
        return p;
    }

    /**
     * Reads a source from configuration properties. The name defaults to the part of the PID after
     * '~' (how Karaf names the configuration of {@code markguard.source-<name>.cfg}).
     */
    static SourceDefinition fromProperties(String pid, Dictionary<String, ?> p) {
        String name = string(p.get("name"));
        if (name == null && pid != null && pid.contains("~")) {
            name = pid.substring(pid.indexOf('~') + 1);
        }
        SourceDefinition raw = new SourceDefinition(name, name, string(p.get("platform")),
                list(p.get("seeds")), list(p.get("allowedHosts")),
                integer(p.get("maxDepth"), DEFAULT_MAX_DEPTH, "maxDepth"),
                integer(p.get("maxPages"), DEFAULT_MAX_PAGES, "maxPages"),
                integer(p.get("politenessDelayMs"), DEFAULT_POLITENESS_MS, "politenessDelayMs"),
                lines(p.get("includePatterns")), lines(p.get("excludePatterns")), string(p.get("userAgent")),
                integer(p.get("threads"), SourceDefinition.DEFAULT_THREADS, "threads"),
                bool(p.get("render"), "render"),
                integer(p.get("renderBudget"), SourceDefinition.DEFAULT_RENDER_BUDGET, "renderBudget"),
                integer(p.get("renderTimeoutMs"), SourceDefinition.DEFAULT_RENDER_TIMEOUT_MS, "renderTimeoutMs"),
                string(p.get("schedule")),
                new SourceSecrets(pairs(p.get(".headers"), ":"), pairs(p.get(".cookies"), "=")));
        return validate(raw);
    }

    private static String string(Object o) {
        return o == null || o.toString().isBlank() ? null : o.toString().strip();
    }

    static List<String> list(Object o) {
        if (o == null) {
            return List.of();
        }
        Collection<?> items = o instanceof String[] a ? Arrays.asList(a)
                : o instanceof Collection<?> c ? c : List.of(o.toString().split(","));
        return items.stream().map(Object::toString).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    /** Regular expressions may contain commas, so they are separated by newlines (or given as an array). */
    static List<String> lines(Object o) {
        if (o == null) {
            return List.of();
        }
        Collection<?> items = o instanceof String[] a ? Arrays.asList(a)
                : o instanceof Collection<?> c ? c : List.of(o.toString().split("\\R"));
        return items.stream().map(Object::toString).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    private static String lines(java.util.Map<String, String> map, String separator) {
        StringBuilder sb = new StringBuilder();
        map.forEach((k, v) -> sb.append(k).append(separator).append(v).append('\n'));
        return sb.toString();
    }

    /** "Name: value" (headers) or "name=value" (cookies), one per line. */
    private static java.util.Map<String, String> pairs(Object o, String separator) {
        java.util.Map<String, String> map = new java.util.LinkedHashMap<>();
        for (String line : lines(o)) {
            int at = line.indexOf(separator);
            if (at <= 0) {
                throw new IllegalArgumentException("secrets: expected 'name" + separator + "value' lines");
            }
            map.put(line.substring(0, at).strip(), line.substring(at + 1).strip());
        }
        return map;
    }

    private static boolean bool(Object o, String key) {
        if (o == null || o.toString().isBlank()) {
            return false;
        }
        String v = o.toString().strip();
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalArgumentException(key + ": true or false, not '" + o + "'");
    }

    private static int integer(Object o, int dflt, String key) {
        if (o == null || o.toString().isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(o.toString().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": not an integer: '" + o + "'");
        }
    }
}

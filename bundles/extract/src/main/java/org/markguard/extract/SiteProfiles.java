package org.markguard.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-platform profiles ({@code <platform>.json}, format in config/profiles/README.md), read
 * from a folder given by configuration and re-read when a file's modification time changes, so an
 * analyst can fix a selector without a restart. A platform without a file in the folder uses the
 * copy bundled from config/profiles; a file that does not parse keeps the last good version.
 * Thread-safe; the file's time is looked at most once a second per platform.
 */
final class SiteProfiles {
    private static final long RECHECK_MILLIS = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode NONE = JSON.createObjectNode();
    private static final java.util.regex.Pattern PLATFORM_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private record Cached(JsonNode profile, FileTime modified, long checkedAt) {
    }

    private final Path folder;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** @param folder where profiles are read from; null for the bundled copies only */
    SiteProfiles(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    /** The profile of a platform, or null when there is none. */
    JsonNode forPlatform(String platform) {
        if (platform == null || !PLATFORM_NAME.matcher(platform).matches()) {
            return null; // also keeps "../x" out of the file name
        }
        String key = platform.toLowerCase(Locale.ROOT);
        long now = System.currentTimeMillis();
        Cached cached = cache.get(key);
        if (cached != null && now - cached.checkedAt < RECHECK_MILLIS) {
            return cached.profile == NONE ? null : cached.profile;
        }
        Cached fresh = load(key, cached, now);
        cache.put(key, fresh);
        return fresh.profile == NONE ? null : fresh.profile;
    }

    private Cached load(String key, Cached previous, long now) {
        Path file = folder == null ? null : folder.resolve(key + ".json");
        try {
            if (file != null && Files.isRegularFile(file)) {
                FileTime modified = Files.getLastModifiedTime(file);
                if (previous != null && modified.equals(previous.modified)) {
                    return new Cached(previous.profile, modified, now);
                }
                try (InputStream in = Files.newInputStream(file)) {
                    return new Cached(validated(JSON.readTree(in)), modified, now);
                }
            }
            try (InputStream in = SiteProfiles.class.getResourceAsStream("/profiles/" + key + ".json")) {
                return new Cached(in == null ? NONE : validated(JSON.readTree(in)), null, now);
            }
        } catch (IOException | RuntimeException e) {
            // a half-written or broken file: keep what worked before
            return new Cached(previous == null ? NONE : previous.profile, previous == null ? null : previous.modified,
                    now);
        }
    }

    private static JsonNode validated(JsonNode profile) throws IOException {
        if (profile == null || !profile.path("fields").isObject()) {
            throw new IOException("a profile needs a \"fields\" object");
        }
        return profile;
    }
}

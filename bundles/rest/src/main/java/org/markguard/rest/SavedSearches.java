package org.markguard.rest;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Each user's saved searches in one small JSON file ({@code <user>.json}), replaced atomically on
 * every change. User names are restricted to {@code [a-z0-9._-]}, so they are safe file names.
 */
final class SavedSearches {
    static final int MAX_PER_USER = 200;

    record SavedSearch(String id, String name, Map<String, String> params, Instant createdAt) {
    }

    private final Path directory;

    SavedSearches(Path directory) {
        this.directory = directory;
    }

    synchronized List<SavedSearch> list(String user) {
        Path file = file(user);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return Json.MAPPER.readValue(file.toFile(), new TypeReference<List<SavedSearch>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("saved searches of " + user + " unreadable: " + file, e);
        }
    }

    synchronized SavedSearch add(String user, String name, Map<String, String> params) {
        List<SavedSearch> all = new ArrayList<>(list(user));
        if (all.size() >= MAX_PER_USER) {
            throw ApiException.badRequest("at most " + MAX_PER_USER + " saved searches per user");
        }
        SavedSearch s = new SavedSearch(UUID.randomUUID().toString(), name, Map.copyOf(params), Instant.now());
        all.add(s);
        write(user, all);
        return s;
    }

    synchronized boolean remove(String user, String id) {
        List<SavedSearch> all = new ArrayList<>(list(user));
        boolean removed = all.removeIf(s -> s.id().equals(id));
        if (removed) {
            write(user, all);
        }
        return removed;
    }

    private void write(String user, List<SavedSearch> all) {
        try {
            Files.createDirectories(directory);
            Path tmp = Files.createTempFile(directory, user, ".tmp");
            Json.MAPPER.writeValue(tmp.toFile(), all);
            Files.move(tmp, file(user), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("saved searches of " + user + " cannot be written in " + directory, e);
        }
    }

    private Path file(String user) {
        if (!user.matches("[A-Za-z0-9._-]{1,64}") || user.startsWith(".")) {
            throw ApiException.badRequest("saved searches need a plain user name");
        }
        return directory.resolve(user + ".json");
    }
}

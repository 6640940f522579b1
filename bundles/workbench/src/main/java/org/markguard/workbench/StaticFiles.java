package org.markguard.workbench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The UI's files, read from one resource folder and nothing else. A request path is accepted only
 * when every segment is a plain name (letters, digits, dot, dash, underscore, not starting with a
 * dot) and the extension has a known content type, so {@code ..}, encoded tricks, dot-files and
 * class files are never reachable. Files are read once: a bundle's content does not change while it
 * is installed (an update starts a new servlet).
 */
final class StaticFiles {
    /** A file ready to send. */
    record Asset(byte[] bytes, String contentType, String etag) {
    }

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json; charset=utf-8",
            "txt", "text/plain; charset=utf-8");

    private final String folder;
    private final Function<String, URL> resources;
    private final Map<String, Asset> cache = new ConcurrentHashMap<>();

    /**
     * @param folder the resource folder, e.g. {@code web}
     * @param resources finds a resource by its full name ({@code web/js/app.js}), null when absent
     */
    StaticFiles(String folder, Function<String, URL> resources) {
        this.folder = folder;
        this.resources = resources;
    }

    /**
     * The file for a path below the UI root ({@code /}, {@code /index.html}, {@code /js/app.js}), or
     * empty when the path is not acceptable or there is no such file.
     */
    Optional<Asset> find(String path) {
        // absent files are not remembered, so probing many names cannot grow the cache
        return relative(path).map(p -> cache.computeIfAbsent(p, this::load));
    }

    /** The path checked and made relative to the folder; the root is {@code index.html}. */
    static Optional<String> relative(String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return Optional.of("index.html");
        }
        if (path.charAt(0) != '/' || path.endsWith("/")) {
            return Optional.empty();
        }
        String rest = path.substring(1);
        for (String segment : rest.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.contains("..")) {
                return Optional.empty();
            }
        }
        return contentType(rest).isPresent() ? Optional.of(rest) : Optional.empty();
    }

    static Optional<String> contentType(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0 || name.lastIndexOf('/') > dot) {
            return Optional.empty();
        }
        return Optional.ofNullable(TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    private Asset load(String relative) {
        URL url = resources.apply(folder + "/" + relative);
        if (url == null) {
            return null;
        }
        try (InputStream in = url.openStream()) {
            byte[] bytes = in.readAllBytes();
            return new Asset(bytes, contentType(relative).orElseThrow(), etag(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

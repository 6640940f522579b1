package org.markguard.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Unpacks Playwright's driver (the JavaScript of {@code driver/package}, from the small
 * {@code com.microsoft.playwright:driver} jar) into a directory that Playwright is then pointed at
 * with {@code playwright.cli.dir}; the system Node.js runs it.
 *
 * <p>Why not let Playwright do it: its {@code DriverJar} turns the resource URL into a
 * {@link java.nio.file.FileSystem}, which works for {@code jar:} and {@code file:} URLs but not for
 * a bundle's {@code bundle://} URL under OSGi. Here the files are listed through
 * {@link Bundle#findEntries} in a framework, and through the jar or folder otherwise, so tests run
 * the same code path as Karaf does (apart from the listing).
 */
final class DriverFiles {
    static final String ROOT = "driver/package/";
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"");

    private DriverFiles() {
    }

    /**
     * The unpacked driver directory under {@code workDirectory} (it holds {@code package/cli.js}),
     * unpacked once per driver version; concurrent callers and restarts reuse a complete copy.
     */
    static Path unpack(Path workDirectory) throws IOException {
        Map<String, URL> files = list();
        URL packageJson = files.get("package.json");
        if (packageJson == null || !files.containsKey("cli.js")) {
            throw new IOException("Playwright's driver files (" + ROOT + ") are not on the class path");
        }
        String version = version(packageJson);
        Path target = workDirectory.resolve("playwright-driver-" + version);
        if (Files.isRegularFile(target.resolve(".complete"))) {
            return target;
        }
        Files.createDirectories(workDirectory);
        Path staging = Files.createTempDirectory(workDirectory, "playwright-driver-unpacking-");
        try {
            for (Map.Entry<String, URL> file : files.entrySet()) {
                Path to = staging.resolve("package").resolve(file.getKey()).normalize();
                if (!to.startsWith(staging)) {
                    throw new IOException("driver entry outside its folder: " + file.getKey());
                }
                Files.createDirectories(to.getParent());
                try (InputStream in = file.getValue().openStream()) {
                    Files.copy(in, to);
                }
            }
            Files.writeString(staging.resolve(".complete"), version);
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException raced) {
                // another instance unpacked the same version first: use that one
            }
        } finally {
            deleteTree(staging);
        }
        return target;
    }

    /** Every file under {@link #ROOT}, by its path relative to it. */
    private static Map<String, URL> list() throws IOException {
        Map<String, URL> files = new LinkedHashMap<>();
        Bundle bundle = FrameworkUtil.getBundle(DriverFiles.class);
        if (bundle != null) {
            Enumeration<URL> entries = bundle.findEntries(ROOT, "*", true);
            for (URL url : entries == null ? Collections.<URL>emptyList() : Collections.list(entries)) {
                String path = url.getPath();
                int at = path.indexOf(ROOT);
                if (at >= 0 && !path.endsWith("/")) {
                    files.put(path.substring(at + ROOT.length()), url);
                }
            }
            return files;
        }
        URL marker = DriverFiles.class.getClassLoader().getResource(ROOT + "package.json");
        if (marker == null) {
            return files;
        }
        if ("jar".equals(marker.getProtocol())) {
            JarURLConnection connection = (JarURLConnection) marker.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                for (JarEntry entry : Collections.list(jar.entries())) {
                    if (entry.getName().startsWith(ROOT) && !entry.isDirectory()) {
                        files.put(entry.getName().substring(ROOT.length()),
                                new URL("jar:" + connection.getJarFileURL() + "!/" + entry.getName()));
                    }
                }
            }
        } else {
            try {
                Path root = Path.of(marker.toURI()).getParent();
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile).forEach(p -> files.put(
                            root.relativize(p).toString().replace('\\', '/'), toUrl(p)));
                }
            } catch (URISyntaxException e) {
                throw new IOException("cannot list " + marker, e);
            }
        }
        return files;
    }

    private static URL toUrl(Path p) {
        try {
            return p.toUri().toURL();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String version(URL packageJson) throws IOException {
        try (InputStream in = packageJson.openStream()) {
            Matcher m = VERSION.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return m.find() ? m.group(1).replaceAll("[^A-Za-z0-9.-]", "_") : "unknown";
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

package org.markguard.detect.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.markguard.api.Listing;
import org.markguard.api.Registries;

/** What the last finished backfill ran with: detector id@versions and a hash of the registries. */
final class BackfillState {
    private final Path file;
    private volatile Set<String> detectors = Set.of();
    private volatile String registryHash;

    BackfillState(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
                String d = p.getProperty("detectors", "");
                detectors = d.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(d.split(",")));
                registryHash = p.getProperty("registries");
            } catch (IOException e) {
                // unreadable: treat as never backfilled, which only costs one re-scan
            }
        }
    }

    static BackfillState inKarafData() {
        String data = System.getProperty("karaf.data", System.getProperty("java.io.tmpdir"));
        return new BackfillState(Path.of(data, "markguard", "backfill-state.properties"));
    }

    Set<String> detectors() {
        return detectors;
    }

    String registryHash() {
        return registryHash;
    }

    /** Records a finished backfill; detectors seen before stay known (a removed one coming back is not new). */
    void save(Set<String> ran, String hash) throws IOException {
        Set<String> all = new TreeSet<>(detectors);
        all.addAll(ran);
        Properties p = new Properties();
        p.setProperty("detectors", String.join(",", all));
        p.setProperty("registries", hash);
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            p.store(out, "markguard: what the last finished backfill ran with");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        detectors = Set.copyOf(all);
        registryHash = hash;
    }

    /** A hash of the registries' content (records print their content). */
    static String hash(Registries r) {
        return Listing.sha256Hex(r.toString().getBytes(StandardCharsets.UTF_8));
    }
}

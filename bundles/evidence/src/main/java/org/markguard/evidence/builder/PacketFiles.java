package org.markguard.evidence.builder;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.markguard.api.EvidenceStatus;

/**
 * The packet directory: {@code <id>.zip}, its status {@code <id>.json} (so READY packets survive a
 * restart) and its full custody log {@code <id>.custody.jsonl}; a zip is written as
 * {@code <id>.zip.part} and renamed only once sealed, and each build works in a {@code .work-<id>-*}
 * folder of its own, so nothing half-made ever looks like a packet.
 */
final class PacketFiles {
    private static final Pattern ID = Pattern.compile("mg-\\d{8}-\\d{6}-[0-9a-f]{6}");
    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String PART = ".zip.part";

    private final Path directory;
    private final SecureRandom random = new SecureRandom();

    PacketFiles(Path directory) throws IOException {
        this.directory = directory;
        Files.createDirectories(directory);
    }

    Path directory() {
        return directory;
    }

    /** A new id, {@code mg-<UTC yyyyMMdd-HHmmss>-<6 random hex>}, not used by any file here. */
    String newId(Instant now) {
        while (true) {
            byte[] bytes = new byte[3];
            random.nextBytes(bytes);
            String id = "mg-" + ID_TIME.format(now) + "-" + HexFormat.of().formatHex(bytes);
            if (!Files.exists(status(id)) && !Files.exists(zip(id))) {
                return id;
            }
        }
    }

    /** Whether {@code id} has the shape of a packet id: anything else never reaches the file system. */
    static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    Path zip(String id) {
        return directory.resolve(id + ".zip");
    }

    Path partialZip(String id) {
        return directory.resolve(id + PART);
    }

    Path status(String id) {
        return directory.resolve(id + ".json");
    }

    Path custodyLog(String id) {
        return directory.resolve(id + ".custody.jsonl");
    }

    Path newWorkDirectory(String id) throws IOException {
        return Files.createTempDirectory(directory, ".work-" + id + "-");
    }

    void saveStatus(EvidenceStatus status) throws IOException {
        Path target = status(status.id());
        Path temporary = Files.createTempFile(directory, "." + status.id() + "-", ".json.tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                Json.PRETTY.writeValue(out, status);
            }
            moveReplacing(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    Optional<EvidenceStatus> readStatus(String id) {
        Path file = status(id);
        if (!isId(id) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            EvidenceStatus status = Json.MAPPER.readValue(file.toFile(), EvidenceStatus.class);
            return id.equals(status.id()) ? Optional.of(status) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // a damaged status file hides its packet rather than breaking list()
        }
    }

    /** Every status file here, in no particular order. */
    List<EvidenceStatus> readAllStatuses() throws IOException {
        List<EvidenceStatus> statuses = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "mg-*.json")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                readStatus(name.substring(0, name.length() - ".json".length())).ifPresent(statuses::add);
            }
        }
        return statuses;
    }

    /** Removes what builds interrupted by a stop left: partial zips and work folders. */
    void removeLeftovers() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(PART) || name.endsWith(".json.tmp")) {
                    Files.deleteIfExists(file);
                } else if (name.startsWith(".work-") && Files.isDirectory(file)) {
                    deleteTree(file);
                }
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static void forceToDisk(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    static void moveReplacing(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

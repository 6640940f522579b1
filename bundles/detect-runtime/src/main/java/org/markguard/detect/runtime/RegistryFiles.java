package org.markguard.detect.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Where the registry files live and how they are replaced without a reader ever seeing half a file. */
final class RegistryFiles {
    static final String KARAF_ETC = "karaf.etc";
    static final Path FALLBACK_DIR = Paths.get("config", "registry");

    private RegistryFiles() {
    }

    /**
     * The registry folder: the configured one ({@code ${karaf.etc}} expanded), else
     * {@code ${karaf.etc}/markguard/registry}, else {@code ./config/registry} outside Karaf.
     */
    static Path resolveDir(String configured, String karafEtc) {
        boolean hasEtc = karafEtc != null && !karafEtc.isBlank();
        if (configured != null && !configured.isBlank()) {
            String dir = configured.strip();
            if (dir.contains("${" + KARAF_ETC + "}")) {
                dir = dir.replace("${" + KARAF_ETC + "}", hasEtc ? karafEtc : "etc");
            }
            return Paths.get(dir);
        }
        return hasEtc ? Paths.get(karafEtc, "markguard", "registry") : FALLBACK_DIR;
    }

    /**
     * Writes a file so that it is either the old or the new content, never a mix: a temporary file in
     * the same folder, flushed to disk, then renamed over the target in one atomic step.
     */
    static void writeAtomically(Path dir, String fileName, byte[] content) throws IOException {
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + fileName + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, dir.resolve(fileName), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp); // only still there when something failed
        }
    }
}

package org.markguard.evidence;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The files of a bag, wherever they are: a directory or a zip read in place (nothing is
 * extracted). Paths are relative to the bag's top folder, '/'-separated.
 */
interface BagSource extends Closeable {
    /** Tag files are small; a larger one is refused rather than read into memory. */
    long MAX_TAG_FILE_BYTES = 256L << 20;

    /** Opens a directory (the bag itself, or a folder holding exactly one bag) or a zip. */
    static BagSource open(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return DirectoryBag.open(path);
        }
        if (Files.isRegularFile(path)) {
            return ZippedBag.open(path);
        }
        throw new IOException(path + " is neither a zip file nor a directory");
    }

    /** The top folder's name inside a zip (the packet id); empty for a directory. */
    Optional<String> folderName();

    /** Every regular file, sorted. */
    List<String> files();

    /** What is wrong with the container itself (zip entries outside the top folder, duplicates, links). */
    List<VerificationReport.Problem> containerProblems();

    boolean exists(String path);

    InputStream open(String path) throws IOException;

    /** A whole (tag) file, at most {@link #MAX_TAG_FILE_BYTES}. */
    default byte[] read(String path) throws IOException {
        try (InputStream in = open(path)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_TAG_FILE_BYTES + 1));
            if (bytes.length > MAX_TAG_FILE_BYTES) {
                throw new IOException("larger than " + (MAX_TAG_FILE_BYTES >> 20) + " MiB, too large for a tag file");
            }
            return bytes;
        }
    }
}

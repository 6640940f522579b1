package org.markguard.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Zip handling for the tests: list, unzip, and copy a packet with one entry changed. */
final class Zips {
    private Zips() {
    }

    /** The entry names below the packet's top folder, e.g. {@code data/x.warc.gz}. */
    static List<String> files(Path zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            file.stream().filter(e -> !e.isDirectory()).forEach(e -> names.add(e.getName().substring(e.getName().indexOf('/') + 1)));
        }
        return names;
    }

    static byte[] read(Path zip, String file) throws IOException {
        try (ZipFile zipFile = new ZipFile(zip.toFile())) {
            ZipEntry entry = zipFile.stream().filter(e -> e.getName().substring(e.getName().indexOf('/') + 1).equals(file))
                    .findFirst().orElseThrow(() -> new IOException(file + " is not in " + zip));
            try (InputStream in = zipFile.getInputStream(entry)) {
                return in.readAllBytes();
            }
        }
    }

    /** Unzips into {@code directory}; returns the bag folder. */
    static Path unzip(Path zip, Path directory) throws IOException {
        Path top = null;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : (Iterable<ZipEntry>) () -> file.stream().map(e -> (ZipEntry) e).iterator()) {
                Path target = directory.resolve(entry.getName()).normalize();
                if (!target.startsWith(directory)) {
                    throw new IOException("unsafe entry " + entry.getName());
                }
                if (top == null) {
                    top = directory.resolve(entry.getName().substring(0, entry.getName().indexOf('/')));
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, target);
                }
            }
        }
        return top;
    }

    /** A copy of a packet with one file's bytes changed (a valid zip: only the content differs). */
    static Path copyChanging(Path zip, String file, UnaryOperator<byte[]> change, Path copy) throws IOException {
        boolean found = false;
        try (ZipFile in = new ZipFile(zip.toFile()); OutputStream out = Files.newOutputStream(copy);
             ZipOutputStream zipOut = new ZipOutputStream(out)) {
            for (ZipEntry entry : (Iterable<ZipEntry>) () -> in.stream().map(e -> (ZipEntry) e).iterator()) {
                byte[] bytes;
                try (InputStream entryIn = in.getInputStream(entry)) {
                    bytes = entryIn.readAllBytes();
                }
                if (entry.getName().substring(entry.getName().indexOf('/') + 1).equals(file)) {
                    bytes = change.apply(bytes);
                    found = true;
                }
                zipOut.putNextEntry(new ZipEntry(entry.getName()));
                zipOut.write(bytes);
                zipOut.closeEntry();
            }
        }
        if (!found) {
            throw new IllegalArgumentException(file + " is not in " + zip);
        }
        return copy;
    }

    /** A copy with one more file (name below the top folder). */
    static Path copyAdding(Path zip, String file, byte[] content, Path copy) throws IOException {
        try (ZipFile in = new ZipFile(zip.toFile()); OutputStream out = Files.newOutputStream(copy);
             ZipOutputStream zipOut = new ZipOutputStream(out)) {
            String top = null;
            for (ZipEntry entry : (Iterable<ZipEntry>) () -> in.stream().map(e -> (ZipEntry) e).iterator()) {
                top = entry.getName().substring(0, entry.getName().indexOf('/') + 1);
                zipOut.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream entryIn = in.getInputStream(entry)) {
                    entryIn.transferTo(zipOut);
                }
                zipOut.closeEntry();
            }
            zipOut.putNextEntry(new ZipEntry(top + file));
            zipOut.write(content);
            zipOut.closeEntry();
        }
        return copy;
    }

    /** A copy without one file. */
    static Path copyRemoving(Path zip, String file, Path copy) throws IOException {
        try (ZipFile in = new ZipFile(zip.toFile()); OutputStream out = Files.newOutputStream(copy);
             ZipOutputStream zipOut = new ZipOutputStream(out)) {
            for (ZipEntry entry : (Iterable<ZipEntry>) () -> in.stream().map(e -> (ZipEntry) e).iterator()) {
                if (entry.getName().substring(entry.getName().indexOf('/') + 1).equals(file)) {
                    continue;
                }
                zipOut.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream entryIn = in.getInputStream(entry)) {
                    entryIn.transferTo(zipOut);
                }
                zipOut.closeEntry();
            }
        }
        return copy;
    }

    /** One bit of the middle byte flipped; an empty file gets one byte instead. */
    static byte[] flipMiddleByte(byte[] bytes) {
        if (bytes.length == 0) {
            return new byte[] {1};
        }
        byte[] copy = bytes.clone();
        copy[copy.length / 2] ^= (byte) 0x01;
        return copy;
    }
}

package org.markguard.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A bag zipped under one top folder, read in place through the zip's central directory. Entries
 * that an unzip tool would place outside that folder, or two entries with one name (different
 * tools would extract different ones), are container problems.
 */
final class ZippedBag implements BagSource {
    private final ZipFile zip;
    private final Map<String, ZipEntry> entries = new TreeMap<>();
    private final List<VerificationReport.Problem> problems = new ArrayList<>();
    private String folder;

    private ZippedBag(ZipFile zip) {
        this.zip = zip;
    }

    static ZippedBag open(Path file) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException(file + " cannot be read as a zip file: " + e.getMessage(), e);
        }
        ZippedBag bag = new ZippedBag(zip);
        try {
            bag.index();
        } catch (RuntimeException e) { // a malformed central directory entry
            zip.close();
            throw new IOException(file + " cannot be read as a zip file: " + e.getMessage(), e);
        }
        return bag;
    }

    private void index() {
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            ZipEntry entry = all.nextElement();
            String name = entry.getName();
            String trimmed = entry.isDirectory() ? name.substring(0, name.length() - 1) : name;
            String unsafe = PayloadPath.problem(trimmed);
            if (unsafe != null) {
                problems.add(problem(name, "unsafe zip entry name: " + unsafe));
                continue;
            }
            int slash = trimmed.indexOf('/');
            String top = slash < 0 ? trimmed : trimmed.substring(0, slash);
            if (folder == null) {
                folder = top;
            }
            if (!top.equals(folder)) {
                problems.add(problem(name, "outside the packet's top folder " + folder + "/"));
            } else if (slash < 0 && !entry.isDirectory()) {
                problems.add(problem(name, "a file at the top of the zip; the bag must be inside one folder"));
            } else if (!entry.isDirectory() && entries.put(trimmed.substring(slash + 1), entry) != null) {
                problems.add(problem(trimmed.substring(slash + 1), "the zip holds two entries with this name"));
            }
        }
        if (folder == null) {
            problems.add(problem("", "the zip is empty"));
        }
    }

    private static VerificationReport.Problem problem(String file, String message) {
        return new VerificationReport.Problem("container", file, message);
    }

    @Override
    public Optional<String> folderName() {
        return Optional.ofNullable(folder);
    }

    @Override
    public List<String> files() {
        return List.copyOf(entries.keySet());
    }

    @Override
    public List<VerificationReport.Problem> containerProblems() {
        return problems;
    }

    @Override
    public boolean exists(String path) {
        return entries.containsKey(path);
    }

    @Override
    public InputStream open(String path) throws IOException {
        ZipEntry entry = entries.get(path);
        if (entry == null) {
            throw new IOException("no such entry");
        }
        return zip.getInputStream(entry);
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    @Override
    public String toString() {
        return zip.getName();
    }
}

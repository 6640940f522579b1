package org.markguard.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A bag in a directory (an unzipped packet, or any BagIt bag). */
final class DirectoryBag implements BagSource {
    private final Path root;
    private final List<String> files = new ArrayList<>();
    private final List<VerificationReport.Problem> problems = new ArrayList<>();

    private DirectoryBag(Path root) {
        this.root = root;
    }

    /** {@code directory} is the bag, or holds the bag as its only entry (as {@code unzip} leaves it). */
    static DirectoryBag open(Path directory) throws IOException {
        Path root = directory;
        if (!Files.exists(directory.resolve(PacketLayout.BAGIT))) {
            try (Stream<Path> children = Files.list(directory)) {
                List<Path> all = children.toList();
                if (all.size() == 1 && Files.isDirectory(all.get(0), LinkOption.NOFOLLOW_LINKS)) {
                    root = all.get(0);
                }
            }
        }
        DirectoryBag bag = new DirectoryBag(root);
        bag.scan();
        return bag;
    }

    private void scan() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) { // does not follow links
            for (Path path : (Iterable<Path>) walk::iterator) {
                String relative = relative(path);
                if (Files.isSymbolicLink(path)) {
                    problems.add(new VerificationReport.Problem("container", relative,
                            "is a symbolic link; a bag holds files only"));
                } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    files.add(relative);
                }
            }
        }
        files.sort(null);
    }

    private String relative(Path path) {
        List<String> names = new ArrayList<>();
        root.relativize(path).forEach(name -> names.add(name.toString()));
        return String.join("/", names);
    }

    @Override
    public Optional<String> folderName() {
        return Optional.empty();
    }

    @Override
    public List<String> files() {
        return files;
    }

    @Override
    public List<VerificationReport.Problem> containerProblems() {
        return problems;
    }

    @Override
    public boolean exists(String path) {
        return PayloadPath.problem(path) == null && Files.isRegularFile(resolve(path), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public InputStream open(String path) throws IOException {
        if (PayloadPath.problem(path) != null) {
            throw new IOException("not a path inside the bag");
        }
        return Files.newInputStream(resolve(path), LinkOption.NOFOLLOW_LINKS);
    }

    private Path resolve(String path) {
        return root.resolve(path.replace('/', root.getFileSystem().getSeparator().charAt(0)));
    }

    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return root.toString();
    }
}

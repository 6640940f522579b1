package org.markguard.evidence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One payload or tag manifest (RFC 8493 §2.1.3, §2.2.1): lines of checksum, linear whitespace,
 * path (percent-encoded CR, LF and '%'). Lines that do not parse, paths that leave the bag and
 * paths listed twice are problems of the manifest.
 */
final class Manifest {
    static final Pattern PAYLOAD_NAME = Pattern.compile("manifest-([a-z0-9]+)\\.txt");
    static final Pattern TAG_NAME = Pattern.compile("tagmanifest-([a-z0-9]+)\\.txt");
    private static final Pattern LINE = Pattern.compile("([^ \\t]+)[ \\t]+(.+)");

    /** One line: its number, the lower-case hex checksum and the decoded path. */
    record Entry(int line, String hex, String path) {
    }

    private final String file;
    private final String algorithm;
    private final List<Entry> entries;

    private Manifest(String file, String algorithm, List<Entry> entries) {
        this.file = file;
        this.algorithm = algorithm;
        this.entries = entries;
    }

    /** The algorithm of a manifest file name, empty when the name is not one of {@code pattern}. */
    static Optional<String> algorithmOf(String fileName, Pattern pattern) {
        Matcher m = pattern.matcher(fileName);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Parses a manifest of a supported algorithm; the problems go to {@code check}. */
    static Manifest parse(String file, String algorithm, String text, ReportBuilder.Recorder check) {
        int hexLength = Digests.forBagit(algorithm).getDigestLength() * 2;
        Pattern checksum = Pattern.compile("[0-9a-fA-F]{" + hexLength + "}");
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> lineByPath = new HashMap<>();
        int number = 0;
        for (String line : TagFiles.lines(text)) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                check.problem(file, "line " + number + " is not \"checksum path\": " + TagFiles.quote(line));
                continue;
            }
            if (!checksum.matcher(m.group(1)).matches()) {
                check.problem(file, "line " + number + ": " + TagFiles.quote(m.group(1)) + " is not a "
                        + algorithm + " checksum (" + hexLength + " hex digits)");
                continue;
            }
            String path = PayloadPath.decode(m.group(2));
            if (path.startsWith("./")) {
                path = path.substring(2); // BagIt 0.96/0.97 tools wrote this; it names the same file
            }
            String unsafe = PayloadPath.problem(path);
            if (unsafe != null) {
                check.problem(file, "line " + number + ": path " + PayloadPath.quote(path) + " is not allowed: " + unsafe);
                continue;
            }
            Integer earlier = lineByPath.putIfAbsent(path, number);
            if (earlier != null) {
                check.problem(file, "lists " + path + " twice (lines " + earlier + " and " + number + ")");
                continue;
            }
            entries.add(new Entry(number, m.group(1).toLowerCase(java.util.Locale.ROOT), path));
        }
        return new Manifest(file, algorithm, entries);
    }

    String file() {
        return file;
    }

    String algorithm() {
        return algorithm;
    }

    List<Entry> entries() {
        return entries;
    }

    boolean lists(String path) {
        return entries.stream().anyMatch(e -> e.path().equals(path));
    }
}

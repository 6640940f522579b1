package org.markguard.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Verifies a set of manifests (the payload ones, or the tag ones) against the bag: every listed
 * file exists and has the listed checksums. Each file is read once for all algorithms. When one
 * manifest disagrees with a file that another manifest agrees with, the disagreeing manifest is
 * named as the damaged file; when every manifest disagrees, the file itself is.
 */
final class ManifestCheck {
    private ManifestCheck() {
    }

    /** The manifest files of one kind at the top of the bag, sorted. */
    static List<String> manifestFiles(BagSource bag, Pattern kind) {
        return bag.files().stream().filter(f -> kind.matcher(f).matches()).toList();
    }

    /** Reads and parses manifests; unreadable ones and unsupported algorithms are problems. */
    static List<Manifest> load(BagSource bag, List<String> files, Pattern kind, Charset encoding,
                               ReportBuilder.Recorder check) {
        List<Manifest> manifests = new ArrayList<>();
        for (String file : files) {
            String algorithm = Manifest.algorithmOf(file, kind).orElseThrow();
            if (Digests.jcaName(algorithm).isEmpty()) {
                check.problem(file, "algorithm " + algorithm + " is not supported: its checksums cannot be checked");
                continue;
            }
            byte[] bytes;
            try {
                bytes = bag.read(file);
            } catch (IOException e) {
                check.problem(file, "cannot be read: " + e.getMessage());
                continue;
            }
            Optional<String> text = TagFiles.decode(bytes, encoding);
            if (text.isEmpty()) {
                check.problem(file, "is not " + encoding.name() + " text");
                continue;
            }
            manifests.add(Manifest.parse(file, algorithm, text.get(), check));
        }
        return manifests;
    }

    /**
     * Checks every entry of {@code manifests}.
     *
     * @return the size of every listed file that could be read
     */
    static Map<String, Long> verifyEntries(BagSource bag, List<Manifest> manifests, ReportBuilder.Recorder check) {
        Map<String, List<Listing>> listingsByPath = new TreeMap<>();
        for (Manifest manifest : manifests) {
            for (Manifest.Entry entry : manifest.entries()) {
                listingsByPath.computeIfAbsent(entry.path(), p -> new ArrayList<>()).add(new Listing(manifest, entry));
            }
        }
        Map<String, Long> sizes = new TreeMap<>();
        listingsByPath.forEach((path, listings) -> {
            if (!bag.exists(path)) {
                check.problem(path, "is missing: listed in " + names(listings));
                return;
            }
            Set<String> algorithms = new LinkedHashSet<>();
            listings.forEach(l -> algorithms.add(l.manifest().algorithm()));
            Digests.Result digests;
            try (InputStream in = bag.open(path)) {
                digests = Digests.digest(in, algorithms);
            } catch (IOException e) {
                check.problem(path, "cannot be read: " + e.getMessage());
                return;
            }
            sizes.put(path, digests.size());
            blameMismatches(path, listings, digests, check);
        });
        return sizes;
    }

    private static void blameMismatches(String path, List<Listing> listings, Digests.Result digests,
                                        ReportBuilder.Recorder check) {
        List<Listing> wrong = new ArrayList<>();
        List<Listing> right = new ArrayList<>();
        for (Listing listing : listings) {
            String actual = digests.hexByAlgorithm().get(listing.manifest().algorithm());
            (actual.equals(listing.entry().hex()) ? right : wrong).add(listing);
        }
        if (wrong.isEmpty()) {
            return;
        }
        if (!right.isEmpty()) {
            for (Listing listing : wrong) {
                check.problem(listing.manifest().file(), "line " + listing.entry().line() + ": the "
                        + listing.manifest().algorithm() + " listed for " + path + " is wrong ("
                        + path + " matches " + names(right) + ")");
            }
            return;
        }
        check.problem(path, "content changed: its " + String.join(" and ", digests.hexByAlgorithm().keySet())
                + " differ from " + names(wrong) + " (" + digests.size() + " bytes read)");
    }

    private static String names(List<Listing> listings) {
        return String.join(", ", listings.stream().map(l -> l.manifest().file()).distinct().toList());
    }

    private record Listing(Manifest manifest, Manifest.Entry entry) {
    }
}

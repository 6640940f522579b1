package org.markguard.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies an evidence packet (a zip, or an unzipped packet directory) and reports every problem
 * found rather than stopping at the first. Nothing is extracted: a zip is read in place.
 *
 * <p>Two modes. {@link #forEvidencePackets()} requires everything a markguard packet has (both
 * manifests and tag manifests, Payload-Oxum, the key and the signature). {@link #forBags()} checks
 * any RFC 8493 bag (e.g. the Library of Congress conformance suite) and applies the signature and
 * time-stamp checks only when those files are present; it must not be used to judge a packet,
 * since a packet stripped of its signature is a valid plain bag.
 *
 * <p>Immutable and thread-safe.
 */
public final class PacketVerifier {
    static final String CONTAINER = "container";
    static final String DECLARATION = "bag declaration (bagit.txt)";
    static final String BAG_INFO = "bag-info.txt and Payload-Oxum";
    static final String PAYLOAD = "payload manifests";
    static final String TAGS = "tag manifests";
    static final String SIGNATURE = "signature";
    static final String EXPECTED_KEY = "expected signing key";
    static final String TIME_STAMP = "time-stamp token";
    static final String WARC = "WARC record digests";

    private static final String FETCH = "fetch.txt";
    private static final Set<String> BAG_VERSIONS = Set.of("1.0", "0.97", "0.96", "0.95", "0.94", "0.93");

    private final boolean evidence;
    private final PublicKey expectedKey;
    private final List<X509Certificate> tsaAnchors;

    private PacketVerifier(boolean evidence, PublicKey expectedKey, List<X509Certificate> tsaAnchors) {
        this.evidence = evidence;
        this.expectedKey = expectedKey;
        this.tsaAnchors = List.copyOf(tsaAnchors);
    }

    /** Verifies markguard evidence packets: every markguard file is required. */
    public static PacketVerifier forEvidencePackets() {
        return new PacketVerifier(true, null, List.of());
    }

    /** Verifies plain BagIt bags; markguard's signature and token are checked when present. */
    public static PacketVerifier forBags() {
        return new PacketVerifier(false, null, List.of());
    }

    /** Also requires the packet's signing key to be {@code key}. */
    public PacketVerifier expectingKey(PublicKey key) {
        return new PacketVerifier(evidence, Objects.requireNonNull(key, "key"), tsaAnchors);
    }

    /** Also requires a time-stamp token's TSA certificate to be issued by one of {@code certificates}. */
    public PacketVerifier trustingTsaCertificates(List<X509Certificate> certificates) {
        return new PacketVerifier(evidence, expectedKey, certificates);
    }

    /**
     * @throws IOException only when {@code zipOrDirectory} cannot be opened at all (missing, not a
     *     zip); anything wrong inside is a problem of the report
     */
    public VerificationReport verify(Path zipOrDirectory) throws IOException {
        try (BagSource bag = BagSource.open(zipOrDirectory)) {
            ReportBuilder report = new ReportBuilder(zipOrDirectory.toString());
            ReportBuilder.Recorder container = report.check(CONTAINER);
            checkContainer(bag, container);
            Charset encoding = checkDeclaration(bag, report.check(DECLARATION));
            ReportBuilder.Recorder bagInfo = report.check(BAG_INFO);
            List<TagFiles.Field> fields = readBagInfo(bag, encoding, bagInfo);

            ReportBuilder.Recorder payload = report.check(PAYLOAD);
            Map<String, Long> payloadSizes = checkPayload(bag, encoding, payload);
            checkOxum(bag, fields, payloadSizes, bagInfo);
            checkTags(bag, encoding, report.check(TAGS));

            SignatureCheck.run(bag, evidence, expectedKey, report.check(SIGNATURE), report.check(EXPECTED_KEY));
            TimeStampCheck.run(bag, tsaAnchors, report.check(TIME_STAMP));
            WarcRecordCheck.run(bag, report.check(WARC));
            return report.build();
        }
    }

    private void checkContainer(BagSource bag, ReportBuilder.Recorder check) {
        bag.containerProblems().forEach(p -> check.problem(p.file(), p.message()));
        if (evidence) {
            List<String> required = new ArrayList<>(PacketLayout.SIGNED_TAG_FILES);
            required.addAll(List.of(PacketLayout.TAG_MANIFEST_SHA256, PacketLayout.TAG_MANIFEST_SHA512,
                    PacketLayout.SIGNATURE));
            required.stream().filter(f -> !bag.exists(f))
                    .forEach(f -> check.problem(f, "missing: every evidence packet has it"));
        }
        long payloadFiles = bag.files().stream().filter(PacketVerifier::isPayload).count();
        check.detail(bag.files().size() + " files, " + payloadFiles + " of them payload"
                + bag.folderName().map(f -> ", in folder " + f + "/").orElse(""));
    }

    private Charset checkDeclaration(BagSource bag, ReportBuilder.Recorder check) {
        if (!bag.exists(PacketLayout.BAGIT)) {
            check.problem(PacketLayout.BAGIT, "missing: not a bag");
            return StandardCharsets.UTF_8;
        }
        Optional<TagFiles.Declaration> declaration;
        try {
            declaration = TagFiles.declaration(bag.read(PacketLayout.BAGIT), check);
        } catch (IOException e) {
            check.problem(PacketLayout.BAGIT, "cannot be read: " + e.getMessage());
            return StandardCharsets.UTF_8;
        }
        if (declaration.isEmpty()) {
            return StandardCharsets.UTF_8;
        }
        String version = declaration.get().version();
        Charset encoding = declaration.get().encoding();
        if (evidence && (!version.equals("1.0") || !encoding.equals(StandardCharsets.UTF_8))) {
            check.problem(PacketLayout.BAGIT, "an evidence packet is BagIt 1.0 in UTF-8, this declares "
                    + version + " in " + encoding.name());
        } else if (!BAG_VERSIONS.contains(version)) {
            check.problem(PacketLayout.BAGIT, "BagIt version " + version + " is not supported");
        }
        check.detail("BagIt " + version + ", tag files in " + encoding.name());
        return encoding;
    }

    private List<TagFiles.Field> readBagInfo(BagSource bag, Charset encoding, ReportBuilder.Recorder check) {
        if (!bag.exists(PacketLayout.BAG_INFO)) {
            if (!evidence) {
                check.skip("no bag-info.txt (optional in a plain bag)");
            }
            return List.of();
        }
        Optional<String> text;
        try {
            text = TagFiles.decode(bag.read(PacketLayout.BAG_INFO), encoding);
        } catch (IOException e) {
            check.problem(PacketLayout.BAG_INFO, "cannot be read: " + e.getMessage());
            return List.of();
        }
        if (text.isEmpty()) {
            check.problem(PacketLayout.BAG_INFO, "is not " + encoding.name() + " text");
            return List.of();
        }
        List<TagFiles.Field> fields = TagFiles.bagInfo(text.get(), check);
        List<String> ids = TagFiles.values(fields, "External-Identifier");
        if (evidence && bag.folderName().isPresent() && !ids.contains(bag.folderName().get())) {
            check.problem(PacketLayout.BAG_INFO, "External-Identifier " + ids + " is not the packet's folder name "
                    + bag.folderName().get());
        }
        return fields;
    }

    private Map<String, Long> checkPayload(BagSource bag, Charset encoding, ReportBuilder.Recorder check) {
        List<String> files = ManifestCheck.manifestFiles(bag, Manifest.PAYLOAD_NAME);
        if (files.isEmpty()) {
            check.problem("", "no payload manifest (manifest-<algorithm>.txt)");
        }
        if (evidence) {
            requireAlgorithms(files, "manifest-", check);
        }
        List<Manifest> manifests = ManifestCheck.load(bag, files, Manifest.PAYLOAD_NAME, encoding, check);
        for (Manifest manifest : manifests) {
            manifest.entries().stream().filter(e -> !isPayload(e.path())).forEach(e -> check.problem(manifest.file(),
                    "line " + e.line() + ": " + e.path() + " is not in the payload directory data/"));
        }
        checkFetch(bag, encoding, check);
        Map<String, Long> sizes = new HashMap<>(ManifestCheck.verifyEntries(bag, manifests, check));
        List<String> payload = bag.files().stream().filter(PacketVerifier::isPayload).toList();
        for (String file : payload) {
            for (Manifest manifest : manifests) {
                if (!manifest.lists(file)) {
                    check.problem(file, "is not listed in " + manifest.file());
                }
            }
            if (!sizes.containsKey(file)) {
                sizes.put(file, sizeOf(bag, file));
            }
        }
        check.detail(payload.size() + " files, " + manifests.size() + " manifests ("
                + String.join(", ", manifests.stream().map(Manifest::algorithm).toList()) + ")");
        sizes.keySet().retainAll(payload);
        return sizes;
    }

    private void checkFetch(BagSource bag, Charset encoding, ReportBuilder.Recorder check) {
        if (!bag.exists(FETCH)) {
            return;
        }
        if (evidence) {
            check.problem(FETCH, "an evidence packet holds all its files; it has no fetch.txt");
            return;
        }
        try {
            Optional<String> text = TagFiles.decode(bag.read(FETCH), encoding);
            if (text.isEmpty()) {
                check.problem(FETCH, "is not " + encoding.name() + " text");
            } else {
                TagFiles.fetch(text.get(), check);
            }
        } catch (IOException e) {
            check.problem(FETCH, "cannot be read: " + e.getMessage());
        }
    }

    private void checkOxum(BagSource bag, List<TagFiles.Field> fields, Map<String, Long> sizes,
                           ReportBuilder.Recorder check) {
        List<String> oxums = TagFiles.values(fields, "Payload-Oxum");
        long octets = sizes.values().stream().mapToLong(s -> Math.max(s, 0)).sum();
        if (oxums.isEmpty()) {
            if (evidence) {
                check.problem(PacketLayout.BAG_INFO, bag.exists(PacketLayout.BAG_INFO) ? "has no Payload-Oxum"
                        : "missing: every evidence packet has it");
            }
            return;
        }
        if (oxums.size() > 1) {
            check.problem(PacketLayout.BAG_INFO, "has " + oxums.size() + " Payload-Oxum fields");
            return;
        }
        Optional<long[]> oxum = TagFiles.oxum(oxums.get(0));
        if (oxum.isEmpty()) {
            check.problem(PacketLayout.BAG_INFO, "Payload-Oxum " + TagFiles.quote(oxums.get(0))
                    + " is not \"octets.files\"");
        } else if (oxum.get()[0] != octets || oxum.get()[1] != sizes.size()) {
            check.problem(PacketLayout.BAG_INFO, "Payload-Oxum " + oxums.get(0) + " but the payload is "
                    + octets + "." + sizes.size());
        } else {
            check.detail(fields.size() + " fields, Payload-Oxum " + oxums.get(0) + " holds");
        }
    }

    private void checkTags(BagSource bag, Charset encoding, ReportBuilder.Recorder check) {
        List<String> files = ManifestCheck.manifestFiles(bag, Manifest.TAG_NAME);
        if (files.isEmpty() && !evidence) {
            check.skip("no tag manifests (optional in a plain bag)");
            return;
        }
        if (evidence) {
            requireAlgorithms(files, "tagmanifest-", check);
        }
        List<Manifest> manifests = ManifestCheck.load(bag, files, Manifest.TAG_NAME, encoding, check);
        ManifestCheck.verifyEntries(bag, manifests, check);
        if (evidence) {
            for (Manifest manifest : manifests) {
                PacketLayout.SIGNED_TAG_FILES.stream().filter(f -> !manifest.lists(f))
                        .forEach(f -> check.problem(manifest.file(), "does not list " + f));
            }
            Optional<Manifest> signed = manifests.stream()
                    .filter(m -> m.file().equals(PacketLayout.TAG_MANIFEST_SHA512)).findFirst();
            bag.files().stream().filter(f -> !isPayload(f) && !isOutsideTagManifests(f))
                    .filter(f -> signed.isPresent() && !signed.get().lists(f))
                    .forEach(f -> check.problem(f, "is not listed in " + PacketLayout.TAG_MANIFEST_SHA512
                            + ", so the signature does not cover it"));
        }
        check.detail(manifests.size() + " tag manifests, "
                + manifests.stream().mapToInt(m -> m.entries().size()).sum() + " entries");
    }

    private static void requireAlgorithms(List<String> files, String prefix, ReportBuilder.Recorder check) {
        for (String algorithm : PacketLayout.ALGORITHMS) {
            String name = prefix + algorithm + ".txt";
            if (!files.contains(name)) {
                check.problem(name, "missing: every evidence packet has it");
            }
        }
    }

    /** Tag manifests cannot list themselves, nor the signature and token made over one of them. */
    private static boolean isOutsideTagManifests(String file) {
        return Manifest.TAG_NAME.matcher(file).matches() || file.equals(PacketLayout.SIGNATURE)
                || file.equals(PacketLayout.TIME_STAMP);
    }

    static boolean isPayload(String path) {
        return path.startsWith(PacketLayout.PAYLOAD_DIRECTORY);
    }

    private static long sizeOf(BagSource bag, String file) {
        try (InputStream in = bag.open(file)) {
            return in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            return -1;
        }
    }
}

package org.markguard.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;

/**
 * Every {@code *.warc} and {@code *.warc.gz} file of the payload, parsed with jwarc: each record's
 * {@code WARC-Block-Digest} and {@code WARC-Payload-Digest} are recomputed. A revisit record's
 * payload digest describes an earlier record's payload, so only its block digest is checked.
 * The manifests already prove the files unchanged since packing; this proves the captures were
 * consistent when written, and names the record that is not.
 */
final class WarcRecordCheck {
    private int records;
    private int digests;
    private int withoutDigest;

    private WarcRecordCheck() {
    }

    static boolean isWarc(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.startsWith(PacketLayout.PAYLOAD_DIRECTORY) && (lower.endsWith(".warc") || lower.endsWith(".warc.gz"));
    }

    static void run(BagSource bag, ReportBuilder.Recorder check) {
        List<String> warcs = bag.files().stream().filter(WarcRecordCheck::isWarc).toList();
        if (warcs.isEmpty()) {
            check.skip("no WARC files in the payload");
            return;
        }
        WarcRecordCheck counts = new WarcRecordCheck();
        for (String file : warcs) {
            counts.checkFile(bag, file, check);
        }
        check.detail(warcs.size() + " files, " + counts.records + " records, " + counts.digests + " digests recomputed"
                + (counts.withoutDigest == 0 ? "" : ", " + counts.withoutDigest + " records without any digest"));
    }

    private void checkFile(BagSource bag, String file, ReportBuilder.Recorder check) {
        List<String> warnings = new ArrayList<>();
        String last = "before the first record";
        try (InputStream in = bag.open(file); WarcReader reader = new WarcReader(in)) {
            reader.onWarning(warnings::add);
            for (Optional<WarcRecord> next = reader.next(); next.isPresent(); next = reader.next()) {
                WarcRecord record = next.get();
                last = describe(record);
                checkRecord(file, record, last, check);
                warnings.forEach(w -> check.problem(file, describe(record) + ": " + w));
                warnings.clear();
            }
            warnings.forEach(w -> check.problem(file, w));
        } catch (IOException | RuntimeException e) {
            check.problem(file, "cannot be parsed as WARC (after " + last + "): " + e.getMessage());
        }
    }

    private void checkRecord(String file, WarcRecord record, String label, ReportBuilder.Recorder check)
            throws IOException {
        records++;
        WarcDigestValue block = declared(record, "WARC-Block-Digest", file, label, check);
        WarcDigestValue payload = "revisit".equals(record.type()) ? null
                : declared(record, "WARC-Payload-Digest", file, label, check);
        if (block == null && payload == null) {
            if (record.headers().first("WARC-Block-Digest").isEmpty()) {
                withoutDigest++;
            }
            record.body().consume();
            return;
        }
        RecordDigester digester = new RecordDigester(block == null ? null : block.newDigest(),
                payload == null ? null : payload.newDigest(), payload == null ? null : payload.newDigest(),
                isHttp(record));
        try (InputStream body = record.body().stream()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = body.read(buffer)) > 0; ) {
                digester.update(buffer, 0, n);
            }
        }
        if (block != null) {
            digests++;
            byte[] actual = digester.blockDigest();
            if (!block.matches(actual)) {
                check.problem(file, label + ": WARC-Block-Digest " + block + " does not match the block (computed "
                        + Digests.hex(actual) + ")");
            }
        }
        if (payload != null) {
            digests++;
            if (!digester.headerComplete()) {
                check.problem(file, label + ": the HTTP header does not end, so WARC-Payload-Digest cannot be checked");
            } else if (!digester.payloadMatches(payload)) {
                check.problem(file, label + ": WARC-Payload-Digest " + payload + " does not match the payload");
            }
        }
    }

    private static WarcDigestValue declared(WarcRecord record, String field, String file, String label,
                                            ReportBuilder.Recorder check) {
        Optional<String> value = record.headers().first(field);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return WarcDigestValue.parse(value.get());
        } catch (IllegalArgumentException e) {
            check.problem(file, label + ": " + field + " " + value.get() + " cannot be checked: " + e.getMessage());
            return null;
        }
    }

    private static boolean isHttp(WarcRecord record) {
        return record.headers().first("Content-Type")
                .map(type -> type.toLowerCase(Locale.ROOT).replace(" ", "").startsWith("application/http"))
                .orElse(false);
    }

    private static String describe(WarcRecord record) {
        return "record " + record.headers().first("WARC-Record-ID").orElse("(no WARC-Record-ID)")
                + " (" + record.type() + " at offset " + record.position() + ")";
    }
}

package org.markguard.evidence.builder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.markguard.api.EvidenceSpan;
import org.markguard.api.Finding;
import org.markguard.api.Listing;
import org.markguard.api.Review;
import org.markguard.api.ReviewState;
import org.markguard.pdf.Block;
import org.markguard.pdf.PdfDocument;

/**
 * The PDF report of a packet as a document model: a case summary an officer can attach to a file,
 * the list of listings, then one section per listing (where, who, what price, when captured, the
 * findings with their reasons, the latest review decision, the screenshot and the hashes of the
 * files that prove it). Vietnamese or English words; the facts are the same in both.
 */
final class EvidenceReport {
    /** screenshots are scaled to at most this height on the page (a tall page screenshot is split across pages) */
    private static final float SCREENSHOT_MAX_HEIGHT = 560;

    private final PacketFacts facts;
    private final List<ListingEntry> entries;
    private final Map<Integer, byte[]> screenshots;

    /** @param screenshots the PNG bytes by listing number; a listing with a screenshot file not in it is referred to */
    EvidenceReport(PacketFacts facts, List<ListingEntry> entries, Map<Integer, byte[]> screenshots) {
        this.facts = facts;
        this.entries = entries;
        this.screenshots = screenshots;
    }

    PdfDocument document(String language) {
        ReportWords w = new ReportWords(language);
        List<Block> blocks = new ArrayList<>();
        summary(w, blocks);
        contents(w, blocks);
        for (ListingEntry entry : entries) {
            blocks.add(new Block.PageBreak());
            listing(w, entry, blocks);
        }
        blocks.add(new Block.Heading(3, w.get("signature")));
        blocks.add(new Block.Paragraph(w.get("signHere") + "\n\n\n\n" + facts.requestedBy()));
        return new PdfDocument(w.get("title") + " " + facts.id(), w.locale, w.get("footer", facts.id()), blocks);
    }

    private void summary(ReportWords w, List<Block> blocks) {
        blocks.add(new Block.Heading(1, w.get("summary")));
        List<Map.Entry<String, String>> rows = new ArrayList<>();
        rows.add(Map.entry(w.get("packetId"), facts.id()));
        rows.add(Map.entry(w.get("organization"), facts.sourceOrganization()));
        rows.add(Map.entry(w.get("requester"), facts.requestedBy()));
        rows.add(Map.entry(w.get("created"), w.time(facts.created())));
        rows.add(Map.entry(w.get("scope"), w.scope(facts.request(), facts.listingCount())));
        rows.add(Map.entry(w.get("listingCount"), Integer.toString(facts.listingCount())));
        rows.add(Map.entry(w.get("recapture"), w.get(facts.recapture() ? "yes" : "no")));
        rows.add(Map.entry(w.get("note"), w.orNone(facts.note())));
        rows.add(Map.entry(w.get("key"), facts.keyFingerprint()));
        rows.add(Map.entry(w.get("timestamp"), facts.timestampUrl().isEmpty() ? w.get("timestampOff") : facts.timestampUrl()));
        blocks.add(new Block.KeyValues(rows));
        blocks.add(new Block.Paragraph(w.get("disclaimer")));
        blocks.add(new Block.Paragraph(w.get("verify", facts.id())));
    }

    private void contents(ReportWords w, List<Block> blocks) {
        blocks.add(new Block.Heading(2, w.get("contents")));
        List<List<String>> rows = new ArrayList<>();
        for (ListingEntry e : entries) {
            Listing l = e.assessed.listing();
            String kinds = e.assessed.findings().stream().map(f -> w.kind(f.kind())).distinct()
                    .collect(Collectors.joining(", "));
            rows.add(List.of(Integer.toString(e.number), w.orNone(l.title()) + "\n" + l.url(),
                    w.orNone(l.seller().name()), e.assessed.findings().size() + (kinds.isEmpty() ? "" : ": " + kinds),
                    w.status(e.assessed.history().review().status())));
        }
        blocks.add(new Block.Table(List.of(w.get("number"), w.get("titleAndUrl"), w.get("sellerShort"),
                w.get("findingsShort"), w.get("reviewShort")), rows, List.of(0.45f, 3.2f, 1.4f, 1.3f, 1.2f)));
    }

    private void listing(ReportWords w, ListingEntry e, List<Block> blocks) {
        Listing l = e.assessed.listing();
        blocks.add(new Block.Heading(2, w.get("listing", e.number, entries.size())
                + (l.title() == null || l.title().isBlank() ? "" : ": " + l.title())));
        List<Map.Entry<String, String>> rows = new ArrayList<>();
        rows.add(Map.entry(w.get("url"), l.url()));
        rows.add(Map.entry(w.get("platform"), w.orNone(l.platform())));
        rows.add(Map.entry(w.get("sellerName"), w.orNone(l.seller().name())));
        rows.add(Map.entry(w.get("sellerId"), w.orNone(l.seller().id())));
        rows.add(Map.entry(w.get("sellerLocation"), w.orNone(l.seller().location())));
        rows.add(Map.entry(w.get("price"), w.price(l.price(), l.currency())));
        rows.add(Map.entry(w.get("captureTime"), w.time(e.captureFetchTime != null ? e.captureFetchTime : l.captureTime())));
        if (e.captureIp != null) {
            rows.add(Map.entry(w.get("serverIp"), e.captureIp));
        }
        rows.add(Map.entry(w.get("risk"), String.format(Locale.ROOT, "%.2f", e.assessed.risk())));
        review(w, e, rows);
        rows.add(Map.entry(w.get("listingId"), l.id()));
        blocks.add(new Block.KeyValues(rows));

        blocks.add(new Block.Heading(3, w.get("findings")));
        if (e.assessed.findings().isEmpty()) {
            blocks.add(new Block.Paragraph(w.get("noFindings")));
        } else {
            List<List<String>> findings = new ArrayList<>();
            for (Finding f : e.assessed.findings()) {
                findings.add(List.of(w.kind(f.kind()), f.subject(), String.format(Locale.ROOT, "%.2f", f.score()),
                        reasons(w, f)));
            }
            blocks.add(new Block.Table(List.of(w.get("kind"), w.get("subject"), w.get("score"), w.get("reasons")),
                    findings, List.of(1.2f, 1.3f, 0.55f, 4.2f)));
        }

        blocks.add(new Block.Heading(3, w.get("files")));
        blocks.add(new Block.Paragraph(w.get("folder", e.folder())));
        List<List<String>> files = new ArrayList<>();
        fileRow(w, e, ListingEntry.LISTING, "listing.json", files);
        fileRow(w, e, ListingEntry.REVIEWS, "reviews.json", files);
        fileRow(w, e, ListingEntry.CAPTURE, "capture.warc.gz", files);
        if (facts.recapture()) {
            fileRow(w, e, ListingEntry.RECAPTURE, "recapture.warc.gz", files);
        }
        fileRow(w, e, ListingEntry.SCREENSHOT, "screenshot.png", files);
        blocks.add(new Block.Table(List.of(w.get("file"), "SHA-256"), files, List.of(1.1f, 3.5f)));
        if (!e.notes.isEmpty()) {
            blocks.add(new Block.Paragraph(w.get("notes") + ": " + String.join("; ", e.notes)));
        }

        String screenshotHash = e.sha256(ListingEntry.SCREENSHOT);
        if (screenshotHash != null) {
            byte[] png = screenshots.get(e.number);
            if (png != null) {
                // no heading above: the caption says what it is, and a heading could be left alone at a page's foot
                blocks.add(new Block.Image(png, w.get("screenshotCaption", w.get("source." + e.screenshotSource),
                        screenshotHash), SCREENSHOT_MAX_HEIGHT));
            } else {
                blocks.add(new Block.Paragraph(w.get("screenshotNotPrinted",
                        e.files.get(ListingEntry.SCREENSHOT).path(), screenshotHash)));
            }
        }
    }

    /** The last deciding review as recorded, else the review state kept on the listing. */
    private static void review(ReportWords w, ListingEntry e, List<Map.Entry<String, String>> rows) {
        Review last = e.latestDecision;
        ReviewState state = e.assessed.history().review();
        if (last != null) {
            rows.add(Map.entry(w.get("latestReview"), w.decision(last.decision(), last.kind(), last.reason())
                    + (last.note() == null || last.note().isBlank() ? "" : "\n" + last.note())));
            rows.add(Map.entry(w.get("reviewer"), last.reviewer()));
            rows.add(Map.entry(w.get("reviewedAt"), w.time(last.at())));
        } else {
            rows.add(Map.entry(w.get("latestReview"), w.status(state.status())));
            if (state.reviewer() != null) {
                rows.add(Map.entry(w.get("reviewer"), state.reviewer()));
                rows.add(Map.entry(w.get("reviewedAt"), w.time(state.at())));
            }
        }
    }

    private static String reasons(ReportWords w, Finding f) {
        StringBuilder text = new StringBuilder();
        for (String reason : f.reasons()) {
            text.append(text.length() == 0 ? "" : "\n").append("• ").append(reason);
        }
        List<String> quoted = f.spans().stream().map(EvidenceSpan::text).filter(t -> t != null && !t.isBlank())
                .distinct().map(t -> "«" + t + "»").toList();
        if (!quoted.isEmpty()) {
            text.append(text.length() == 0 ? "" : "\n").append(w.get("quoted")).append(": ")
                    .append(String.join(", ", quoted));
        }
        return text.toString();
    }

    private static void fileRow(ReportWords w, ListingEntry e, String name, String fileName, List<List<String>> rows) {
        ListingEntry.FileRecord file = e.files.get(name);
        rows.add(List.of(fileName, file != null ? file.sha256() : w.missing(name, e.missing.get(name))));
    }
}

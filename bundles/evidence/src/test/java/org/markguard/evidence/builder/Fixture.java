package org.markguard.evidence.builder;

import static org.junit.jupiter.api.Assertions.fail;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import org.markguard.api.AssessedListing;
import org.markguard.api.EvidenceSpan;
import org.markguard.api.EvidenceStatus;
import org.markguard.api.Finding;
import org.markguard.api.FindingKind;
import org.markguard.api.HttpExchange;
import org.markguard.api.Listing;
import org.markguard.api.ListingHistory;
import org.markguard.api.PageRenderer;
import org.markguard.api.ProductDetails;
import org.markguard.api.Review;
import org.markguard.api.ReviewDecision;
import org.markguard.api.ReviewState;
import org.markguard.api.Seller;
import org.markguard.capture.WarcCaptureStore;
import org.markguard.evidence.TimeStamper;

/**
 * One test's world: fake listing store, reviews and audit trail, the real WARC capture store of the
 * capture bundle (so captures are real WARC records), and exporters built over them in a folder.
 */
final class Fixture implements AutoCloseable {
    static final Instant CRAWLED = Instant.parse("2025-03-04T05:06:07.890Z");
    /** short enough to stay on one line of the report's findings table, so pdftotext gives it whole */
    static final String REASON = "Dùng tên «Phú Quốc» ngoài vùng được bảo hộ";

    final Path dir;
    final Fakes.Store store = new Fakes.Store();
    final Fakes.Reviews reviews = new Fakes.Reviews();
    final Fakes.Audit audit = new Fakes.Audit();
    final WarcCaptureStore captures;
    private final List<EvidenceExporter> exporters = new ArrayList<>();

    Fixture(Path dir) throws IOException {
        this.dir = dir;
        this.captures = new WarcCaptureStore(dir.resolve("captures"), 1_000_000_000L, List.of("Cookie"));
    }

    EvidenceExporter exporter(PageRenderer renderer) throws IOException {
        return exporter(renderer, null, "", 100L * 1024 * 1024);
    }

    EvidenceExporter exporter(PageRenderer renderer, TimeStamper tsa, String tsaUrl, long imageBudget) throws IOException {
        BuilderSettings settings = new BuilderSettings(dir.resolve("evidence"), dir.resolve("key"), tsa, tsaUrl,
                Duration.ofSeconds(30), Duration.ofSeconds(10), 1, "Chi cục Quản lý thị trường (thử nghiệm)", imageBudget);
        EvidenceExporter exporter = new EvidenceExporter(store, reviews, captures, audit, settings, Clock.systemUTC());
        if (renderer != null) {
            exporter.setRenderer(renderer);
        }
        exporters.add(exporter);
        return exporter;
    }

    /** A flagged listing of seller {@code sellerId}; with {@code html}, a real capture of that page. */
    AssessedListing listing(int n, String title, Seller seller, String html) throws IOException {
        return listing(n, "https://shop.example/p/" + n, title, seller, html);
    }

    AssessedListing listing(int n, String url, String title, Seller seller, String html) throws IOException {
        Listing listing = new Listing(null, url, "shopee", title, "Mô tả sản phẩm " + n, new BigDecimal("45000"),
                "VND", seller, List.of(), CRAWLED.plusSeconds(n), "00", "JSON_LD", Map.of(), List.of(),
                ProductDetails.NONE, null);
        if (html != null) {
            listing = listing.withCaptureRef(captures.store(page(url, html)));
        }
        Finding finding = new Finding("indication", "1.0", FindingKind.GEOGRAPHICAL_INDICATION, "phu-quoc", 0.87,
                List.of(REASON), List.of(new EvidenceSpan("title", 0, Math.min(title.length(), 8), title.substring(0,
                Math.min(title.length(), 8)))));
        Review review = new Review("r-" + n, listing.id(), ReviewDecision.CONFIRMED, FindingKind.GEOGRAPHICAL_INDICATION,
                null, "Đã đối chiếu với giấy chứng nhận", null, "thanh.tra", CRAWLED.plusSeconds(3600), null);
        ListingHistory history = new ListingHistory(CRAWLED, CRAWLED.plusSeconds(n), false, null, List.of(),
                ReviewState.NONE.then(review));
        AssessedListing assessed = new AssessedListing(listing, List.of(finding), 0.87, history);
        store.add(assessed);
        reviews.add(review);
        return assessed;
    }

    static HttpExchange page(String url, String html) {
        return new HttpExchange(url, "GET", List.of(new HttpExchange.Header("User-Agent", "markguard-test"),
                new HttpExchange.Header("Cookie", "session=secret")), 200, "OK",
                List.of(new HttpExchange.Header("Content-Type", "text/html; charset=utf-8")),
                html.getBytes(StandardCharsets.UTF_8), CRAWLED, "203.0.113.7");
    }

    static String html(String title) {
        return "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head>"
                + "<body><h1>" + title + "</h1><p>Giá: 45.000 ₫</p></body></html>";
    }

    static EvidenceStatus await(EvidenceExporter exporter, String id) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            EvidenceStatus s = exporter.status(id).orElseThrow();
            if (!EvidenceStatus.RUNNING.equals(s.state())) {
                return s;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return fail("packet " + id + " still RUNNING after 5 minutes: " + exporter.status(id));
    }

    /** A screenshot-like PNG of about {@code kilobytes} (a block of noise, which PNG cannot compress). */
    static byte[] png(int seed, int kilobytes) {
        int side = (int) Math.sqrt(kilobytes * 1024 / 3.0);
        BufferedImage image = new BufferedImage(1280, Math.max(900, side + 200), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(new Color(238, 77, 45));
        g.fillRect(0, 0, image.getWidth(), 80);
        g.dispose();
        Random random = new Random(seed);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                image.setRGB(40 + x, 120 + y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The entries of a packet zip below its top folder, e.g. {@code data/packet.json}. */
    static List<String> entries(Path zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            file.stream().filter(e -> !e.isDirectory())
                    .forEach(e -> names.add(e.getName().substring(e.getName().indexOf('/') + 1)));
        }
        return names;
    }

    static byte[] read(Path zip, String name) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry entry = file.stream().filter(e -> e.getName().substring(e.getName().indexOf('/') + 1).equals(name))
                    .findFirst().orElseThrow(() -> new IOException(name + " is not in " + zip));
            try (InputStream in = file.getInputStream(entry)) {
                return in.readAllBytes();
            }
        }
    }

    @Override
    public void close() throws IOException {
        exporters.forEach(EvidenceExporter::deactivate);
        captures.close();
    }
}

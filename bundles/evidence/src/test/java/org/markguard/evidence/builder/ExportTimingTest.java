package org.markguard.evidence.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markguard.api.EvidenceRequest;
import org.markguard.api.EvidenceStatus;
import org.markguard.api.Seller;
import org.markguard.evidence.PacketVerifier;

/**
 * How long a packet of 1 and of 100 listings takes, each with a real capture and a ~200 KB
 * screenshot, and the heap it needs (surefire runs this module with -Xmx96m, so the 100-listing
 * packet, about 20 MB of screenshots, must be streamed). The figures are printed, not asserted: a
 * shared 2-core machine makes any threshold flaky.
 */
class ExportTimingTest {
    private static final int DISTINCT_SCREENSHOTS = 10;
    private static final Pattern NUMBER = Pattern.compile("listing-(\\d+)");

    @TempDir
    Path dir;

    @Test
    void oneAndAHundredListingsWithScreenshots() throws Exception {
        List<byte[]> pngs = new ArrayList<>();
        for (int i = 0; i < DISTINCT_SCREENSHOTS; i++) {
            pngs.add(Fixture.png(i, 200));
        }
        try (Fixture fixture = new Fixture(dir)) {
            List<String> ids = new ArrayList<>();
            Seller seller = new Seller("hungthinh", "Cơ sở Nước mắm Hưng Thịnh", "Hà Nội");
            for (int n = 1; n <= 100; n++) {
                ids.add(fixture.listing(n, "Nước mắm Phú Quốc " + n, seller,
                        Fixture.html("Nước mắm Phú Quốc listing-" + n)).listing().id());
            }
            EvidenceExporter exporter = fixture.exporter(new Fakes.Renderer(html -> {
                Matcher m = NUMBER.matcher(html);
                return pngs.get(m.find() ? Integer.parseInt(m.group(1)) % DISTINCT_SCREENSHOTS : 0);
            }));
            build(exporter, ids.subList(0, 1), "warm-up"); // class loading, fonts: not part of the figures
            build(exporter, ids.subList(0, 1), "1 listing");
            build(exporter, ids, "100 listings");
        }
    }

    private static void build(EvidenceExporter exporter, List<String> ids, String what) throws Exception {
        long before = usedAfterGc();
        resetPeaks();
        long start = System.nanoTime();
        EvidenceStatus status = Fixture.await(exporter, exporter.export(
                new EvidenceRequest(ids, null, null, false, List.of("vi"), null), "timing").id());
        long millis = (System.nanoTime() - start) / 1_000_000;
        long peak = peakSum();
        assertEquals(EvidenceStatus.READY, status.state(), status::toString);
        Path zip = exporter.packet(status.id()).orElseThrow();
        Path pdf = Files.write(zip.resolveSibling(status.id() + "-report-vi.pdf"), Fixture.read(zip, "data/report-vi.pdf"));
        long pdfBytes = Files.size(pdf);
        assertEquals(ids.size(), Poppler.images(pdf), "every screenshot is printed");
        Files.delete(pdf);
        if (!what.equals("warm-up")) {
            System.out.printf(Locale.ROOT, "[evidence] %s with screenshots: READY in %d ms; zip %s (report-vi.pdf %s);"
                            + " heap used before %s, peak of the heap pools %s (max heap %s)%n", what, millis,
                    mb(Files.size(zip)), mb(pdfBytes), mb(before), mb(peak), mb(Runtime.getRuntime().maxMemory()));
        }
        assertTrue(PacketVerifier.forEvidencePackets().verify(zip).ok());
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of each heap pool's peak: an upper bound of the peak heap (pools peak at different times). */
    private static long peakSum() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }
}

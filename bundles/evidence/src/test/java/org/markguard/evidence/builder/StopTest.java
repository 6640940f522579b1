package org.markguard.evidence.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markguard.api.EvidenceRequest;
import org.markguard.api.EvidenceStatus;
import org.markguard.api.Seller;

/** Stopping the service (a bundle stop, a configuration change) fails the packets being built or queued, leaving no zip. */
class StopTest {
    @TempDir
    Path dir;

    @Test
    void aStopFailsRunningAndQueuedPacketsAndLeavesNoPartialZip() throws Exception {
        try (Fixture fixture = new Fixture(dir)) {
            Seller seller = new Seller("s", "Shop", null);
            String first = fixture.listing(1, "Nước mắm Phú Quốc", seller, Fixture.html("1")).listing().id();
            String second = fixture.listing(2, "Nước mắm Phú Quốc", seller, Fixture.html("2")).listing().id();
            CountDownLatch rendering = new CountDownLatch(1);
            EvidenceExporter exporter = fixture.exporter(new Fakes.Renderer(html -> {
                rendering.countDown();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    throw new IllegalStateException("interrupted");
                }
                return Fixture.png(1, 1);
            }));
            EvidenceRequest both = new EvidenceRequest(List.of(first, second), null, null, false, null, null);
            String running = exporter.export(both, "lan").id();
            String queued = exporter.export(both, "lan").id();
            assertTrue(rendering.await(60, TimeUnit.SECONDS));

            exporter.deactivate();

            EvidenceStatus stopped = exporter.status(running).orElseThrow();
            assertEquals(EvidenceStatus.FAILED, stopped.state());
            assertTrue(stopped.message().startsWith("stopped:"), stopped.message());
            assertEquals(EvidenceStatus.FAILED, exporter.status(queued).orElseThrow().state());
            try (Stream<Path> files = Files.list(dir.resolve("evidence"))) {
                assertEquals(List.of(), files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".json")).toList());
            }
            assertEquals(List.of("export.requested", "export.failed"), fixture.audit.actionsFor(running));
            assertEquals(List.of("export.requested", "export.failed"), fixture.audit.actionsFor(queued));
            EvidenceStatus afterRestart = fixture.exporter(null).status(queued).orElseThrow();
            assertEquals(EvidenceStatus.FAILED, afterRestart.state());
        }
    }
}

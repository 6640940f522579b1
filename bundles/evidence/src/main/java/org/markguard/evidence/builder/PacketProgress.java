package org.markguard.evidence.builder;

import java.time.Instant;
import org.markguard.api.EvidenceStatus;

/** Where one packet stands while it is built; read by any thread, written by its build. */
final class PacketProgress {
    private final String id;
    private final String requestedBy;
    private final Instant startedAt;
    private volatile String state = EvidenceStatus.RUNNING;
    private volatile int total;
    private volatile int done;
    private volatile String message = "";
    private volatile Instant finishedAt;
    private volatile long bytes;
    private volatile String sha256;

    PacketProgress(String id, String requestedBy, Instant startedAt) {
        this.id = id;
        this.requestedBy = requestedBy;
        this.startedAt = startedAt;
    }

    static PacketProgress of(EvidenceStatus status) {
        PacketProgress p = new PacketProgress(status.id(), status.requestedBy(), status.startedAt());
        p.state = status.state();
        p.total = status.total();
        p.done = status.done();
        p.message = status.message() == null ? "" : status.message();
        p.finishedAt = status.finishedAt();
        p.bytes = status.bytes();
        p.sha256 = status.sha256();
        return p;
    }

    String id() {
        return id;
    }

    Instant startedAt() {
        return startedAt;
    }

    boolean running() {
        return EvidenceStatus.RUNNING.equals(state);
    }

    void step(String what) {
        message = what;
    }

    void total(int listings) {
        total = listings;
    }

    void listingDone() {
        done++;
    }

    synchronized void ready(long zipBytes, String zipSha256, String notes) {
        bytes = zipBytes;
        sha256 = zipSha256;
        message = notes;
        finishedAt = Instant.now();
        state = EvidenceStatus.READY;
    }

    synchronized void failed(String why) {
        message = why;
        finishedAt = Instant.now();
        bytes = 0;
        sha256 = null;
        state = EvidenceStatus.FAILED;
    }

    synchronized EvidenceStatus snapshot() {
        return new EvidenceStatus(id, state, total, done, message, requestedBy, startedAt, finishedAt, bytes, sha256);
    }
}

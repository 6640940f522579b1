package org.markguard.detect.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.markguard.api.Detector;
import org.markguard.api.DetectorInfo;

/**
 * What the runtime remembers of one detector id: the services that currently provide it and its
 * counters. The entry outlives its services, so a detector that left is still listed (INACTIVE) with
 * the counts it earned, and a new version of the same detector continues them.
 */
final class DetectorEntry {
    static final String ACTIVE = "ACTIVE";
    static final String INACTIVE = "INACTIVE";

    /** A detector service and the bundle that registered it. */
    record Provider(Detector detector, String version, String name, String bundle) {
    }

    private final String id;
    // the first provider runs; more than one only while a bundle is being replaced or duplicated
    private final List<Provider> providers = new ArrayList<>();
    private Provider last;
    private final AtomicLong findings = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    // runs that overran their budget and ignored the interrupt: they still hold a pool thread
    private final AtomicInteger stuck = new AtomicInteger();

    DetectorEntry(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    synchronized void add(Provider provider) {
        providers.add(provider);
        last = provider;
    }

    /** Removes a leaving service; true when it was known here. */
    synchronized boolean remove(Detector detector) {
        for (int i = 0; i < providers.size(); i++) {
            if (providers.get(i).detector() == detector) {
                last = providers.remove(i);
                if (!providers.isEmpty()) {
                    last = providers.get(0);
                }
                return true;
            }
        }
        return false;
    }

    /** The detector to run now, null when inactive. */
    synchronized Detector current() {
        return providers.isEmpty() ? null : providers.get(0).detector();
    }

    void countFindings(int n) {
        findings.addAndGet(n);
    }

    void countError() {
        errors.incrementAndGet();
    }

    AtomicInteger stuck() {
        return stuck;
    }

    synchronized DetectorInfo info() {
        Provider shown = providers.isEmpty() ? last : providers.get(0);
        return new DetectorInfo(id, shown.version(), shown.name(), shown.bundle(),
                providers.isEmpty() ? INACTIVE : ACTIVE, findings.get(), errors.get());
    }
}

package org.markguard.audit;

import org.markguard.api.AuditTrail;
import org.markguard.api.Detector;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Records detector installs and removals in the audit trail as they happen (the detectors present
 * when Karaf starts are not new, and are not recorded again at every start).
 */
@Component(immediate = true)
public final class DetectorInstallAudit {
    @Reference
    private volatile AuditTrail audit;
    /** False while DS binds the detectors that were there before this component. */
    private volatile boolean started;

    @Activate
    void activate() {
        started = true;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindDetector(Detector detector, ServiceReference<Detector> ref) {
        if (started) {
            audit.record("-", "detector.installed", detector.id() + "@" + detector.version(), describe(ref));
        }
    }

    void unbindDetector(Detector detector, ServiceReference<Detector> ref) {
        if (started) {
            audit.record("-", "detector.removed", detector.id() + "@" + detector.version(), describe(ref));
        }
    }

    private static String describe(ServiceReference<?> ref) {
        return ref.getBundle() == null ? "" : "bundle " + ref.getBundle().getSymbolicName() + " " + ref.getBundle().getVersion();
    }
}

package org.markguard.audit;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the audit trail (PID {@code org.markguard.audit}). */
@ObjectClassDefinition(name = "markguard audit trail")
public @interface AuditConfig {
    @AttributeDefinition(description = "Directory of audit.jsonl; ${karaf.data} is resolved")
    String directory() default "${karaf.data}/markguard/audit";
}

package org.markguard.shell;

import java.nio.file.Path;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.markguard.api.EvidenceService;
import org.markguard.evidence.EvidenceKeys;
import org.markguard.evidence.PacketVerifier;
import org.markguard.evidence.VerificationReport;

@Command(scope = "markguard", name = "verify",
        description = "Verifies an evidence packet (bag, hashes, WARC digests, signature against this server's key, time-stamp)")
@Service
public class VerifyCommand implements Action {
    @Reference(optional = true)
    EvidenceService evidence;

    @Argument(index = 0, name = "packet", required = true, description = "the packet zip (or an unzipped folder)")
    String packet;

    @Option(name = "--any-key", description = "accept a packet signed by another server (only its own integrity is checked)")
    boolean anyKey;

    @Override
    public Object execute() throws Exception {
        PacketVerifier verifier = PacketVerifier.forEvidencePackets();
        if (!anyKey && evidence != null) {
            verifier = verifier.expectingKey(EvidenceKeys.parsePublicKey(evidence.publicKeyPem()));
        }
        VerificationReport report = verifier.verify(Path.of(packet));
        report.lines().forEach(System.out::println);
        System.out.println(report.ok() ? "VALID" : "INVALID");
        return null;
    }
}

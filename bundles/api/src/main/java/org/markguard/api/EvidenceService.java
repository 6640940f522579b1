package org.markguard.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Builds evidence packets (zipped, signed BagIt bags with the raw captures, screenshots, the
 * extracted data, findings, reviews, a PDF report and a chain-of-custody log) in the background.
 * Implemented by the evidence bundle; the format is in docs/evidence.md.
 */
public interface EvidenceService {

    /** Starts a packet; returns at once with state RUNNING. */
    EvidenceStatus export(EvidenceRequest request, String user);

    Optional<EvidenceStatus> status(String id);

    /** The packets of this server, newest first. */
    List<EvidenceStatus> list();

    /** The zip of a READY packet; empty otherwise. */
    Optional<Path> packet(String id);

    /** The server's Ed25519 evidence key (PEM), against which packets are verified. */
    String publicKeyPem();
}

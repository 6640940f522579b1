package org.markguard.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.markguard.api.AuditEvent;
import org.markguard.api.AuditTrail;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail as one JSON Lines file, {@code audit.jsonl}: appended under a lock, fsync'ed
 * before {@link #record} returns, never rewritten. Each line carries its sequence number and the
 * hash chaining it to the previous line (see {@link AuditLine}). Queries scan the file: the trail
 * grows by human actions, thousands of lines a day, not millions.
 */
@Component(service = AuditTrail.class, configurationPid = FileAuditTrail.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = AuditConfig.class)
public final class FileAuditTrail implements AuditTrail, AutoCloseable {
    public static final String PID = "org.markguard.audit";
    static final String FILE = "audit.jsonl";
    private static final Logger LOG = LoggerFactory.getLogger(FileAuditTrail.class);

    private final Path file;
    private final FileChannel channel;
    private long lastSeq;
    private String lastHash = AuditLine.GENESIS;

    @Activate
    public FileAuditTrail(AuditConfig config) throws IOException {
        this(Path.of(resolve(config.directory())));
    }

    public FileAuditTrail(Path directory) throws IOException {
        Files.createDirectories(directory);
        this.file = directory.resolve(FILE);
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        for (String line : lines()) {
            try {
                AuditEvent e = AuditLine.parse(line);
                lastSeq = e.seq();
                lastHash = e.hash();
            } catch (IllegalArgumentException e) {
                // a torn last line after a crash: the next line chains to the last good one, and
                // verify() names the torn one
                LOG.warn("audit trail {}: unreadable line after seq {}", file, lastSeq);
            }
        }
        LOG.info("Audit trail {} ({} entries)", file, lastSeq);
    }

    static String resolve(String configured) {
        String data = System.getProperty("karaf.data", System.getProperty("java.io.tmpdir"));
        return configured.replace("${karaf.data}", data);
    }

    @Override
    public synchronized AuditEvent record(String user, String action, String target, String detail) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long seq = lastSeq + 1;
        String unhashed = AuditLine.unhashedJson(seq, at, clean(user, "-"), clean(action, "unknown"), clean(target, ""),
                clean(detail, ""));
        String hash = AuditLine.hash(lastHash, unhashed);
        byte[] bytes = (AuditLine.stored(unhashed, hash) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new IllegalStateException("the audit trail " + file + " cannot be written: " + e.getMessage(), e);
        }
        lastSeq = seq;
        lastHash = hash;
        return AuditLine.parse(AuditLine.stored(unhashed, hash));
    }

    /** Line breaks would let a caller forge a line; long texts are cut. */
    private static String clean(String s, String absent) {
        if (s == null || s.isBlank()) {
            return absent;
        }
        String oneLine = s.replaceAll("\\p{Cntrl}", " ").strip();
        return oneLine.length() > 2000 ? oneLine.substring(0, 2000) + "…" : oneLine;
    }

    @Override
    public List<AuditEvent> query(Instant from, Instant to, String user, String action, long afterSeq, int size) {
        List<AuditEvent> out = new ArrayList<>();
        for (String line : lines()) {
            AuditEvent e;
            try {
                e = AuditLine.parse(line);
            } catch (IllegalArgumentException bad) {
                continue;
            }
            if (e.seq() <= afterSeq || (from != null && e.at().isBefore(from)) || (to != null && !e.at().isBefore(to))
                    || (user != null && !user.equals(e.user()))
                    || (action != null && !(e.action().equals(action) || e.action().startsWith(action + ".")))) {
                continue;
            }
            out.add(e);
            if (out.size() >= size) {
                break;
            }
        }
        return out;
    }

    @Override
    public List<String> verify() {
        List<String> problems = new ArrayList<>();
        String previous = AuditLine.GENESIS;
        long expectedSeq = 1;
        int lineNo = 0;
        for (String line : lines()) {
            lineNo++;
            try {
                AuditEvent e = AuditLine.parse(line);
                String hash = AuditLine.hash(previous, AuditLine.unhashedPart(line));
                if (!hash.equals(e.hash())) {
                    problems.add("line " + lineNo + " (seq " + e.seq() + "): hash does not match: changed, or a line before it was removed");
                }
                if (e.seq() != expectedSeq) {
                    problems.add("line " + lineNo + ": seq " + e.seq() + " where " + expectedSeq + " was expected");
                }
                previous = e.hash();
                expectedSeq = e.seq() + 1;
            } catch (IllegalArgumentException bad) {
                problems.add("line " + lineNo + ": " + bad.getMessage());
            }
        }
        return problems;
    }

    private List<String> lines() {
        List<String> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    out.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the audit trail " + file + " cannot be read", e);
        }
        return out;
    }

    @Deactivate
    @Override
    public void close() throws IOException {
        channel.close();
    }
}

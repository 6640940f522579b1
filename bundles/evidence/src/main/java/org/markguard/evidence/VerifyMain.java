package org.markguard.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * The standalone verifier: {@code java -jar markguard-evidence-verifier.jar [--key expected.pub]
 * [--tsa-ca ca.pem]... [--bag] packet.zip|directory}. Prints one line per check and per problem;
 * exits 0 when every check holds, 1 when one fails, 2 on a usage error or unreadable input.
 */
public final class VerifyMain {
    static final int VALID = 0;
    static final int INVALID = 1;
    static final int UNUSABLE = 2;

    private static final String USAGE = String.join("\n",
            "usage: java -jar markguard-evidence-verifier.jar [options] <packet.zip | packet directory>",
            "  --key <file.pub>   the signing key the packet must be signed with (PEM public key)",
            "  --tsa-ca <file>    a CA certificate (PEM) that must have issued the time-stamp authority's",
            "                     certificate; may be repeated",
            "  --bag              check a plain BagIt bag: the markguard signature is checked only if present",
            "exit status: 0 every check holds, 1 a check failed, 2 usage error or unreadable input");

    private VerifyMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** Runs the verifier as {@link #main} would, printing to {@code out}; returns the exit status. */
    public static int run(String[] args, PrintStream out) {
        Path keyFile = null;
        List<Path> caFiles = new ArrayList<>();
        boolean plainBag = false;
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "-h", "--help" -> {
                    out.println(USAGE);
                    return VALID;
                }
                case "--bag" -> plainBag = true;
                case "--key", "--tsa-ca" -> {
                    if (i + 1 >= args.length) {
                        return usageError(out, arg + " needs a file");
                    }
                    Path file = Path.of(args[++i]);
                    if (arg.equals("--key")) {
                        keyFile = file;
                    } else {
                        caFiles.add(file);
                    }
                }
                default -> {
                    if (arg.startsWith("-") && !arg.equals("-")) {
                        return usageError(out, "unknown option " + arg);
                    }
                    paths.add(arg);
                }
            }
        }
        if (paths.size() != 1) {
            return usageError(out, paths.isEmpty() ? "no packet given" : "one packet at a time");
        }
        PacketVerifier verifier = plainBag ? PacketVerifier.forBags() : PacketVerifier.forEvidencePackets();
        try {
            if (keyFile != null) {
                verifier = verifier.expectingKey(readKey(keyFile));
            }
            if (!caFiles.isEmpty()) {
                verifier = verifier.trustingTsaCertificates(readCertificates(caFiles));
            }
        } catch (IOException e) {
            out.println("error: " + e.getMessage());
            return UNUSABLE;
        }
        Path packet = Path.of(paths.get(0));
        VerificationReport report;
        try {
            report = verifier.verify(packet);
        } catch (IOException | RuntimeException e) {
            out.println("error: cannot read " + packet + ": " + e.getMessage());
            return UNUSABLE;
        }
        out.println("markguard evidence verifier: " + packet + (plainBag ? " (plain bag)" : ""));
        report.lines().forEach(out::println);
        return report.ok() ? VALID : INVALID;
    }

    private static int usageError(PrintStream out, String message) {
        out.println("error: " + message);
        out.println(USAGE);
        return UNUSABLE;
    }

    private static PublicKey readKey(Path file) throws IOException {
        try {
            return EvidenceKeys.parsePublicKey(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException("cannot read the expected key " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> readCertificates(List<Path> files) throws IOException {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                var read = CertificateFactory.getInstance("X.509").generateCertificates(in);
                if (read.isEmpty()) {
                    throw new CertificateException("no certificate in it");
                }
                for (Certificate certificate : read) {
                    certificates.add((X509Certificate) certificate);
                }
            } catch (IOException | CertificateException e) {
                throw new IOException("cannot read the CA certificate " + file + ": " + e.getMessage(), e);
            }
        }
        return certificates;
    }
}

package org.markguard.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/** The tests' local RFC 3161 authority ({@link LocalTsa}) for tests in other packages (the packet builder's). */
public final class TsaForTests implements AutoCloseable {
    private final LocalTsa tsa;

    private TsaForTests(LocalTsa tsa) {
        this.tsa = tsa;
    }

    public static TsaForTests start(Path directory) throws IOException {
        return new TsaForTests(LocalTsa.start(directory));
    }

    public URI url() {
        return tsa.url();
    }

    /** The CA certificate (PEM), for {@code openssl ts -verify -CAfile}. */
    public Path caPem() {
        return tsa.caCertificate();
    }

    /** The TSA's own certificate (PEM), for {@code openssl ts -verify -untrusted}. */
    public Path tsaPem() {
        return tsa.tsaCertificate();
    }

    public X509Certificate caCertificate() throws IOException {
        try (InputStream in = Files.newInputStream(tsa.caCertificate())) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (CertificateException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        tsa.close();
    }
}

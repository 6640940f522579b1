package org.markguard.evidence;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * The certificates a time-stamp token carries. The token's signature covers its signer's
 * certificate (by hash in the signing-certificate attribute) but not the rest of the chain, so
 * those are checked here: intact, DER, and when trust anchors are given, chaining to one of them.
 */
final class TsaCertificates {
    private TsaCertificates() {
    }

    /**
     * Checks the certificates the token carries beyond its signer's, which its signature does not
     * cover: each must verify against its issuer when the issuer is carried too, or is one of
     * {@code anchors}; with anchors given, every carried certificate must have such an issuer and
     * the signer's must chain up to an anchor.
     *
     * @return true when the signer's certificate chains to one of {@code anchors}
     */
    static boolean checkChain(TimeStampTokens.Stamp stamp, List<X509Certificate> anchors) throws IOException {
        List<X509CertificateHolder> trusted = new ArrayList<>();
        for (X509Certificate anchor : anchors) {
            try {
                trusted.add(new JcaX509CertificateHolder(anchor));
            } catch (CertificateEncodingException e) {
                throw new IOException("a trusted CA certificate cannot be encoded: " + e.getMessage(), e);
            }
        }
        List<X509CertificateHolder> known = new ArrayList<>(stamp.carried());
        known.addAll(trusted);
        for (X509CertificateHolder certificate : stamp.carried()) {
            List<X509CertificateHolder> issuers = issuersOf(certificate, known);
            if (issuers.isEmpty() && !trusted.isEmpty()) {
                throw new IOException("the issuer " + certificate.getIssuer() + " of the carried certificate "
                        + certificate.getSubject() + " is neither carried nor trusted");
            }
            if (!issuers.isEmpty() && issuers.stream().noneMatch(i -> signedBy(certificate, i))) {
                throw new IOException("the certificate " + certificate.getSubject()
                        + " carried in the token does not verify against its issuer: it was changed");
            }
        }
        X509CertificateHolder current = stamp.signer();
        for (int depth = 0; depth < 8 && !trusted.isEmpty(); depth++) {
            X509CertificateHolder at = current;
            if (trusted.stream().anyMatch(anchor -> anchor.getSubject().equals(at.getIssuer()) && signedBy(at, anchor))) {
                return true;
            }
            current = issuersOf(at, stamp.carried()).stream().filter(i -> !i.equals(at) && signedBy(at, i))
                    .findFirst().orElse(null);
            if (current == null) {
                return false;
            }
        }
        return false;
    }

    private static List<X509CertificateHolder> issuersOf(X509CertificateHolder certificate,
                                                         List<X509CertificateHolder> candidates) {
        return candidates.stream().filter(c -> c.getSubject().equals(certificate.getIssuer())).toList();
    }

    private static boolean signedBy(X509CertificateHolder certificate, X509CertificateHolder issuer) {
        try {
            return certificate.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer));
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Certificates are DER (RFC 5280), and BouncyCastle checks a certificate's signature over a
     * DER re-encoding: a certificate changed into another (BER) encoding of the same values would
     * still verify, so each must appear in the response exactly as its DER encoding.
     */
    static void requireDer(byte[] response, List<X509CertificateHolder> carried) throws IOException {
        for (X509CertificateHolder certificate : carried) {
            if (indexOf(response, certificate.toASN1Structure().getEncoded(ASN1Encoding.DER)) < 0) {
                throw new IOException("the certificate " + certificate.getSubject()
                        + " carried in the token is not DER-encoded: it was changed");
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

}

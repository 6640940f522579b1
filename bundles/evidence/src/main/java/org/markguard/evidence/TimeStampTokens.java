package org.markguard.evidence;

import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;

/**
 * Checks RFC 3161 responses, for the client (before a token goes into a packet) and the verifier
 * alike. Only BouncyCastle's lightweight classes are used: the signatures are checked by the
 * JDK's own providers, no provider is registered.
 */
final class TimeStampTokens {

    /** What a valid token says. */
    record Stamp(String tsaName, Instant genTime, BigInteger serialNumber, String policy,
                 X509CertificateHolder signer, List<X509CertificateHolder> carried) {
    }

    private TimeStampTokens() {
    }

    /** Parses a DER TimeStampResp; bytes after it are refused (fromByteArray checks). */
    static TimeStampResponse parse(byte[] der) throws IOException {
        try {
            return new TimeStampResponse(TimeStampResp.getInstance(ASN1Primitive.fromByteArray(der)));
        } catch (TSPException | IOException | RuntimeException e) {
            throw new IOException("not an RFC 3161 TimeStampResp: " + e.getMessage(), e);
        }
    }

    /**
     * Checks the status, that the imprint is SHA-256 {@code expectedSha256}, and that the token's
     * signature verifies with the signer certificate carried in the token (BouncyCastle also
     * checks the ESS signing-certificate hash, the certificate's validity at the time of stamping
     * and its critical timeStamping extended key usage).
     */
    static Stamp validate(byte[] der, byte[] expectedSha256) throws IOException {
        TimeStampResponse response = parse(der);
        try {
            Stamp stamp = validateParsed(response, expectedSha256);
            TsaCertificates.requireDer(der, stamp.carried());
            return stamp;
        } catch (RuntimeException e) { // BouncyCastle parses lazily: a damaged structure surfaces here
            throw new IOException("the time-stamp token is malformed: " + e.getMessage(), e);
        }
    }

    private static Stamp validateParsed(TimeStampResponse response, byte[] expectedSha256) throws IOException {
        // grantedWithMods is refused too: a packet's token is exactly what was asked for, and the
        // status, outside the token's signature, cannot then be changed unnoticed
        int status = response.getStatus();
        if (status != PKIStatus.GRANTED) {
            throw new IOException("the authority refused: status " + status
                    + (response.getStatusString() == null ? "" : " (" + response.getStatusString() + ")")
                    + (response.getFailInfo() == null ? "" : ", failure info " + response.getFailInfo().intValue()));
        }
        TimeStampToken token = response.getTimeStampToken();
        if (token == null) {
            throw new IOException("status granted but no time-stamp token");
        }
        TimeStampTokenInfo info = token.getTimeStampInfo();
        if (!NISTObjectIdentifiers.id_sha256.equals(info.getMessageImprintAlgOID())) {
            throw new IOException("the imprint is not SHA-256 but " + info.getMessageImprintAlgOID());
        }
        if (!MessageDigest.isEqual(info.getMessageImprintDigest(), expectedSha256)) {
            throw new IOException("the imprint " + Digests.hex(info.getMessageImprintDigest())
                    + " is not the SHA-256 of the time-stamped file (" + Digests.hex(expectedSha256) + ")");
        }
        X509CertificateHolder signer = signerCertificate(token);
        try {
            SignerInformationVerifier verifier = new JcaSimpleSignerInfoVerifierBuilder().build(signer);
            token.validate(verifier);
        } catch (TSPException e) {
            throw new IOException("the token's signature does not verify with its signer certificate "
                    + signer.getSubject() + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IOException("the token's signer certificate cannot be used: " + e.getMessage(), e);
        }
        requireSignedDataShape(token);
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> carried = token.getCertificates().getMatches(null);
        Stamp stamp = new Stamp(tsaName(info, signer), info.getGenTime().toInstant(), info.getSerialNumber(),
                info.getPolicy().getId(), signer, List.copyOf(carried));
        TsaCertificates.checkChain(stamp, List.of()); // what can be checked without trust anchors
        return stamp;
    }

    /** The outer structure the token signature does not cover: ContentInfo type, version, digest set. */
    private static void requireSignedDataShape(TimeStampToken token) throws IOException {
        CMSSignedData signed = token.toCMSSignedData();
        ContentInfo info = signed.toASN1Structure();
        if (!CMSObjectIdentifiers.signedData.equals(info.getContentType())) {
            throw new IOException("the token is not CMS SignedData but " + info.getContentType());
        }
        SignedData data = SignedData.getInstance(info.getContent());
        if (data.getVersion().intValueExact() != 3) {
            throw new IOException("the token's SignedData has version " + data.getVersion() + ", not 3");
        }
        Set<ASN1ObjectIdentifier> declared = new HashSet<>();
        for (ASN1Encodable algorithm : data.getDigestAlgorithms()) {
            declared.add(digestAlgorithm(AlgorithmIdentifier.getInstance(algorithm)));
        }
        for (SignerInformation signer : signed.getSignerInfos().getSigners()) {
            if (!declared.contains(digestAlgorithm(signer.getDigestAlgorithmID()))) {
                throw new IOException("the token's SignedData does not declare its signer's digest algorithm");
            }
            int expectedVersion = signer.getSID().getSubjectKeyIdentifier() == null ? 1 : 3;
            if (signer.getVersion() != expectedVersion) {
                throw new IOException("the token's SignerInfo has version " + signer.getVersion() + ", not "
                        + expectedVersion + " (RFC 5652 §5.3)");
            }
        }
        if (data.getCertificates() != null) {
            for (ASN1Encodable element : data.getCertificates()) {
                if (!(element.toASN1Primitive() instanceof ASN1Sequence)) {
                    throw new IOException("the token carries something that is not an X.509 certificate");
                }
            }
        }
    }

    /** A digest AlgorithmIdentifier's OID; its parameters must be absent or NULL (RFC 5754). */
    private static ASN1ObjectIdentifier digestAlgorithm(AlgorithmIdentifier algorithm) throws IOException {
        ASN1Encodable parameters = algorithm.getParameters();
        if (parameters != null && !DERNull.INSTANCE.equals(parameters.toASN1Primitive())) {
            throw new IOException("the token declares a digest algorithm with parameters: " + algorithm.getAlgorithm());
        }
        return algorithm.getAlgorithm();
    }

    private static X509CertificateHolder signerCertificate(TimeStampToken token) throws IOException {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
        if (matches.isEmpty()) {
            throw new IOException("the token carries no signer certificate (requested with certReq)");
        }
        return matches.iterator().next();
    }

    private static String tsaName(TimeStampTokenInfo info, X509CertificateHolder signer) {
        GeneralName tsa = info.getTsa();
        if (tsa == null) {
            return signer.getSubject().toString();
        }
        ASN1Encodable name = tsa.getName();
        return tsa.getTagNo() == GeneralName.directoryName ? X500Name.getInstance(name).toString() : name.toString();
    }
}

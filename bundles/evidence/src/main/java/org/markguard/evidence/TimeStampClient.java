package org.markguard.evidence;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;

/**
 * Asks an RFC 3161 time-stamping authority over HTTP (RFC 3161 §3.4): a SHA-256 imprint, a random
 * 64-bit nonce and certReq, POSTed as {@code application/timestamp-query}. The answer is accepted
 * only when its status is granted, it answers this very request (imprint, nonce, certificate
 * present) and the token's signature verifies with that certificate; whether to trust the
 * authority's certificate is the verifier's decision ({@link PacketVerifier#trustingTsaCertificates}).
 */
public final class TimeStampClient implements TimeStamper {
    private static final int MAX_RESPONSE_BYTES = 1 << 20;

    private final URI url;
    private final Duration timeout;
    private final HttpClient http;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param url the authority's HTTP(S) endpoint
     * @param timeout for connecting and for the whole exchange
     */
    public TimeStampClient(URI url, Duration timeout) {
        this.url = Objects.requireNonNull(url, "url");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
            throw new IllegalArgumentException("time-stamping authority URL must be http or https: " + url);
        }
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public byte[] timeStamp(byte[] sha256) throws IOException {
        if (sha256 == null || sha256.length != 32) {
            throw new IllegalArgumentException("a SHA-256 digest has 32 bytes");
        }
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, sha256, new BigInteger(64, random));
        byte[] body = post(request.getEncoded());
        try {
            TimeStampTokens.validate(body, sha256);
            TimeStampTokens.parse(body).validate(request); // nonce, imprint and certificate as requested
        } catch (TSPException e) {
            throw new IOException("time-stamping authority " + url + " answered another request: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IOException("time-stamping authority " + url + ": " + e.getMessage(), e);
        }
        return body;
    }

    private byte[] post(byte[] query) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/timestamp-query")
                .header("Accept", "application/timestamp-reply")
                .POST(HttpRequest.BodyPublishers.ofByteArray(query)).build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new IOException("time-stamping authority " + url + " did not answer within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for time-stamping authority " + url, e);
        } catch (IOException e) {
            throw new IOException("time-stamping authority " + url + " cannot be reached: " + e.getMessage(), e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("time-stamping authority " + url + " answered HTTP " + response.statusCode());
        }
        byte[] body = response.body();
        if (body.length == 0 || body.length > MAX_RESPONSE_BYTES) {
            throw new IOException("time-stamping authority " + url + " answered " + body.length + " bytes");
        }
        return body;
    }
}

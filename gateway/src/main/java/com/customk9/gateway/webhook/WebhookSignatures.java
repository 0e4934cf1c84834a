package com.customk9.gateway.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.customk9.platform.error.ApiException;

/**
 * Odoo's webhook signature: {@code X-Odoo-Timestamp: <unix seconds>} and
 * {@code X-Odoo-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>} (what the
 * emulator's {@code WebhookSignature} sends), or, for Odoo setups that cannot sign, a secret token
 * in the URL. Comparisons are constant-time.
 */
final class WebhookSignatures {

    static final String TIMESTAMP_HEADER = "X-Odoo-Timestamp";
    static final String SIGNATURE_HEADER = "X-Odoo-Signature";
    private static final String PREFIX = "sha256=";

    private final Optional<String> secret;
    private final Optional<String> urlToken;
    private final Duration tolerance;
    private final Clock clock;

    WebhookSignatures(Optional<String> secret, Optional<String> urlToken, Duration tolerance, Clock clock) {
        this.secret = secret.filter(value -> !value.isBlank());
        this.urlToken = urlToken.filter(value -> !value.isBlank());
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /** How the call proved itself. */
    enum Proof {
        /** HMAC over timestamp and body: replays can be recognised by the signature. */
        SIGNATURE,
        /** URL token: nothing ties it to this body or this moment. */
        URL_TOKEN
    }

    /** Throws a 401 {@link ApiException} unless the call is signed correctly and recently, or carries the URL token. */
    Proof verify(byte[] body, String timestamp, String signature, String token) {
        if (signature != null) {
            if (secret.isEmpty()) {
                throw ApiException.unauthorized("Signed webhooks are not configured");
            }
            long sentAt = parseTimestamp(timestamp);
            long skew = Math.abs(clock.instant().getEpochSecond() - sentAt);
            if (skew > tolerance.toSeconds()) {
                throw ApiException.unauthorized("The webhook timestamp is outside the accepted window");
            }
            byte[] expected = sign(secret.get(), timestamp.trim(), body).getBytes(StandardCharsets.US_ASCII);
            byte[] given = signature.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
            if (!MessageDigest.isEqual(expected, given)) {
                throw ApiException.unauthorized("Invalid webhook signature");
            }
            return Proof.SIGNATURE;
        }
        if (token != null && urlToken.isPresent()) {
            if (!MessageDigest.isEqual(sha256(token), sha256(urlToken.get()))) {
                throw ApiException.unauthorized("Invalid webhook token");
            }
            return Proof.URL_TOKEN;
        }
        throw ApiException.unauthorized("The webhook carries no signature");
    }

    private static long parseTimestamp(String timestamp) {
        if (timestamp == null) {
            throw ApiException.unauthorized("The webhook carries no " + TIMESTAMP_HEADER);
        }
        try {
            return Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw ApiException.unauthorized("Invalid " + TIMESTAMP_HEADER);
        }
    }

    static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

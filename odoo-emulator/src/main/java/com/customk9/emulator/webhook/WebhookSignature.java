package com.customk9.emulator.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature the gateway verifies: {@code X-Odoo-Timestamp: <unix seconds>} and
 * {@code X-Odoo-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>}.
 */
public final class WebhookSignature {

    public static final String TIMESTAMP_HEADER = "X-Odoo-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Odoo-Signature";

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}

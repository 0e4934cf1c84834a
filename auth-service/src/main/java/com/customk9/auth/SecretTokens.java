package com.customk9.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Opaque secrets handed to clients (refresh and password-reset tokens): 256 random bits,
 * base64url. Only their SHA-256 is stored: with that much entropy a fast hash is enough, and it
 * lets a token be found by its hash.
 */
public final class SecretTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_LENGTH = 128;

    private SecretTokens() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** Whether {@code token} could be one of ours at all (cheap check before any lookup). */
    public static boolean plausible(String token) {
        return token != null && !token.isEmpty() && token.length() <= MAX_LENGTH;
    }
}

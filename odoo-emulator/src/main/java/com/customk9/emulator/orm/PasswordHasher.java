package com.customk9.emulator.orm;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-SHA512 hashes in passlib's format, as Odoo stores passwords ({@code $pbkdf2-sha512$rounds$salt$hash},
 * adapted base64). The rounds are part of each hash, so hashes made with other settings keep verifying.
 */
final class PasswordHasher {

    private static final String PREFIX = "$pbkdf2-sha512$";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 512;

    private final SecureRandom random = new SecureRandom();
    private final int rounds;

    PasswordHasher(int rounds) {
        if (rounds < 1000) {
            throw new IllegalArgumentException("PBKDF2 needs at least 1000 rounds, got " + rounds);
        }
        this.rounds = rounds;
    }

    String hash(String secret) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return PREFIX + rounds + "$" + ab64(salt) + "$" + ab64(derive(secret, salt, rounds));
    }

    boolean verify(String secret, String stored) {
        if (secret == null || stored == null || !stored.startsWith(PREFIX)) {
            return false;
        }
        String[] parts = stored.substring(PREFIX.length()).split("\\$");
        if (parts.length != 3) {
            return false;
        }
        try {
            int storedRounds = Integer.parseInt(parts[0]);
            byte[] salt = fromAb64(parts[1]);
            byte[] expected = fromAb64(parts[2]);
            return MessageDigest.isEqual(expected, derive(secret, salt, storedRounds));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] derive(String secret, byte[] salt, int rounds) {
        PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, rounds, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA512 is not available", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static String ab64(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes).replace('+', '.');
    }

    private static byte[] fromAb64(String text) {
        return Base64.getDecoder().decode(text.replace('.', '+').getBytes(StandardCharsets.US_ASCII));
    }
}

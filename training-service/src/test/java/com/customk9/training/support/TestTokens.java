package com.customk9.training.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;

/**
 * Plays auth-service for the tests: a key made per run, its public half where the service looks for
 * auth's keys, and access tokens shaped as auth-service issues them.
 */
public class TestTokens implements QuarkusTestResourceLifecycleManager {

    private static final Path PUBLIC_KEY = Path.of("target", "test-jwt", "auth-public.pem");
    private static KeyPair keys;

    @Override
    public synchronized Map<String, String> start() {
        keys = generate();
        try {
            Files.createDirectories(PUBLIC_KEY.getParent());
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(keys.getPublic().getEncoded());
            Files.writeString(PUBLIC_KEY, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("mp.jwt.verify.publickey.location", PUBLIC_KEY.toAbsolutePath().toUri().toString());
    }

    @Override
    public void stop() {
    }

    /** A client's access token. */
    public static String client(long userId, long partnerId) {
        return token(userId, partnerId, Set.of("client"));
    }

    /** A trainer's access token. */
    public static String trainer(long userId, long partnerId) {
        return token(userId, partnerId, Set.of("trainer", "staff"));
    }

    public static synchronized String token(long userId, long partnerId, Set<String> roles) {
        return Jwt.issuer("customk9-auth").audience("customk9").subject(Long.toString(userId))
                .claim("partner_id", partnerId).groups(roles).claim("jti", UUID.randomUUID().toString())
                .expiresIn(900).jws().keyId("test").sign(keys.getPrivate());
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

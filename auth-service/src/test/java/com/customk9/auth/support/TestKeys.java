package com.customk9.auth.support;

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

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The key folder the tests run with, made fresh for every run (keys never live in the repository):
 * {@value #SIGNING}.pem signs, {@value #PREVIOUS}.pem is the key rotated out (still has its private
 * half, so tests can sign with it as the service did before the rotation), {@value #RETIRED}.pub.pem
 * is an older key kept only to verify.
 */
public class TestKeys implements QuarkusTestResourceLifecycleManager {

    public static final String SIGNING = "k-2026-11";
    public static final String PREVIOUS = "k-2026-08";
    public static final String RETIRED = "k-2026-05";

    private static final Path DIRECTORY = Path.of("target", "test-jwt-keys");
    private static KeyPair signing;
    private static KeyPair previous;
    private static KeyPair retired;

    @Override
    public synchronized Map<String, String> start() {
        try {
            Files.createDirectories(DIRECTORY);
            try (var files = Files.list(DIRECTORY)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            signing = generate();
            previous = generate();
            retired = generate();
            write(SIGNING + ".pem", "PRIVATE KEY", signing.getPrivate().getEncoded());
            write(PREVIOUS + ".pem", "PRIVATE KEY", previous.getPrivate().getEncoded());
            write(RETIRED + ".pub.pem", "PUBLIC KEY", retired.getPublic().getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("customk9.auth.jwt.key-directory", DIRECTORY.toAbsolutePath().toString(),
                "customk9.auth.jwt.signing-key-id", SIGNING);
    }

    @Override
    public void stop() {
    }

    public static synchronized KeyPair signing() {
        return signing;
    }

    public static synchronized KeyPair previous() {
        return previous;
    }

    public static synchronized KeyPair retired() {
        return retired;
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(String name, String label, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Files.writeString(DIRECTORY.resolve(name), "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n");
    }
}

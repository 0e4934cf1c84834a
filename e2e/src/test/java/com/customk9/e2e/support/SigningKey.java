package com.customk9.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * auth-service's signing key for the run: a fresh 2048-bit RSA key written as {@code <kid>.pem}
 * (PKCS#8 PEM, what {@code customk9.auth.jwt.key-directory} expects) into an emptied folder.
 */
public record SigningKey(String keyId, Path directory, KeyPair pair) {

    public static SigningKey generate(Path directory, String keyId) {
        try {
            Files.createDirectories(directory);
            try (var files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(pair.getPrivate().getEncoded());
            Files.writeString(directory.resolve(keyId + ".pem"),
                    "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
            return new SigningKey(keyId, directory.toAbsolutePath(), pair);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JWK {@code n} of the public key: the modulus, unsigned big-endian, base64url without padding. */
    public String jwkModulus() {
        BigInteger modulus = ((RSAPublicKey) pair.getPublic()).getModulus();
        byte[] bytes = modulus.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

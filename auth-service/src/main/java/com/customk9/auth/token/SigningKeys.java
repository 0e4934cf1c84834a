package com.customk9.auth.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.customk9.auth.AuthConfig;

/**
 * The RSA keys of auth-service, read once at start from {@code customk9.auth.jwt.key-directory}
 * (a mounted Secret in Kubernetes; never the jar): every {@code <kid>.pem} is a private key
 * (PKCS#8), every {@code <kid>.pub.pem} a retired key's public half. The key named by
 * {@code signing-key-id} signs; all of them verify and are published in the JWKS.
 * <p>
 * Rotation: add the new key's file, point {@code signing-key-id} at it and restart; keep the old
 * file (or just its public half) at least one access-token lifetime, then remove it.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int MIN_BITS = 2048;

    /** A key that signs: its id and private half. */
    public record Signer(String keyId, PrivateKey privateKey) {
    }

    private final Signer signer;
    private final Map<String, RSAPublicKey> verificationKeys;

    public SigningKeys(AuthConfig config) {
        Path directory = config.jwt().keyDirectory();
        Map<String, PrivateKey> privateKeys = new TreeMap<>();
        Map<String, RSAPublicKey> publicKeys = new TreeMap<>();
        for (Path file : keyFiles(directory)) {
            String name = file.getFileName().toString();
            if (name.endsWith(".pub.pem")) {
                String kid = keyId(name, ".pub.pem");
                publicKeys.put(kid, checked(kid, publicKey(read(file), file)));
            } else if (name.endsWith(".pem")) {
                String kid = keyId(name, ".pem");
                RSAPrivateCrtKey key = privateKey(read(file), file);
                privateKeys.put(kid, key);
                publicKeys.put(kid, checked(kid, publicHalf(key)));
            }
        }
        String signingKeyId = config.jwt().signingKeyId();
        PrivateKey signing = privateKeys.get(signingKeyId);
        if (signing == null) {
            throw new IllegalStateException("customk9.auth.jwt.signing-key-id is " + signingKeyId + " but "
                    + directory + " holds no " + signingKeyId + ".pem (keys found: " + publicKeys.keySet() + ")");
        }
        this.signer = new Signer(signingKeyId, signing);
        this.verificationKeys = Collections.unmodifiableMap(publicKeys);
        LOG.infof("Signing tokens with key %s; verifying keys %s", signingKeyId, publicKeys.keySet());
    }

    public Signer signer() {
        return signer;
    }

    /** The public key of {@code kid}, if it is one of ours. */
    public Optional<RSAPublicKey> verificationKey(String kid) {
        return kid == null ? Optional.empty() : Optional.ofNullable(verificationKeys.get(kid));
    }

    /** The JWK set (RFC 7517) of every verification key, the signing key first. */
    public Map<String, Object> jwks() {
        List<Map<String, Object>> keys = new ArrayList<>();
        keys.add(jwk(signer.keyId(), verificationKeys.get(signer.keyId())));
        verificationKeys.forEach((kid, key) -> {
            if (!kid.equals(signer.keyId())) {
                keys.add(jwk(kid, key));
            }
        });
        return Map.of("keys", keys);
    }

    private static Map<String, Object> jwk(String kid, RSAPublicKey key) {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("kid", kid);
        jwk.put("n", base64Url(key.getModulus()));
        jwk.put("e", base64Url(key.getPublicExponent()));
        return jwk;
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static List<Path> keyFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("customk9.auth.jwt.key-directory " + directory + " is not a directory");
        }
        try (Stream<Path> files = Files.list(directory)) {
            // Kubernetes mounts a Secret's files as symlinks next to hidden ..data folders: skip dot-files.
            return files.filter(file -> !file.getFileName().toString().startsWith("."))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
    }

    private static String keyId(String fileName, String suffix) {
        String kid = fileName.substring(0, fileName.length() - suffix.length());
        if (!KEY_ID.matcher(kid).matches()) {
            throw new IllegalStateException("Key file " + fileName + ": a key id is letters, digits, '.', '_' or '-'");
        }
        return kid;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read key file " + file.getFileName(), e);
        }
    }

    private static RSAPrivateCrtKey privateKey(String pem, Path file) {
        try {
            byte[] der = pemBody(pem, "PRIVATE KEY", file);
            if (KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)) instanceof RSAPrivateCrtKey key) {
                return key;
            }
            throw new IllegalStateException("Key file " + file.getFileName() + " is not an RSA private key with CRT parameters");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Key file " + file.getFileName() + " is not a PKCS#8 RSA private key", e);
        }
    }

    private static RSAPublicKey publicKey(String pem, Path file) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(pemBody(pem, "PUBLIC KEY", file)));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("Key file " + file.getFileName() + " is not an RSA public key (SPKI PEM)", e);
        }
    }

    private static RSAPublicKey publicHalf(RSAPrivateCrtKey key) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot derive the public key", e);
        }
    }

    private static RSAPublicKey checked(String kid, RSAPublicKey key) {
        if (key.getModulus().bitLength() < MIN_BITS) {
            throw new IllegalStateException("Key " + kid + " has " + key.getModulus().bitLength() + " bits; at least "
                    + MIN_BITS + " are required");
        }
        return key;
    }

    private static byte[] pemBody(String pem, String label, Path file) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException("Key file " + file.getFileName() + " has no " + begin + " block");
        }
        String body = pem.substring(from + begin.length(), to).replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}

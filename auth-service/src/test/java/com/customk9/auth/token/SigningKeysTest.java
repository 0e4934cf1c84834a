package com.customk9.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.customk9.auth.AuthConfig;
import com.customk9.auth.support.TestKeys;

/** Loading the key folder: what is accepted, and what stops the service at start with a clear message. */
class SigningKeysTest {

    @TempDir
    Path folder;

    @Test
    void signsWithTheNamedKeyAndVerifiesWithAll() throws IOException {
        KeyPair current = TestKeys.generate();
        KeyPair old = TestKeys.generate();
        write("b-current.pem", "PRIVATE KEY", current.getPrivate().getEncoded());
        write("a-old.pub.pem", "PUBLIC KEY", old.getPublic().getEncoded());
        Files.writeString(folder.resolve(".hidden"), "kubernetes' ..data link");

        SigningKeys keys = new SigningKeys(config("b-current"));

        assertThat(keys.signer().keyId()).isEqualTo("b-current");
        assertThat(keys.verificationKey("a-old")).contains((java.security.interfaces.RSAPublicKey) old.getPublic());
        assertThat(keys.verificationKey("b-current")).isPresent();
        assertThat(keys.verificationKey("nope")).isEmpty();
        assertThat(keys.verificationKey(null)).isEmpty();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> jwks = (List<Map<String, Object>>) keys.jwks().get("keys");
        assertThat(jwks).extracting(jwk -> jwk.get("kid")).containsExactly("b-current", "a-old");
    }

    @Test
    void refusesToStartWithoutThePrivateKeyItShouldSignWith() throws IOException {
        write("k1.pub.pem", "PUBLIC KEY", TestKeys.generate().getPublic().getEncoded());

        assertThatThrownBy(() -> new SigningKeys(config("k1"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds no k1.pem");
    }

    @Test
    void refusesKeysShorterThan2048Bits() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        write("weak.pem", "PRIVATE KEY", generator.generateKeyPair().getPrivate().getEncoded());

        assertThatThrownBy(() -> new SigningKeys(config("weak"))).hasMessageContaining("at least 2048");
    }

    @Test
    void refusesGarbageAndAMissingFolder() throws IOException {
        Files.writeString(folder.resolve("k1.pem"), "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> new SigningKeys(config("k1"))).hasMessageContaining("not a PKCS#8 RSA private key");

        Files.writeString(folder.resolve("k1.pem"), "just text");
        assertThatThrownBy(() -> new SigningKeys(config("k1"))).hasMessageContaining("no -----BEGIN PRIVATE KEY----- block");

        assertThatThrownBy(() -> new SigningKeys(config("k1", folder.resolve("missing"))))
                .hasMessageContaining("is not a directory");
    }

    @Test
    void refusesKeyIdsThatCouldNotBeAHeaderValue() throws IOException {
        write("bad kid.pem", "PRIVATE KEY", TestKeys.generate().getPrivate().getEncoded());

        assertThatThrownBy(() -> new SigningKeys(config("bad kid"))).hasMessageContaining("a key id is");
    }

    private void write(String name, String label, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Files.writeString(folder.resolve(name), "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n");
    }

    private AuthConfig config(String signingKeyId) {
        return config(signingKeyId, folder);
    }

    private static AuthConfig config(String signingKeyId, Path directory) {
        AuthConfig.Jwt jwt = new AuthConfig.Jwt() {
            public Path keyDirectory() {
                return directory;
            }

            public String signingKeyId() {
                return signingKeyId;
            }

            public String issuer() {
                return "customk9-auth";
            }

            public String audience() {
                return "customk9";
            }

            public Duration accessTokenTtl() {
                return Duration.ofMinutes(15);
            }

            public Duration clockSkew() {
                return Duration.ofSeconds(30);
            }
        };
        return (AuthConfig) java.lang.reflect.Proxy.newProxyInstance(AuthConfig.class.getClassLoader(),
                new Class<?>[] { AuthConfig.class }, (proxy, method, args) -> {
                    if (method.getName().equals("jwt")) {
                        return jwt;
                    }
                    return Optional.empty();
                });
    }
}

package com.customk9.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The verified-token cache's key: cheap to hash, equal only to the whole same token. */
class TokenKeyTest {

    private static final String SIGNATURE = "kR2x0_9fQmZ1bW9uLXNpZ25hdHVyZS10YWlsLWZvci10ZXN0aW5n";

    @Test
    void theSameTokenIsTheSameKey() {
        String token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiI0MiJ9." + SIGNATURE;
        JwtVerifier.TokenKey key = new JwtVerifier.TokenKey(token);
        JwtVerifier.TokenKey again = new JwtVerifier.TokenKey(new String(token.toCharArray()));

        assertThat(again).isEqualTo(key).hasSameHashCodeAs(key);
    }

    @Test
    void anotherPayloadUnderTheSameSignatureIsAnotherKey() {
        JwtVerifier.TokenKey key = new JwtVerifier.TokenKey("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiI0MiJ9." + SIGNATURE);
        JwtVerifier.TokenKey forged = new JwtVerifier.TokenKey("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiI0MyJ9." + SIGNATURE);

        assertThat(forged).isNotEqualTo(key);
        assertThat(forged.hashCode()).as("hashed on the signature's tail").isEqualTo(key.hashCode());
    }

    @Test
    void shortTokensAreKeysToo() {
        assertThat(new JwtVerifier.TokenKey("a.b.c")).isEqualTo(new JwtVerifier.TokenKey("a.b.c"))
                .isNotEqualTo(new JwtVerifier.TokenKey("a.b.d"));
        assertThat(new JwtVerifier.TokenKey("")).isEqualTo(new JwtVerifier.TokenKey(""));
    }
}

package com.customk9.auth.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.math.BigInteger;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.customk9.auth.support.TestKeys;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class JwksTest {

    @Test
    void publishesEveryVerificationKeyWithTheSigningKeyFirst() {
        List<Map<String, Object>> keys = given().get("/.well-known/jwks.json")
                .then().statusCode(200).header("Cache-Control", containsString("max-age"))
                .extract().jsonPath().getList("keys");

        assertThat(keys).extracting(key -> key.get("kid"))
                .containsExactly(TestKeys.SIGNING, TestKeys.RETIRED, TestKeys.PREVIOUS);
        assertThat(keys).allSatisfy(key -> {
            assertThat(key).containsEntry("kty", "RSA").containsEntry("alg", "RS256").containsEntry("use", "sig");
            assertThat(key).containsOnlyKeys("kty", "use", "alg", "kid", "n", "e");
        });
        RSAPublicKey signing = (RSAPublicKey) TestKeys.signing().getPublic();
        assertThat(new BigInteger(1, Base64.getUrlDecoder().decode((String) keys.get(0).get("n"))))
                .isEqualTo(signing.getModulus());
        assertThat(new BigInteger(1, Base64.getUrlDecoder().decode((String) keys.get(0).get("e"))))
                .isEqualTo(signing.getPublicExponent());
    }
}

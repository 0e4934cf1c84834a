package com.customk9.auth.token;

import static com.customk9.auth.support.Clients.ANNA;
import static com.customk9.auth.support.Clients.ANNA_UID;
import static com.customk9.auth.support.Clients.CLIENT_PASSWORD;
import static com.customk9.auth.support.Clients.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import com.customk9.auth.support.Clients;
import com.customk9.auth.support.TestKeys;
import com.customk9.auth.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/** Only our own, intact, current RS256 tokens open the protected endpoints; everything else is a 401 envelope. */
@QuarkusTest
class AccessTokenVerificationTest {

    private static final String ME = "/api/auth/me";

    @Test
    void aTokenFromLoginOpensTheProtectedEndpoints() {
        String access = (String) Clients.signIn(ANNA, CLIENT_PASSWORD).get("access");
        bearer(access).get(ME).then().statusCode(200).body("id", equalTo((int) ANNA_UID));
    }

    @Test
    void aWellFormedTokenSignedWithTheCurrentKeyIsAccepted() {
        bearer(Tokens.rs256(Tokens.annaClaims(), TestKeys.signing().getPrivate(), TestKeys.SIGNING))
                .get(ME).then().statusCode(200);
    }

    @Test
    void tokensOfRotatedKeysStillVerifyUntilTheirKeyIsRemoved() {
        bearer(Tokens.rs256(Tokens.annaClaims(), TestKeys.previous().getPrivate(), TestKeys.PREVIOUS))
                .get(ME).then().statusCode(200);
        bearer(Tokens.rs256(Tokens.annaClaims(), TestKeys.retired().getPrivate(), TestKeys.RETIRED))
                .get(ME).then().statusCode(200);
    }

    @Test
    void noTokenIsA401WithTheEnvelope() {
        given().get(ME).then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"))
                .header("WWW-Authenticate", "Bearer");
        given().header("Authorization", "Basic YWRtaW46YWRtaW4=").get(ME).then().statusCode(401);
        given().header("Authorization", "Bearer ").get(ME).then().statusCode(401);
        given().header("Authorization", "Bearer not.a.jwt").get(ME).then().statusCode(401)
                .body("error.code", equalTo("UNAUTHORIZED"));
    }

    @Test
    void algNoneIsRefused() {
        refused(Tokens.unsigned(Tokens.annaClaims(), TestKeys.SIGNING));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefusedEvenWithOurKid() {
        refused(Tokens.rs256(Tokens.annaClaims(), TestKeys.generate().getPrivate(), TestKeys.SIGNING));
        refused(Tokens.rs256(Tokens.annaClaims(), TestKeys.generate().getPrivate(), "unknown-kid"));
    }

    @Test
    void hs256SignedWithThePublicKeyIsRefused() {
        refused(Tokens.hs256WithPublicKey(Tokens.annaClaims(), TestKeys.signing().getPublic().getEncoded(),
                TestKeys.SIGNING));
    }

    @Test
    void expiredAndNotYetValidTokensAreRefused() {
        JwtClaims expired = Tokens.annaClaims();
        long now = Instant.now().getEpochSecond();
        expired.setIssuedAt(NumericDate.fromSeconds(now - 3600));
        expired.setNotBefore(NumericDate.fromSeconds(now - 3600));
        expired.setExpirationTime(NumericDate.fromSeconds(now - 120));
        refused(signed(expired));

        JwtClaims early = Tokens.annaClaims();
        early.setNotBefore(NumericDate.fromSeconds(now + 600));
        refused(signed(early));
    }

    @Test
    void anotherAudienceOrIssuerIsRefused() {
        JwtClaims audience = Tokens.annaClaims();
        audience.setAudience("another-service");
        refused(signed(audience));

        JwtClaims issuer = Tokens.annaClaims();
        issuer.setIssuer("someone-else");
        refused(signed(issuer));
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String genuine = signed(Tokens.annaClaims());
        bearer(genuine).get(ME).then().statusCode(200);

        refused(Tokens.tampered(genuine, "sub", "2"));
        refused(Tokens.tampered(genuine, "groups", java.util.List.of("admin")));
    }

    @Test
    void tokensWithoutTheClaimsWeRelyOnAreRefused() {
        JwtClaims noExpiry = Tokens.annaClaims();
        noExpiry.unsetClaim("exp");
        refused(signed(noExpiry));

        JwtClaims noId = Tokens.annaClaims();
        noId.unsetClaim("jti");
        refused(signed(noId));

        JwtClaims noSubject = Tokens.annaClaims();
        noSubject.unsetClaim("sub");
        refused(signed(noSubject));
    }

    private static String signed(JwtClaims claims) {
        return Tokens.rs256(claims, TestKeys.signing().getPrivate(), TestKeys.SIGNING);
    }

    private static void refused(String token) {
        bearer(token).get(ME).then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
    }
}

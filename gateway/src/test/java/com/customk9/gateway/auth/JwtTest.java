package com.customk9.gateway.auth;

import static com.customk9.gateway.support.Clients.anonymous;
import static com.customk9.gateway.support.Clients.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.customk9.gateway.support.TestUpstreams;
import com.customk9.gateway.support.Tokens;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class JwtTest {

    @Inject
    RedisDataSource redis;

    @Test
    void validTokenReachesTheProtectedRoute() {
        bearer(Tokens.forUser("u-valid", "client")).when().get("/api/dogs")
                .then().statusCode(200).body("path", equalTo("/api/dogs"));
    }

    @Test
    void protectedRouteWithoutTokenIs401InTheEnvelope() {
        anonymous().when().get("/api/dogs")
                .then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .body("error.code", equalTo("UNAUTHORIZED")).body("error.message", equalTo("Authentication required"));
        anonymous().header("Authorization", "Basic dTpw").when().get("/api/invoices").then().statusCode(401);
    }

    static Stream<Arguments> badTokens() {
        return Stream.of(
                Arguments.of("alg none", Tokens.algNone("u-bad")),
                Arguments.of("signed with another key under the real kid", Tokens.signedWithStrangerKey("u-bad")),
                Arguments.of("HS256 keyed with the RSA public key", Tokens.hs256WithPublicKey("u-bad")),
                Arguments.of("expired", Tokens.expired("u-bad")),
                Arguments.of("not yet valid", Tokens.notYetValid("u-bad")),
                Arguments.of("wrong audience", Tokens.withClaims(claims -> claims.setAudience("someone-else"))),
                Arguments.of("wrong issuer", Tokens.withClaims(claims -> claims.setIssuer("https://evil.example"))),
                Arguments.of("no jti", Tokens.withClaims(claims -> claims.unsetClaim("jti"))),
                Arguments.of("no exp", Tokens.withClaims(claims -> claims.unsetClaim("exp"))),
                Arguments.of("tampered payload", Tokens.tampered("u-bad")),
                Arguments.of("garbage", "not.a.jwt"),
                Arguments.of("two parts", "eyJhbGciOiJSUzI1NiJ9.e30"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void refusesBadTokensWith401(String why, String token) {
        bearer(token).when().get("/api/dogs")
                .then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
    }

    @Test
    void refusesARevokedTokenWith401() {
        String token = Tokens.forUser("u-revoked", "client");
        bearer(token).when().get("/api/dogs").then().statusCode(200);
        redis.value(String.class).setex("auth:revoked-jti:" + Tokens.jti(token), 60, "1");
        bearer(token).when().get("/api/dogs")
                .then().statusCode(401).body("error.message", equalTo("The access token has been revoked"));
    }

    @Test
    void refusesACallerWithoutTheRoutesRoleWith403() {
        bearer(Tokens.forUser("u-client", "client")).when().get("/api/analytics/seo")
                .then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        bearer(Tokens.forUser("u-staff", "staff")).when().get("/api/analytics/seo")
                .then().statusCode(200).body("path", equalTo("/api/analytics/seo"));
    }

    @Test
    void blogIsPublicToReadButWritingNeedsStaff() {
        anonymous().when().get("/api/blog/posts/3").then().statusCode(200);
        anonymous().contentType("application/json").body("{}").when().post("/api/blog/posts").then().statusCode(401);
        bearer(Tokens.forUser("u-writer-client", "client")).contentType("application/json").body("{}")
                .when().post("/api/blog/posts").then().statusCode(403);
        bearer(Tokens.forUser("u-writer", "admin")).contentType("application/json").body("{}")
                .when().post("/api/blog/posts").then().statusCode(200).body("method", equalTo("POST"));
    }

    @Test
    void publicRoutesAreReachableWithAnInvalidToken() {
        // A stale token left in the browser must not block logging in again.
        bearer(Tokens.expired("u-relogin")).contentType("application/json").body("{}")
                .when().post("/api/auth/login").then().statusCode(200).body("path", equalTo("/api/auth/login"));
        anonymous().when().get("/.well-known/jwks.json").then().statusCode(200);
    }

    @Test
    void logoutAndMeNeedAToken() {
        for (String path : List.of("/api/auth/logout", "/api/auth/me", "/api/settings")) {
            anonymous().when().post(path).then().statusCode(401);
        }
    }

    @Test
    void acceptsTokensOfARotatedKeyByFetchingTheKeySetAgain() {
        String token = Tokens.signedWithNextKey("u-rotated", "client");
        Tokens.rotate();
        // The key set may have been fetched less than min-refresh-interval ago: then the retry after it succeeds.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                bearer(token).when().get("/api/dogs").then().statusCode(200));
    }

    @Test
    void unknownKeyIdsDoNotMakeTheGatewayHammerTheKeySet() {
        bearer(Tokens.forUser("u-warm", "client")).when().get("/api/dogs").then().statusCode(200);
        int before = TestUpstreams.get().jwksFetches();
        for (int i = 0; i < 20; i++) {
            bearer(Tokens.withUnknownKid("u-" + UUID.randomUUID())).when().get("/api/dogs").then().statusCode(401);
        }
        assertThat(TestUpstreams.get().jwksFetches() - before).as("fetches for 20 unknown kids").isLessThanOrEqualTo(1);
    }
}

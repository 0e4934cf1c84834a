package com.customk9.gateway.auth;

import static com.customk9.gateway.support.Clients.anonymous;
import static com.customk9.gateway.support.Clients.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.customk9.gateway.support.Revocations;
import com.customk9.gateway.support.TestUpstreams;
import com.customk9.gateway.support.Tokens;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class JwtTest {

    @Inject
    RedisDataSource redis;

    @Inject
    RevokedTokenMirror mirror;

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

    /**
     * A verified token is remembered; its signature under another payload is not, even one of the same
     * length naming another user (the cache key is the whole token).
     */
    @Test
    void aRememberedTokensSignatureDoesNotVouchForAnotherPayload() {
        String subject = "u-remembered-" + UUID.randomUUID();
        String token = Tokens.forUser(subject, "client");
        bearer(token).when().get("/api/dogs").then().statusCode(200);
        bearer(token).when().get("/api/dogs").then().statusCode(200);
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String otherSubject = subject.substring(0, subject.length() - 1) + (subject.endsWith("0") ? "1" : "0");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace(subject, otherSubject).getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(forged).hasSameSizeAs(token).isNotEqualTo(token);

        bearer(forged).when().get("/api/dogs").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        bearer(token).when().get("/api/dogs").then().statusCode(200);
    }

    @Test
    void refusesARevokedTokenWith401() {
        String token = Tokens.forUser("u-revoked", "client");
        bearer(token).when().get("/api/dogs").then().statusCode(200);
        Revocations.revoke(redis, Tokens.jti(token));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> bearer(token).when().get("/api/dogs")
                .then().statusCode(401).body("error.message", equalTo("The access token has been revoked")));
    }

    @Test
    void revokedTokenIs401WithinTheLimitAndStillCounted() {
        String token = Tokens.forUser("u-revoked-" + UUID.randomUUID(), "client");
        Revocations.revoke(redis, Tokens.jti(token));
        await().atMost(Duration.ofSeconds(10)).until(() -> mirror.contains(Tokens.jti(token)) || !mirror.inSync());
        bearer(token).when().get("/api/dogs")
                .then().statusCode(401).header("RateLimit-Limit", "100").header("RateLimit-Remaining", "99")
                .body("error.message", equalTo("The access token has been revoked"));
    }

    /**
     * Observed with Redis' own MONITOR stream, filtered to this test's subject and jtis (so other
     * clients of the shared Redis do not count): while the local copy of the denylist is in sync, no
     * command of the gateway names a jti, neither for a valid token nor for a revoked one (refused all
     * the same); what remains is the rate limit, at most one command per request.
     */
    @Test
    void noRevocationLookupInRedisWhileTheLocalCopyIsInSync() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(mirror::inSync);
        String subject = "u-no-lookup-" + UUID.randomUUID();
        String valid = Tokens.forUser(subject, "client");
        String revoked = Tokens.forUser(subject, "client");
        Revocations.revoke(redis, Tokens.jti(revoked));
        await().atMost(Duration.ofSeconds(10)).until(() -> mirror.contains(Tokens.jti(revoked)));
        // Loads the script (a first EVALSHA may meet NOSCRIPT and be followed by EVAL) and caches the tokens.
        bearer(valid).when().get("/api/dogs").then().statusCode(200);
        bearer(revoked).when().get("/api/dogs").then().statusCode(401);
        int requests = 10;
        List<String> seen = monitor(subject, List.of(Tokens.jti(valid), Tokens.jti(revoked)), () -> {
            for (int i = 0; i < requests; i++) {
                bearer(valid).when().get("/api/dogs").then().statusCode(200);
                bearer(revoked).when().get("/api/dogs")
                        .then().statusCode(401).body("error.message", equalTo("The access token has been revoked"));
            }
        });
        assertThat(seen.stream().filter(line -> line.contains(Tokens.jti(valid)) || line.contains(Tokens.jti(revoked))))
                .as("commands naming a jti").isEmpty();
        List<String> fromGateway = seen.stream().filter(line -> !line.contains(" lua]")).toList();
        assertThat(fromGateway).as("commands sent by the gateway").isNotEmpty().hasSizeLessThanOrEqualTo(2 * requests)
                .allSatisfy(line -> assertThat(line).containsIgnoringCase("\"evalsha\""));
    }

    /** Every command Redis runs that names the subject or one of the jtis while {@code requests} runs. */
    private List<String> monitor(String subject, List<String> jtis, Runnable requests) throws Exception {
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", 6379)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("MONITOR\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            java.io.BufferedReader lines = new java.io.BufferedReader(
                    new java.io.InputStreamReader(socket.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(lines.readLine()).isEqualTo("+OK");
            String marker = "monitor-marker-" + subject;
            Thread reader = new Thread(() -> {
                try {
                    for (String line; (line = lines.readLine()) != null;) {
                        if (line.contains(subject) || jtis.stream().anyMatch(line::contains)) {
                            seen.add(line);
                        }
                    }
                } catch (java.io.IOException closed) {
                    // the socket is closed at the end of the test
                }
            });
            reader.setDaemon(true);
            reader.start();
            requests.run();
            // Marker: once it is seen, every command of the requests above has been seen too.
            redis.value(String.class).setex(marker, 5, "1");
            await().atMost(Duration.ofSeconds(10)).until(() -> seen.stream().anyMatch(line -> line.contains(marker)));
        }
        return seen.stream().filter(line -> !line.contains("monitor-marker-")).toList();
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

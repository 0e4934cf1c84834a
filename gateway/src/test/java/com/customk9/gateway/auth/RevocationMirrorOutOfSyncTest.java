package com.customk9.gateway.auth;

import static com.customk9.gateway.support.Clients.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.customk9.gateway.support.Revocations;
import com.customk9.gateway.support.Tokens;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The local copy's subscription is closed and (this profile) not opened again for an hour: the copy
 * is out of sync, so every request asks Redis, and a revoked token is still refused.
 */
@QuarkusTest
@TestProfile(RevocationMirrorOutOfSyncTest.SlowResubscription.class)
class RevocationMirrorOutOfSyncTest {

    public static class SlowResubscription implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("customk9.gateway.jwt.revocation-mirror.retry-interval", "1h");
        }
    }

    @Inject
    RedisDataSource redis;

    @Inject
    RevokedTokenMirror mirror;

    @BeforeEach
    void outOfSync() {
        if (mirror.state() == RevokedTokenMirror.State.OUT_OF_SYNC && mirror.lastError() != null) {
            return;
        }
        await().atMost(Duration.ofSeconds(20)).until(mirror::inSync);
        assertThat(Revocations.killSubscription(redis)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> mirror.state() == RevokedTokenMirror.State.OUT_OF_SYNC);
    }

    @Test
    void aRevokedTokenIsStillRefusedByAskingRedis() {
        String token = Tokens.forUser("u-fallback-" + UUID.randomUUID(), "client");
        bearer(token).when().get("/api/dogs").then().statusCode(200);
        // The key only: the announcement could not be heard anyway.
        Revocations.keyOnly(redis, Tokens.jti(token), Instant.now().plusSeconds(600).getEpochSecond());
        bearer(token).when().get("/api/dogs")
                .then().statusCode(401).body("error.message", equalTo("The access token has been revoked"));
        assertThat(mirror.contains(Tokens.jti(token))).as("not from the copy").isFalse();
    }

    @Test
    void readinessStaysUpAndSaysOutOfSync() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'revocation-mirror' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'revocation-mirror' }.data.state", equalTo("out-of-sync"))
                .body("checks.find { it.name == 'rate-limiter' }.data.state", equalTo("shared"));
    }
}

package com.customk9.gateway.auth;

import static com.customk9.gateway.support.Clients.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.customk9.gateway.support.Revocations;
import com.customk9.gateway.support.Tokens;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** The local copy of the revoked tokens while its subscription is healthy. */
@QuarkusTest
class RevocationMirrorTest {

    private static final Logger LOG = Logger.getLogger(RevocationMirrorTest.class);

    @Inject
    RedisDataSource redis;

    @Inject
    RevokedTokenMirror mirror;

    @BeforeEach
    void inSync() {
        await().atMost(Duration.ofSeconds(20)).until(mirror::inSync);
    }

    @Test
    void readinessSaysInSync() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'revocation-mirror' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'revocation-mirror' }.data.state", equalTo("in-sync"));
    }

    /**
     * The announcement alone, with no key in Redis: a per-request lookup in Redis would find nothing,
     * so the refusal can only come from the local copy. The delay from publish to refusal is measured.
     */
    @Test
    void anAnnouncedRevocationIsRefusedFromTheLocalCopyWithinMoments() {
        String token = Tokens.forUser("u-announced-" + UUID.randomUUID(), "client");
        String jti = Tokens.jti(token);
        bearer(token).when().get("/api/dogs").then().statusCode(200);

        long published = System.nanoTime();
        Revocations.announceOnly(redis, jti, Instant.now().plusSeconds(600).getEpochSecond());
        await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5))
                .until(() -> mirror.contains(jti));
        long seenMillis = Duration.ofNanos(System.nanoTime() - published).toMillis();
        LOG.infof("Revocation delay, publish to local copy: %d ms", seenMillis);
        assertThat(seenMillis).as("publish -> the gateway knows").isLessThan(2_000);

        bearer(token).when().get("/api/dogs")
                .then().statusCode(401).body("error.message", equalTo("The access token has been revoked"));
        assertThat(redis.key().exists(Revocations.KEY_PREFIX + jti)).as("no key: the refusal was local").isFalse();
    }

    @Test
    void expiredAnnouncementsAreNotKept() {
        String jti = "expired-" + UUID.randomUUID();
        Revocations.announceOnly(redis, jti, Instant.now().minusSeconds(5).getEpochSecond());
        String marker = "marker-" + UUID.randomUUID();
        Revocations.announceOnly(redis, marker, Instant.now().plusSeconds(60).getEpochSecond());
        // Announcements are applied in order: once the marker is in, the expired one was seen.
        await().atMost(Duration.ofSeconds(5)).until(() -> mirror.contains(marker));
        assertThat(mirror.contains(jti)).isFalse();
    }

    @Test
    void readsOnlyTheWellFormedAnnouncements() {
        assertThat(mirror.record("{\"jti\":\"a\",\"exp\":" + (Instant.now().getEpochSecond() + 60) + "}")).isTrue();
        assertThat(mirror.contains("a")).isTrue();
        assertThat(mirror.record("not json")).isFalse();
        assertThat(mirror.record("{\"jti\":\"b\"}")).isFalse();
        assertThat(mirror.record("{\"exp\":1}")).isFalse();
    }

    /**
     * A key whose announcement was never heard (its subscription was down then) is not known until the
     * subscription is opened again, which loads every existing key.
     */
    @Test
    void aResubscriptionLoadsTheRevocationsItDidNotHear() {
        String token = Tokens.forUser("u-missed-" + UUID.randomUUID(), "client");
        String jti = Tokens.jti(token);
        Revocations.keyOnly(redis, jti, Instant.now().plusSeconds(600).getEpochSecond());
        // In sync and not announced: the copy is trusted, Redis is not asked.
        bearer(token).when().get("/api/dogs").then().statusCode(200);

        Instant before = mirror.since();
        assertThat(Revocations.killSubscription(redis)).as("subscriptions closed").isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> mirror.inSync() && mirror.since().isAfter(before));

        assertThat(mirror.contains(jti)).isTrue();
        bearer(token).when().get("/api/dogs")
                .then().statusCode(401).body("error.message", equalTo("The access token has been revoked"));
    }
}

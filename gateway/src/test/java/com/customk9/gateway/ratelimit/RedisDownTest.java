package com.customk9.gateway.ratelimit;

import static com.customk9.gateway.support.Clients.bearer;
import static com.customk9.gateway.support.Clients.from;
import static com.customk9.gateway.support.Clients.randomIp;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.customk9.gateway.support.Tokens;
import com.customk9.platform.testing.KafkaBrokers;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Redis unreachable (the profile points the client at a closed port; the shared Redis is never stopped). */
@QuarkusTest
@TestProfile(RedisDownTest.RedisDown.class)
class RedisDownTest {

    public static class RedisDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + KafkaBrokers.freePort() + "/13");
        }
    }

    @Test
    void keepsServingWithTheLocalLimiterAndItsHeaders() {
        String ip = randomIp();
        for (int i = 1; i <= 20; i++) {
            from(ip).when().get("/api/blog/posts")
                    .then().statusCode(200).header("RateLimit-Limit", "20").header("RateLimit-Remaining", String.valueOf(20 - i));
        }
        from(ip).when().get("/api/blog/posts")
                .then().statusCode(429).body("error.code", equalTo("TOO_MANY_REQUESTS"));
    }

    @Test
    void readinessStaysUpAndSaysDegraded() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'rate-limiter' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'rate-limiter' }.data.state", equalTo("degraded"))
                .body("checks.find { it.name == 'revocation-mirror' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'revocation-mirror' }.data.state", equalTo("out-of-sync"))
                .body("checks.name", hasItem("rate-limiter"));
    }

    @Test
    void acceptsValidTokensWithoutTheRevocationCheck() {
        bearer(Tokens.forUser("u-redis-down", "client")).when().get("/api/dogs").then().statusCode(200);
        bearer(Tokens.expired("u-redis-down")).when().get("/api/dogs").then().statusCode(401);
    }
}

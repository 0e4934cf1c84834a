package com.customk9.gateway.ratelimit;

import static com.customk9.gateway.support.Clients.bearer;
import static com.customk9.gateway.support.Clients.from;
import static com.customk9.gateway.support.Clients.randomIp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.customk9.gateway.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;

@QuarkusTest
class RateLimitTest {

    @Test
    void anonymousClientGetsTwentyPerWindowThen429WithRetryAfter() {
        String ip = randomIp();
        for (int i = 1; i <= 20; i++) {
            from(ip).when().get("/api/blog/posts")
                    .then().statusCode(200)
                    .header("RateLimit-Limit", "20").header("RateLimit-Remaining", String.valueOf(20 - i))
                    .header("X-RateLimit-Limit", "20").header("X-RateLimit-Remaining", String.valueOf(20 - i));
        }
        Response refused = from(ip).when().get("/api/blog/posts");
        refused.then().statusCode(429)
                .body("error.code", equalTo("TOO_MANY_REQUESTS"))
                .body("error.details.limit", equalTo(20))
                .header("RateLimit-Remaining", "0");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(refused.header("RateLimit-Reset")).isEqualTo(refused.header("Retry-After"));
        assertThat(refused.header("X-RateLimit-Reset")).isEqualTo(refused.header("Retry-After"));
        // Another client is not affected.
        from(randomIp()).when().get("/api/blog/posts").then().statusCode(200).header("RateLimit-Remaining", "19");
    }

    @Test
    void authenticatedUserGetsAHundredPerWindowWhateverTheAddress() {
        String token = Tokens.forUser("u-" + UUID.randomUUID(), "client");
        for (int i = 1; i <= 100; i++) {
            // A fresh address each time: the bucket is the user's, not the address's.
            bearer(token).when().get("/api/dogs").then().statusCode(200).header("RateLimit-Remaining", String.valueOf(100 - i));
        }
        bearer(token).when().get("/api/dogs")
                .then().statusCode(429).header("RateLimit-Limit", "100").body("error.code", equalTo("TOO_MANY_REQUESTS"));
    }

    @Test
    void invalidTokensAreThrottledPerAddress() {
        String ip = randomIp();
        for (int i = 0; i < 20; i++) {
            from(ip).header("Authorization", "Bearer not.a.token").when().get("/api/dogs").then().statusCode(401);
        }
        from(ip).header("Authorization", "Bearer not.a.token").when().get("/api/dogs").then().statusCode(429);
    }

    @Test
    void routeOverrideCountsPerApiKeyInItsOwnBucket() {
        String ip = randomIp();
        String keyA = "sk_" + UUID.randomUUID();
        String keyB = "sk_" + UUID.randomUUID();
        from(ip).header("X-API-Key", keyA).when().get("/api/v1/persons").then().statusCode(200)
                .header("RateLimit-Limit", "300").header("RateLimit-Remaining", "299")
                .body("headers.x-api-key", equalTo(keyA));
        from(ip).header("X-API-Key", keyA).when().get("/api/v1/attendance").then().header("RateLimit-Remaining", "298");
        from(ip).header("Authorization", "Bearer " + keyB).when().get("/api/v1/persons").then().statusCode(200)
                .header("RateLimit-Remaining", "299").body("headers.authorization", equalTo("Bearer " + keyB));
        // The same address's default anonymous bucket is untouched by the attendance route.
        from(ip).when().get("/api/blog/posts").then().header("RateLimit-Limit", "20").header("RateLimit-Remaining", "19");
    }

    @Test
    void apiKeyRouteRefusesOverItsLimitWith429() {
        String key = "sk_" + UUID.randomUUID();
        for (int i = 1; i <= 300; i++) {
            from(randomIp()).header("X-API-Key", key).when().get("/api/v1/persons").then().statusCode(200)
                    .header("RateLimit-Remaining", String.valueOf(300 - i));
        }
        from(randomIp()).header("X-API-Key", key).when().get("/api/v1/persons")
                .then().statusCode(429).body("error.code", equalTo("TOO_MANY_REQUESTS")).body("error.details.limit", equalTo(300))
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        // Another key is not affected.
        from(randomIp()).header("X-API-Key", "sk_" + UUID.randomUUID()).when().get("/api/v1/persons").then().statusCode(200);
    }

    /**
     * Two limiter instances on one Redis, as two gateway replicas are: 200 concurrent requests of one
     * user, half through this gateway over HTTP, half through a second lease holder ({@link QuotaLeases})
     * with its own Redis connections. Exactly the limit is admitted.
     */
    @Test
    void admitsExactlyTheLimitAcrossTwoLimiterInstancesUnderConcurrency() throws Exception {
        String subject = "u-" + UUID.randomUUID();
        String token = Tokens.forUser(subject, "client");
        // A replica in service is warm: one request through every part first.
        bearer(Tokens.forUser("u-warm-up-" + UUID.randomUUID(), "client")).when().get("/api/dogs").then().statusCode(200);
        Vertx vertx = Vertx.vertx();
        Redis client = Redis.createClient(vertx, new io.vertx.redis.client.RedisOptions()
                .setConnectionString("redis://127.0.0.1:6379/13").setMaxPoolSize(32).setMaxPoolWaiting(1000));
        RedisQuota quota = new RedisQuota(client::send, "customk9:gateway:rl:");
        QuotaLeases secondReplica = new QuotaLeases(quota::lease, new QuotaLeases.Sizing(1000, 512, 0.5, Duration.ofMillis(100)));
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(16)).build();
        ExecutorService pool = Executors.newFixedThreadPool(100);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> admitted = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                boolean viaHttp = i % 2 == 0;
                admitted.add(pool.submit(() -> {
                    start.await();
                    if (viaHttp) {
                        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:18080/api/dogs"))
                                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                                HttpResponse.BodyHandlers.discarding());
                        assertThat(response.statusCode()).isIn(200, 429);
                        return response.statusCode() == 200;
                    }
                    CompletableFuture<RateLimitDecision> decision = secondReplica
                            .acquire("default:user:" + subject, 100, Duration.ofMinutes(1)).toCompletionStage().toCompletableFuture();
                    return decision.get(30, TimeUnit.SECONDS).allowed();
                }));
            }
            start.countDown();
            long count = 0;
            for (Future<Boolean> result : admitted) {
                if (result.get(60, TimeUnit.SECONDS)) {
                    count++;
                }
            }
            assertThat(count).isEqualTo(100);
            bearer(token).when().get("/api/dogs").then().statusCode(429);
        } finally {
            pool.shutdownNow();
            client.close();
            vertx.close();
        }
    }
}

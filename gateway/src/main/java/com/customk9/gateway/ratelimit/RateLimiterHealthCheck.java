package com.customk9.gateway.ratelimit;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import com.customk9.gateway.redis.RedisAvailability;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.redis.client.RedisAPI;

/**
 * Readiness of the rate limiter. Always UP: without Redis the gateway still serves, limiting with
 * its local counters, so taking it out of rotation would turn a Redis outage into a full outage.
 * The check's data says which: {@code state: shared} or {@code state: degraded} with the reason,
 * for dashboards and alerts (the Redis extension's own DOWN-on-outage check is switched off).
 */
@Readiness
@ApplicationScoped
public class RateLimiterHealthCheck implements AsyncHealthCheck {

    private final RedisAvailability redis;
    private final RedisAPI redisApi;

    public RateLimiterHealthCheck(RedisAvailability redis, RedisAPI redisApi) {
        this.redis = redis;
        this.redisApi = redisApi;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom().completionStage(() -> redis.call(() -> redisApi.ping(List.of())).toCompletionStage())
                .onItemOrFailure().transform((pong, error) -> response());
    }

    private HealthCheckResponse response() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("rate-limiter").up();
        if (redis.isDown()) {
            builder.withData("state", "degraded")
                    .withData("limits", "local to this instance (Redis unavailable)")
                    .withData("since", String.valueOf(redis.downSince()))
                    .withData("error", String.valueOf(redis.lastError()));
        } else {
            builder.withData("state", "shared").withData("limits", "Redis, shared by every replica");
        }
        return builder.build();
    }
}

package com.customk9.gateway.ratelimit;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.gateway.redis.RedisAvailability;
import com.customk9.gateway.route.GatewayConfig;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;

/**
 * Decides whether a request may go on: in Redis, shared by every replica, or, while Redis is down,
 * in this instance's memory (the readiness check then reports the limiter as degraded).
 */
@ApplicationScoped
public class RateLimiter {

    private final RedisRateLimiter shared;
    private final LocalRateLimiter local = new LocalRateLimiter();
    private final RedisAvailability redis;
    private final Duration window;

    public RateLimiter(RedisAPI redisApi, RedisAvailability redis, GatewayConfig config) {
        this.shared = new RedisRateLimiter(redisApi, config.rateLimit().keyPrefix());
        this.redis = redis;
        this.window = config.rateLimit().window();
    }

    /** Never fails: when Redis cannot decide, the local limiter does. */
    public Future<RateLimitDecision> check(String bucket, int limit) {
        return redis.call(() -> shared.check(bucket, limit, window))
                .recover(error -> Future.succeededFuture(local.check(bucket, limit, window)));
    }
}

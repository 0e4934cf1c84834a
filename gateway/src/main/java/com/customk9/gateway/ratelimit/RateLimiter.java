package com.customk9.gateway.ratelimit;

import java.time.Duration;

import jakarta.inject.Singleton;

import com.customk9.gateway.redis.RedisAvailability;
import com.customk9.gateway.redis.RedisLanes;
import com.customk9.gateway.route.GatewayConfig;

import io.vertx.core.Future;

/**
 * Decides whether a request may go on: in Redis, shared by every replica, or, while Redis is down,
 * in this instance's memory (the readiness check then reports the limiter as degraded).
 */
@Singleton
public class RateLimiter {

    private final RedisRateLimiter shared;
    private final LocalRateLimiter local = new LocalRateLimiter();
    private final RedisAvailability redis;
    private final Duration window;

    public RateLimiter(RedisLanes lanes, RedisAvailability redis, GatewayConfig config) {
        this.shared = new RedisRateLimiter(lanes::send, config.rateLimit().keyPrefix());
        this.redis = redis;
        this.window = config.rateLimit().window();
    }

    /**
     * The outcome of one check.
     *
     * @param decision the rate-limit decision (shared or local)
     * @param revoked whether the revoked-jti key exists (false when none was asked or Redis could not be asked)
     * @param revocationFailure why the revocation could not be looked up (Redis down), null otherwise or
     *        when no revoked-jti key was asked; the caller applies its fail-open/closed policy
     */
    public record Check(RateLimitDecision decision, boolean revoked, Throwable revocationFailure) {
    }

    /** Never fails: when Redis cannot decide, the local limiter does. */
    public Future<RateLimitDecision> check(String bucket, int limit) {
        return check(bucket, limit, null).map(Check::decision);
    }

    /**
     * Counts the request and, in the same Redis round trip, looks up {@code revokedKey} (skipped when
     * null). Never fails: when Redis cannot answer, the local limiter decides and the revocation
     * failure is handed back.
     */
    public Future<Check> check(String bucket, int limit, String revokedKey) {
        return redis.call(() -> shared.check(bucket, limit, window, revokedKey))
                .map(result -> new Check(result.decision(), result.revoked(), null))
                .recover(error -> Future.succeededFuture(
                        new Check(local.check(bucket, limit, window), false, revokedKey == null ? null : error)));
    }
}

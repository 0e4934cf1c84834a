package com.customk9.gateway.ratelimit;

import java.time.Duration;

import jakarta.inject.Singleton;

import com.customk9.gateway.redis.RedisAvailability;
import com.customk9.gateway.redis.RedisLanes;
import com.customk9.gateway.route.GatewayConfig;

import io.vertx.core.Future;

/**
 * Decides whether a request may go on: with permits leased from Redis ({@link QuotaLeases}, shared by
 * every replica) or, while Redis is down, in this instance's memory (the readiness check then reports
 * the limiter as degraded). Permits leased before an outage are still spent: Redis granted them.
 */
@Singleton
public class RateLimiter {

    private final QuotaLeases leases;
    private final LocalRateLimiter local = new LocalRateLimiter();
    private final Duration window;

    public RateLimiter(RedisLanes lanes, RedisAvailability redis, GatewayConfig config) {
        GatewayConfig.RateLimit limits = config.rateLimit();
        RedisQuota quota = new RedisQuota(lanes::send, limits.keyPrefix());
        this.leases = new QuotaLeases((bucket, wanted, limit, window) -> redis.call(() -> quota.lease(bucket, wanted, limit, window)),
                new QuotaLeases.Sizing(limits.leaseMinLimit(), limits.leaseMax(), limits.leaseReserve(), limits.leaseInterval()));
        this.window = limits.window();
    }

    /** Never fails: when Redis cannot decide, the local limiter does. */
    public Future<RateLimitDecision> check(String bucket, int limit) {
        return leases.acquire(bucket, limit, window)
                .recover(error -> Future.succeededFuture(local.check(bucket, limit, window)));
    }

    /** Lease requests sent to Redis so far. */
    public long leaseRequests() {
        return leases.leaseRequests();
    }
}

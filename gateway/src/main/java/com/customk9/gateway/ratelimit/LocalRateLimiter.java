package com.customk9.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The same fixed-window rule as {@link RedisRateLimiter}, in this instance's memory: what limits
 * requests while Redis is down. Each replica then counts on its own, so the limit holds per
 * replica, not across them.
 */
public class LocalRateLimiter {

    /** Above this many buckets, expired ones are swept before a new one is added. */
    private static final int SWEEP_THRESHOLD = 10_000;

    private record Window(long endsAtNanos, long count) {
    }

    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimitDecision check(String bucket, int limit, Duration window) {
        long now = System.nanoTime();
        if (windows.size() > SWEEP_THRESHOLD) {
            windows.values().removeIf(existing -> existing.endsAtNanos() <= now);
        }
        Window current = windows.compute(bucket, (key, existing) -> existing == null || existing.endsAtNanos() <= now
                ? new Window(now + window.toNanos(), 1)
                : new Window(existing.endsAtNanos(), existing.count() + 1));
        return RateLimitDecision.of(current.count(), limit, Duration.ofNanos(current.endsAtNanos() - now).toMillis(), false);
    }

    int buckets() {
        return windows.size();
    }
}

package com.customk9.gateway.ratelimit;

/**
 * The outcome of one rate-limit check.
 *
 * @param allowed whether the request may go on
 * @param limit requests allowed per window
 * @param remaining requests left in the current window
 * @param resetSeconds seconds until the window ends (at least 1)
 * @param shared true when decided in Redis (every replica), false when by this instance's local fallback
 */
public record RateLimitDecision(boolean allowed, int limit, int remaining, long resetSeconds, boolean shared) {

    /** The decision for the count-th request of a window that ends in resetMillis. */
    static RateLimitDecision of(long count, int limit, long resetMillis, boolean shared) {
        long resetSeconds = Math.max(1, (resetMillis + 999) / 1000);
        return new RateLimitDecision(count <= limit, limit, (int) Math.max(0, limit - count), resetSeconds, shared);
    }
}

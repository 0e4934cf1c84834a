package com.customk9.gateway.ratelimit;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;

/** The rate-limit headers every limited response carries: the IETF draft names and their X- twins. */
public final class RateLimitHeaders {

    private static final CharSequence LIMIT = HttpHeaders.createOptimized("RateLimit-Limit");
    private static final CharSequence REMAINING = HttpHeaders.createOptimized("RateLimit-Remaining");
    private static final CharSequence RESET = HttpHeaders.createOptimized("RateLimit-Reset");
    private static final CharSequence X_LIMIT = HttpHeaders.createOptimized("X-RateLimit-Limit");
    private static final CharSequence X_REMAINING = HttpHeaders.createOptimized("X-RateLimit-Remaining");
    private static final CharSequence X_RESET = HttpHeaders.createOptimized("X-RateLimit-Reset");
    private static final CharSequence RETRY_AFTER = HttpHeaders.createOptimized("Retry-After");

    private RateLimitHeaders() {
    }

    public static void write(MultiMap headers, RateLimitDecision decision) {
        String limit = Integer.toString(decision.limit());
        String remaining = Integer.toString(decision.remaining());
        String reset = Long.toString(decision.resetSeconds());
        headers.set(LIMIT, limit)
                .set(REMAINING, remaining)
                .set(RESET, reset)
                .set(X_LIMIT, limit)
                .set(X_REMAINING, remaining)
                .set(X_RESET, reset);
        if (!decision.allowed()) {
            headers.set(RETRY_AFTER, reset);
        }
    }
}

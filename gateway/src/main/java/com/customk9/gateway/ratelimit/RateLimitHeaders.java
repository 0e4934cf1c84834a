package com.customk9.gateway.ratelimit;

import io.vertx.core.MultiMap;

/** The rate-limit headers every limited response carries: the IETF draft names and their X- twins. */
public final class RateLimitHeaders {

    private RateLimitHeaders() {
    }

    public static void write(MultiMap headers, RateLimitDecision decision) {
        String limit = Integer.toString(decision.limit());
        String remaining = Integer.toString(decision.remaining());
        String reset = Long.toString(decision.resetSeconds());
        headers.set("RateLimit-Limit", limit)
                .set("RateLimit-Remaining", remaining)
                .set("RateLimit-Reset", reset)
                .set("X-RateLimit-Limit", limit)
                .set("X-RateLimit-Remaining", remaining)
                .set("X-RateLimit-Reset", reset);
        if (!decision.allowed()) {
            headers.set("Retry-After", reset);
        }
    }
}

package com.customk9.gateway.ratelimit;

import io.netty.util.AsciiString;
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

    /** 0 to 1023, made once: the usual limits, counts and seconds to a reset. */
    private static final AsciiString[] SMALL = new AsciiString[1024];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = AsciiString.cached(Integer.toString(i));
        }
    }

    private RateLimitHeaders() {
    }

    public static void write(MultiMap headers, RateLimitDecision decision) {
        // Values as ASCII bytes: written to the response as they are, not encoded character by character.
        CharSequence limit = number(decision.limit());
        CharSequence remaining = number(decision.remaining());
        CharSequence reset = number(decision.resetSeconds());
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

    /** The decimal digits of a count or a number of seconds. */
    static AsciiString number(long value) {
        if (value >= 0 && value < SMALL.length) {
            return SMALL[(int) value];
        }
        if (value < 0) {
            return new AsciiString(Long.toString(value));
        }
        int length = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            length++;
        }
        byte[] digits = new byte[length];
        long rest = value;
        for (int i = length - 1; i >= 0; i--) {
            digits[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        return new AsciiString(digits, false);
    }
}

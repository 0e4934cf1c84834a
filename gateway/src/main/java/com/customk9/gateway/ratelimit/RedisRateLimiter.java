package com.customk9.gateway.ratelimit;

import java.time.Duration;
import java.util.List;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;

/**
 * Fixed-window counters in Redis, one atomic Lua script per check: the first request of a window
 * creates the counter with the window as its expiry, each request increments it, and a request is
 * admitted when the count after its own increment is at most the limit. Redis runs scripts one at
 * a time, so however many gateway replicas ask concurrently, exactly {@code limit} requests of a
 * window see a count within the limit. Refused requests count too (they never make room).
 * <p>
 * Fixed window, not sliding: a client can spend its limit at the end of one window and again at
 * the start of the next; the advertised reset time tells it exactly when the count starts over.
 */
public class RedisRateLimiter {

    static final String SCRIPT = """
            local count = redis.call('INCR', KEYS[1])
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
              ttl = tonumber(ARGV[1])
            end
            return {count, ttl}
            """;
    static final String SHA = sha1(SCRIPT);

    private final RedisAPI redis;
    private final String keyPrefix;

    public RedisRateLimiter(RedisAPI redis, String keyPrefix) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
    }

    public Future<RateLimitDecision> check(String bucket, int limit, Duration window) {
        String key = keyPrefix + bucket;
        String windowMillis = Long.toString(window.toMillis());
        return redis.evalsha(List.of(SHA, "1", key, windowMillis))
                .recover(error -> error.getMessage() != null && error.getMessage().startsWith("NOSCRIPT")
                        ? redis.eval(List.of(SCRIPT, "1", key, windowMillis))
                        : Future.failedFuture(error))
                .map(reply -> decide(reply, limit));
    }

    private static RateLimitDecision decide(Response reply, int limit) {
        long count = reply.get(0).toLong();
        long ttl = reply.get(1).toLong();
        return RateLimitDecision.of(count, limit, ttl, true);
    }

    private static String sha1(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

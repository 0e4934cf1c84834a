package com.customk9.gateway.ratelimit;

import java.time.Duration;
import java.util.function.Function;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
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
 * <p>
 * The same script also answers whether the caller's token is revoked ({@code EXISTS} of the
 * revoked-jti key passed as a second key), so an authenticated request costs one Redis round trip.
 * Both keys are passed in {@code KEYS}; on a Redis Cluster they would have to share a hash slot.
 */
public class RedisRateLimiter {

    static final String SCRIPT = """
            local count = redis.call('INCR', KEYS[1])
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
              ttl = tonumber(ARGV[1])
            end
            local revoked = 0
            if KEYS[2] then
              revoked = redis.call('EXISTS', KEYS[2])
            end
            return {count, ttl, revoked}
            """;
    static final String SHA = sha1(SCRIPT);

    private final Function<Request, Future<Response>> redis;
    private final String keyPrefix;

    /** @param redis sends one command (in the gateway: {@link com.customk9.gateway.redis.RedisLanes#send}) */
    public RedisRateLimiter(Function<Request, Future<Response>> redis, String keyPrefix) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
    }

    /** The count and, when a revoked-jti key was given, whether that key exists. */
    public record Result(RateLimitDecision decision, boolean revoked) {
    }

    public Future<RateLimitDecision> check(String bucket, int limit, Duration window) {
        return check(bucket, limit, window, null).map(Result::decision);
    }

    /** Counts the request and, in the same script, looks {@code revokedKey} up (none when null). */
    public Future<Result> check(String bucket, int limit, Duration window, String revokedKey) {
        String key = keyPrefix + bucket;
        String windowMillis = Long.toString(window.toMillis());
        return redis.apply(script(Request.cmd(Command.EVALSHA).arg(SHA), key, revokedKey, windowMillis))
                .recover(error -> error.getMessage() != null && error.getMessage().startsWith("NOSCRIPT")
                        ? redis.apply(script(Request.cmd(Command.EVAL).arg(SCRIPT), key, revokedKey, windowMillis))
                        : Future.failedFuture(error))
                .map(reply -> decide(reply, limit));
    }

    private static Request script(Request call, String key, String revokedKey, String windowMillis) {
        return revokedKey == null
                ? call.arg(1).arg(key).arg(windowMillis)
                : call.arg(2).arg(key).arg(revokedKey).arg(windowMillis);
    }

    private static Result decide(Response reply, int limit) {
        long count = reply.get(0).toLong();
        long ttl = reply.get(1).toLong();
        boolean revoked = reply.size() > 2 && reply.get(2).toLong() > 0;
        return new Result(RateLimitDecision.of(count, limit, ttl, true), revoked);
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

package com.customk9.gateway.ratelimit;

import java.time.Duration;
import java.util.function.Function;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * Fixed-window counters in Redis, handed out in leases: one atomic Lua script grants a gateway
 * process up to {@code wanted} permits of a bucket's current window, {@code min(wanted, limit - used)},
 * adds them to the window's count and answers the permits granted, the count after the grant and the
 * window's remaining time. The first grant of a window creates the counter with the window as its
 * expiry. Redis runs scripts one at a time, so however many replicas ask concurrently, no more than
 * {@code limit} permits of a window are ever granted; a process admits a request only with a permit.
 * <p>
 * Fixed window, not sliding: a client can spend its limit at the end of one window and again at the
 * start of the next; the advertised reset time tells it exactly when the count starts over.
 * <p>
 * The count is the same key and meaning as the earlier one-request-per-call script, which also
 * counted refused requests: while replicas of both kinds run side by side (a rolling update), every
 * unit of the count up to the limit is still one admitted request, so the limit holds.
 */
public class RedisQuota {

    static final String SCRIPT = """
            local used = tonumber(redis.call('GET', KEYS[1]) or '0')
            local grant = math.min(tonumber(ARGV[2]), tonumber(ARGV[3]) - used)
            if grant > 0 then
              used = redis.call('INCRBY', KEYS[1], grant)
            else
              grant = 0
            end
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl == -1 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
              ttl = tonumber(ARGV[1])
            elseif ttl == -2 then
              ttl = tonumber(ARGV[1])
            end
            return {grant, used, ttl}
            """;
    static final String SHA = sha1(SCRIPT);

    /**
     * What one call answered.
     *
     * @param granted permits granted to the caller, 0 when the window is spent
     * @param used the window's count after the grant (every replica's permits)
     * @param ttlMillis time left in the window, as Redis measured it when it ran the script
     */
    public record Grant(long granted, long used, long ttlMillis) {
    }

    private final Function<Request, Future<Response>> redis;
    private final String keyPrefix;

    /** @param redis sends one command (in the gateway: {@link com.customk9.gateway.redis.RedisLanes#send}) */
    public RedisQuota(Function<Request, Future<Response>> redis, String keyPrefix) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
    }

    /** Asks for up to {@code wanted} permits of the bucket's current window. */
    public Future<Grant> lease(String bucket, long wanted, int limit, Duration window) {
        String key = keyPrefix + bucket;
        String windowMillis = Long.toString(window.toMillis());
        String wantedText = Long.toString(wanted);
        String limitText = Integer.toString(limit);
        return redis.apply(Request.cmd(Command.EVALSHA).arg(SHA).arg(1).arg(key).arg(windowMillis).arg(wantedText).arg(limitText))
                .recover(error -> error.getMessage() != null && error.getMessage().startsWith("NOSCRIPT")
                        ? redis.apply(Request.cmd(Command.EVAL).arg(SCRIPT).arg(1).arg(key).arg(windowMillis).arg(wantedText).arg(limitText))
                        : Future.failedFuture(error))
                .map(reply -> new Grant(reply.get(0).toLong(), reply.get(1).toLong(), reply.get(2).toLong()));
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

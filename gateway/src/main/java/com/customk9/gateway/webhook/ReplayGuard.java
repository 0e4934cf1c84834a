package com.customk9.gateway.webhook;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.gateway.redis.RedisAvailability;
import com.customk9.gateway.route.GatewayConfig;

import io.smallrye.mutiny.Uni;
import io.vertx.redis.client.RedisAPI;

/**
 * Remembers each accepted signature in Redis ({@code SET NX} with an expiry of twice the timestamp
 * window, after which the timestamp check alone refuses the call), shared by every replica.
 */
@ApplicationScoped
public class ReplayGuard {

    private final RedisAPI redisApi;
    private final RedisAvailability redis;
    private final String prefix;
    private final String ttlSeconds;

    public ReplayGuard(RedisAPI redisApi, RedisAvailability redis, GatewayConfig config) {
        this.redisApi = redisApi;
        this.redis = redis;
        this.prefix = config.webhook().replayKeyPrefix();
        this.ttlSeconds = Long.toString(Math.max(1, config.webhook().tolerance().multipliedBy(2).toSeconds()));
    }

    /** True the first time a signature is seen; fails with {@link RedisAvailability.RedisUnavailableException} without Redis. */
    public Uni<Boolean> firstSeen(String signature) {
        return Uni.createFrom().completionStage(() -> redis.call(
                () -> redisApi.set(List.of(prefix + signature, "1", "NX", "EX", ttlSeconds))).toCompletionStage())
                .map(reply -> reply != null && "OK".equals(reply.toString()));
    }

    /** Forgets a signature whose event could not be published, so the sender's retry is not taken for a replay. */
    public Uni<Void> forget(String signature) {
        return Uni.createFrom().completionStage(() -> redis.call(() -> redisApi.del(List.of(prefix + signature))).toCompletionStage())
                .replaceWithVoid()
                .onFailure().recoverWithNull();
    }
}

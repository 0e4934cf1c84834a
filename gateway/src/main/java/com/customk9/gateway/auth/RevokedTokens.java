package com.customk9.gateway.auth;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.customk9.gateway.redis.RedisAvailability;
import com.customk9.gateway.redis.RedisLanes;
import com.customk9.gateway.route.GatewayConfig;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;

/**
 * The denylist auth-service keeps in Redis at logout: {@code auth:revoked-jti:<jti>}, expiring
 * when the token would have. {@link #knownLocally} answers from this instance's copy
 * ({@link RevokedTokenMirror}) when it can; otherwise Redis is asked. While Redis is down the answer depends on
 * {@code customk9.gateway.jwt.revocation-fail-open}: "not revoked" (the default, the token is
 * short-lived) or a {@link RedisAvailability.RedisUnavailableException} (503).
 */
@Singleton
public class RevokedTokens {

    private static final Logger LOG = Logger.getLogger(RevokedTokens.class);

    private final RedisLanes lanes;
    private final RevokedTokenMirror mirror;
    private final RedisAvailability redis;
    private final String prefix;
    private final boolean failOpen;

    public RevokedTokens(RedisLanes lanes, RedisAvailability redis, RevokedTokenMirror mirror, GatewayConfig config) {
        this.lanes = lanes;
        this.mirror = mirror;
        this.redis = redis;
        this.prefix = config.jwt().revokedJtiPrefix();
        this.failOpen = config.jwt().revocationFailOpen();
    }

    /**
     * The answer of the local copy: true when it holds the jti (final whatever its state), false when it
     * is in sync and does not, null when Redis must be asked (the copy is off or out of sync).
     */
    public Boolean knownLocally(String tokenId) {
        if (mirror.contains(tokenId)) {
            return Boolean.TRUE;
        }
        return mirror.inSync() ? Boolean.FALSE : null;
    }

    /** The Redis key that exists while the token is revoked. */
    String key(String tokenId) {
        return prefix + tokenId;
    }

    /** Asks Redis (the local copy could not answer). */
    public Future<Boolean> isRevoked(String tokenId) {
        return redis.call(() -> lanes.send(Request.cmd(Command.EXISTS).arg(key(tokenId))))
                .map(reply -> reply.toInteger() > 0)
                .recover(error -> notChecked(tokenId, error));
    }

    /** The answer when Redis could not be asked: "not revoked" (fail open) or a failure (503). */
    Future<Boolean> notChecked(String tokenId, Throwable error) {
        if (failOpen) {
            LOG.debugf("Revocation of %s not checked: %s", tokenId, error.toString());
            return Future.succeededFuture(false);
        }
        return Future.failedFuture(new RedisAvailability.RedisUnavailableException(error.toString()));
    }
}

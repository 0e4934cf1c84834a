package com.customk9.auth.token;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.customk9.auth.AuthConfig;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

/**
 * The access tokens denied before they expire (logout), in Redis: {@code auth:revoked-jti:<jti>},
 * expiring when the token would have. Redis down: a revocation reports that it could not be
 * recorded, and a check says "not revoked" (the token expires within minutes anyway).
 * <p>
 * Each revocation is also published on {@code customk9.auth.revocation-channel} as
 * {@code {"jti": "<jti>", "exp": <epoch seconds>}}: the gateways keep a local copy of the denylist
 * fed by that channel instead of asking Redis on every request. The key and the message are written
 * by one Lua script, so Redis never holds one without the other having been sent: a gateway that
 * misses the message (its subscription was down) finds the key when it resubscribes and reloads.
 */
@ApplicationScoped
public class RevokedTokens {

    public static final String KEY_PREFIX = "auth:revoked-jti:";
    private static final Logger LOG = Logger.getLogger(RevokedTokens.class);

    /** KEYS[1] the revoked-jti key; ARGV: expiry (epoch seconds), channel, message. */
    static final String REVOKE_SCRIPT = """
            redis.call('SET', KEYS[1], '1', 'EXAT', ARGV[1])
            redis.call('PUBLISH', ARGV[2], ARGV[3])
            return 1
            """;

    private final ReactiveRedisDataSource redis;
    private final ReactiveKeyCommands<String> keys;
    private final Duration timeout;
    private final String channel;

    public RevokedTokens(ReactiveRedisDataSource redis, AuthConfig config) {
        this.redis = redis;
        this.keys = redis.key(String.class);
        this.timeout = config.redisTimeout();
        this.channel = config.revocationChannel();
    }

    /** Denies the token until {@code expiresAt} and announces it; true when Redis recorded it. */
    public Uni<Boolean> revoke(String tokenId, Instant expiresAt) {
        if (!expiresAt.isAfter(Instant.now())) {
            return Uni.createFrom().item(true);
        }
        String expiry = Long.toString(expiresAt.getEpochSecond());
        String message = new JsonObject().put("jti", tokenId).put("exp", expiresAt.getEpochSecond()).encode();
        return redis.execute("EVAL", REVOKE_SCRIPT, "1", KEY_PREFIX + tokenId, expiry, channel, message)
                .ifNoItem().after(timeout).fail()
                .replaceWith(true)
                .onFailure().recoverWithItem(error -> {
                    LOG.warnf("Could not deny access token %s in Redis (%s): it stays valid until it expires at %s",
                            tokenId, error.toString(), expiresAt);
                    return false;
                });
    }

    public Uni<Boolean> isRevoked(String tokenId) {
        return keys.exists(KEY_PREFIX + tokenId)
                .ifNoItem().after(timeout).fail()
                .onFailure().recoverWithItem(error -> {
                    LOG.debugf("Revocation of %s not checked (%s)", tokenId, error.toString());
                    return false;
                });
    }
}

package com.customk9.auth.token;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.customk9.auth.AuthConfig;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;

/**
 * The access tokens denied before they expire (logout), in Redis: {@code auth:revoked-jti:<jti>},
 * expiring when the token would have. The gateway reads the same keys on every request. Redis down:
 * a revocation reports that it could not be recorded, and a check says "not revoked" (the token
 * expires within minutes anyway).
 */
@ApplicationScoped
public class RevokedTokens {

    public static final String KEY_PREFIX = "auth:revoked-jti:";
    private static final Logger LOG = Logger.getLogger(RevokedTokens.class);

    private final ReactiveValueCommands<String, String> values;
    private final ReactiveKeyCommands<String> keys;
    private final Duration timeout;

    public RevokedTokens(ReactiveRedisDataSource redis, AuthConfig config) {
        this.values = redis.value(String.class, String.class);
        this.keys = redis.key(String.class);
        this.timeout = config.redisTimeout();
    }

    /** Denies the token until {@code expiresAt}; true when Redis recorded it. */
    public Uni<Boolean> revoke(String tokenId, Instant expiresAt) {
        if (!expiresAt.isAfter(Instant.now())) {
            return Uni.createFrom().item(true);
        }
        return values.set(KEY_PREFIX + tokenId, "1", new SetArgs().exAt(expiresAt))
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

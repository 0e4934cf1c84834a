package com.customk9.auth.session;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;

import com.customk9.auth.AuthConfig;
import com.customk9.auth.SecretTokens;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Refresh tokens in rotating families (OAuth 2.0 Security BCP, section 4.14): each use returns a new
 * token and retires the presented one; presenting a retired token again means it was copied, so the
 * whole family is revoked and whoever holds any of its tokens must sign in again. Stored as SHA-256
 * hashes only. The presented token's row is locked while it is exchanged, so two concurrent uses of
 * one token cannot both succeed: the second one is a reuse.
 */
@ApplicationScoped
public class RefreshTokens {

    private static final Logger LOG = Logger.getLogger(RefreshTokens.class);

    private final AuthConfig.Refresh config;
    private final Clock clock;

    public RefreshTokens(AuthConfig config, Clock clock) {
        this.config = config.refresh();
        this.clock = clock;
    }

    /** A refresh token as handed to the client (the only time it exists in clear). */
    public record Issued(UUID familyId, String token, Instant expiresAt) {
    }

    /** What exchanging a refresh token gave. */
    public sealed interface Rotation {
    }

    /** A new token of the same family; {@code accountSnapshot} is the account as last known. */
    public record Rotated(Issued next, long userId, String accountSnapshot) implements Rotation {
    }

    /** Refused; when the refusal revoked the family (reuse), {@code revokedFamily} says which one. */
    public record Refused(String reason, UUID revokedFamily, long userId) implements Rotation {
    }

    /** A family that was just revoked, with what must be closed with it. */
    public record RevokedFamily(UUID familyId, long userId, String odooSessionToken) {
    }

    /** Starts a family for a new login. */
    @WithTransaction
    public Uni<Issued> startFamily(long userId, String odooSessionToken, String accountSnapshot) {
        Instant now = clock.instant();
        RefreshFamily family = new RefreshFamily();
        family.id = UUID.randomUUID();
        family.userId = userId;
        family.createdAt = now;
        family.expiresAt = now.plus(config.familyMaxAge());
        family.odooSessionToken = odooSessionToken;
        family.accountSnapshot = accountSnapshot;
        return family.persist().chain(() -> newToken(family, now));
    }

    /** Exchanges {@code presented} for its successor, or refuses it (revoking the family on reuse). */
    @WithTransaction
    public Uni<Rotation> rotate(String presented) {
        if (!SecretTokens.plausible(presented)) {
            return Uni.createFrom().item(new Refused("malformed", null, 0));
        }
        Instant now = clock.instant();
        return RefreshToken.<RefreshToken>find("tokenHash", SecretTokens.hash(presented))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .chain(token -> {
                    if (token == null) {
                        return Uni.createFrom().item(new Refused("unknown", null, 0));
                    }
                    return RefreshFamily.<RefreshFamily>findById(token.familyId, LockModeType.PESSIMISTIC_WRITE)
                            .chain(family -> exchange(token, family, now));
                });
    }

    private Uni<Rotation> exchange(RefreshToken token, RefreshFamily family, Instant now) {
        if (family.revokedAt != null) {
            return Uni.createFrom().item(new Refused("family revoked (" + family.revokedReason + ")", null, family.userId));
        }
        if (token.rotatedAt != null) {
            LOG.warnf("Refresh token of family %s (user %d) used again after rotation: revoking the family",
                    family.id, family.userId);
            family.revoke(now, RevocationReason.REUSE_DETECTED);
            return Uni.createFrom().item(new Refused("reused", family.id, family.userId));
        }
        if (!now.isBefore(token.expiresAt) || !family.activeAt(now)) {
            return Uni.createFrom().item(new Refused("expired", null, family.userId));
        }
        token.rotatedAt = now;
        return newToken(family, now).map(next -> new Rotated(next, family.userId, family.accountSnapshot));
    }

    /** Keeps the account as last read from Odoo with the family (the fallback while Odoo is down). */
    @WithTransaction
    public Uni<Void> updateSnapshot(UUID familyId, String accountSnapshot) {
        return RefreshFamily.update("accountSnapshot = ?1 where id = ?2 and revokedAt is null", accountSnapshot, familyId)
                .replaceWithVoid();
    }

    /** Revokes one family; empty when it was already revoked or does not exist. */
    @WithTransaction
    public Uni<java.util.Optional<RevokedFamily>> revokeFamily(UUID familyId, long userId, RevocationReason reason) {
        Instant now = clock.instant();
        return RefreshFamily.<RefreshFamily>findById(familyId, LockModeType.PESSIMISTIC_WRITE).map(family -> {
            if (family == null || family.userId != userId || family.revokedAt != null) {
                return java.util.Optional.empty();
            }
            family.revoke(now, reason);
            return java.util.Optional.of(new RevokedFamily(family.id, family.userId, family.odooSessionToken));
        });
    }

    /** Revokes every live family of a user (password changed or reset), except {@code keep} if given. */
    @WithTransaction
    public Uni<List<RevokedFamily>> revokeAllOf(long userId, UUID keep, RevocationReason reason) {
        Instant now = clock.instant();
        return RefreshFamily.<RefreshFamily>find("userId = ?1 and revokedAt is null", userId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .map(families -> families.stream().filter(family -> !family.id.equals(keep)).map(family -> {
                    family.revoke(now, reason);
                    return new RevokedFamily(family.id, family.userId, family.odooSessionToken);
                }).toList());
    }

    private Uni<Issued> newToken(RefreshFamily family, Instant now) {
        String clear = SecretTokens.generate();
        RefreshToken token = new RefreshToken();
        token.id = UUID.randomUUID();
        token.familyId = family.id;
        token.tokenHash = SecretTokens.hash(clear);
        token.issuedAt = now;
        Instant expiry = now.plus(config.ttl());
        token.expiresAt = expiry.isAfter(family.expiresAt) ? family.expiresAt : expiry;
        return token.persist().map(ignored -> new Issued(family.id, clear, token.expiresAt));
    }
}

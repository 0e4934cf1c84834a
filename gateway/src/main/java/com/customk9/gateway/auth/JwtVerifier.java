package com.customk9.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Singleton;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

import com.customk9.gateway.route.GatewayConfig;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Future;

/**
 * Verifies auth-service's access tokens: RS256 only (the header's {@code alg} is checked before
 * anything else, so {@code none} and HMAC tokens made with the public key never reach a
 * verifier), a key from the JWKS by {@code kid}, issuer, audience, {@code exp} (required) and
 * {@code nbf} with a small clock skew, and the claims the suite relies on: {@code sub} and
 * {@code jti}. Revocation is checked separately ({@link RevokedTokens}), in Redis.
 */
@Singleton
public class JwtVerifier {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };
    private static final AlgorithmConstraints RS256_ONLY = new AlgorithmConstraints(ConstraintType.PERMIT,
            AlgorithmIdentifiers.RSA_USING_SHA256);

    private final JsonWebKeys keys;
    private final GatewayConfig.Jwt config;
    private final ObjectMapper mapper;

    /** Tokens that passed every check, until min(exp, now + verified-token-ttl); null when switched off. */
    private final Cache<TokenKey, Caller> verified;

    public JwtVerifier(JsonWebKeys keys, GatewayConfig config, ObjectMapper mapper) {
        this.keys = keys;
        this.config = config.jwt();
        this.mapper = mapper;
        long ttlNanos = this.config.verifiedTokenTtl().toNanos();
        this.verified = ttlNanos <= 0 ? null : Caffeine.newBuilder()
                // Housekeeping on the calling event loop, amortized, rather than a common-pool task
                // handed to another thread every few reads.
                .executor(Runnable::run)
                .maximumSize(this.config.verifiedTokenCacheSize())
                .expireAfter(Expiry.creating((TokenKey token, Caller caller) -> {
                    long untilExpiry = java.util.concurrent.TimeUnit.SECONDS.toNanos(caller.expiresAt())
                            - java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
                    return java.time.Duration.ofNanos(Math.max(0, Math.min(ttlNanos, untilExpiry)));
                }))
                .build();
    }

    /** The caller the token names; fails with {@link InvalidTokenException} or {@link KeysUnavailableException}. */
    public Future<Caller> verify(String token) {
        if (verified != null) {
            Caller known = verified.getIfPresent(new TokenKey(token));
            if (known != null && known.expiresAt() + config.clockSkew().toSeconds() > System.currentTimeMillis() / 1000) {
                return Future.succeededFuture(known);
            }
        }
        return verifyFully(token).onSuccess(caller -> {
            if (verified != null) {
                verified.put(new TokenKey(token), caller);
            }
        });
    }

    private Future<Caller> verifyFully(String token) {
        String kid;
        try {
            kid = checkHeader(token);
        } catch (InvalidTokenException e) {
            return Future.failedFuture(e);
        }
        return keys.key(kid).compose(key -> {
            try {
                return Future.succeededFuture(toCaller(consumer(key).processToClaims(token)));
            } catch (InvalidJwtException | MalformedClaimException e) {
                return Future.failedFuture(new InvalidTokenException("rejected: " + e.getMessage(), e));
            } catch (InvalidTokenException e) {
                return Future.failedFuture(e);
            }
        });
    }

    /** Returns the kid after checking the token's shape and that its header says RS256. */
    String checkHeader(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw new InvalidTokenException("not a signed JWT (compact JWS with three parts)");
        }
        Map<String, Object> header;
        try {
            header = mapper.readValue(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8), JSON_OBJECT);
        } catch (Exception e) {
            throw new InvalidTokenException("unreadable header");
        }
        if (!AlgorithmIdentifiers.RSA_USING_SHA256.equals(header.get("alg"))) {
            throw new InvalidTokenException("alg " + header.get("alg") + " is not accepted, only RS256");
        }
        if (!(header.get("kid") instanceof String kid) || kid.isBlank()) {
            throw new InvalidTokenException("no kid in the header");
        }
        return kid;
    }

    private JwtConsumer consumer(PublicKey key) {
        return new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(RS256_ONLY)
                .setVerificationKey(key)
                .setExpectedIssuer(true, config.issuer())
                .setExpectedAudience(true, config.audience())
                .setRequireExpirationTime()
                .setRequireSubject()
                .setRequireJwtId()
                .setAllowedClockSkewInSeconds((int) config.clockSkew().toSeconds())
                .build();
    }

    /**
     * A token as the key of the verified-token cache. Hashed on the last characters of its signature, which
     * are random bytes (an RS256 signature), instead of on all of a token's 600 or so characters on every
     * request; equal only to the very same token. Only tokens that passed every check become keys, so
     * nobody can fill the cache with tokens made to collide.
     */
    static final class TokenKey {

        private static final int HASHED_CHARACTERS = 16;

        private final String token;
        private final int hash;

        TokenKey(String token) {
            this.token = token;
            int hash = token.length();
            for (int i = Math.max(0, token.length() - HASHED_CHARACTERS); i < token.length(); i++) {
                hash = 31 * hash + token.charAt(i);
            }
            this.hash = hash;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TokenKey key && key.hash == hash && key.token.equals(token);
        }
    }

    private static Caller toCaller(JwtClaims claims) throws MalformedClaimException {
        Object partner = claims.getClaimValue("partner_id");
        Long partnerId;
        if (partner == null) {
            partnerId = null;
        } else if (partner instanceof Number number) {
            partnerId = number.longValue();
        } else {
            throw new InvalidTokenException("partner_id is not a number");
        }
        List<String> groups = claims.hasClaim("groups") ? claims.getStringListClaimValue("groups") : List.of();
        return new Caller(claims.getSubject(), partnerId, Set.copyOf(groups), claims.getJwtId(),
                claims.getExpirationTime().getValue());
    }
}

package com.customk9.auth.token;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.auth.AuthConfig;
import com.customk9.auth.account.Account;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

/**
 * Issues the short-lived RS256 access tokens the gateway and the services verify: issuer, audience,
 * {@code sub} = the Odoo user id, {@code partner_id} (what every service scopes data by),
 * {@code groups} = our roles, {@code jti} (for revocation), {@code sid} = the refresh family (the
 * login it belongs to), {@code kid} in the header.
 */
@ApplicationScoped
public class AccessTokens {

    private final SigningKeys keys;
    private final AuthConfig.Jwt config;
    private final Clock clock;

    public AccessTokens(SigningKeys keys, AuthConfig config, Clock clock) {
        this.keys = keys;
        this.config = config.jwt();
        this.clock = clock;
    }

    public record Issued(String token, String tokenId, Instant expiresAt, long expiresInSeconds) {
    }

    public Issued issue(Account account, UUID familyId) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(config.accessTokenTtl());
        String tokenId = UUID.randomUUID().toString();
        SigningKeys.Signer signer = keys.signer();
        String token = Jwt.issuer(config.issuer())
                .audience(config.audience())
                .subject(Long.toString(account.userId()))
                .claim("partner_id", account.partnerId())
                .claim("name", account.name())
                .claim("email", account.email())
                .groups(new java.util.LinkedHashSet<>(account.roles()))
                .claim("jti", tokenId)
                .claim("sid", familyId.toString())
                .issuedAt(now)
                .claim("nbf", now.getEpochSecond())
                .expiresAt(expiresAt)
                .jws().keyId(signer.keyId()).algorithm(SignatureAlgorithm.RS256)
                .sign(signer.privateKey());
        return new Issued(token, tokenId, expiresAt, config.accessTokenTtl().toSeconds());
    }
}

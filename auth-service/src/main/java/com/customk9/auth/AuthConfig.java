package com.customk9.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything auth-service can be told, under {@code customk9.auth}. */
@ConfigMapping(prefix = "customk9.auth")
public interface AuthConfig {

    Jwt jwt();

    /** How long a Redis command (the access-token denylist) may take before it counts as an outage. */
    @WithDefault("1s")
    Duration redisTimeout();

    /**
     * Redis Pub/Sub channel on which each revocation is also announced ({@code {"jti":..., "exp":...}}),
     * so that gateways can keep a local copy of the denylist. Pub/Sub ignores database numbers: every
     * subscriber of the Redis server hears it.
     */
    @WithDefault("auth:revoked-jti")
    String revocationChannel();

    Refresh refresh();

    Lockout lockout();

    PasswordReset passwordReset();

    Roles roles();

    /** Registration: what a new account gets in Odoo. */
    Registration registration();

    interface Jwt {
        /** Folder of the keys: {@code <kid>.pem} RSA private keys (PKCS#8), {@code <kid>.pub.pem} retired public keys. */
        Path keyDirectory();

        /** The {@code kid} of the key that signs new tokens; its {@code <kid>.pem} must be in the folder. */
        String signingKeyId();

        @WithDefault("customk9-auth")
        String issuer();

        @WithDefault("customk9")
        String audience();

        /** Lifetime of an access token; a retired key must stay published at least this long. */
        @WithDefault("15m")
        Duration accessTokenTtl();

        /** Clock skew tolerated on {@code exp}, {@code nbf} and {@code iat}. */
        @WithDefault("30s")
        Duration clockSkew();
    }

    interface Refresh {
        /** Lifetime of a refresh token (each rotation issues a new one with a fresh lifetime). */
        @WithDefault("30d")
        Duration ttl();

        /** A family (one login) ends this long after the login, however often it was rotated. */
        @WithDefault("90d")
        Duration familyMaxAge();
    }

    interface Lockout {
        /** Failed logins of one account within {@link #window()} that lock it. */
        @WithDefault("5")
        int accountMaxFailures();

        /** Failed logins from one client address within {@link #window()} that block it. */
        @WithDefault("20")
        int addressMaxFailures();

        @WithDefault("15m")
        Duration window();

        /** How long a locked account or blocked address waits (the cool-down). */
        @WithDefault("15m")
        Duration duration();
    }

    interface PasswordReset {
        /** How long a reset token may be used. */
        @WithDefault("30m")
        Duration ttl();

        /** The page of the single-page client that takes the token: the link sent is this plus {@code ?token=...}. */
        @WithDefault("http://localhost:3000/reset-password")
        String linkBase();
    }

    /** Odoo groups (their full names, as {@code res.groups.full_name}) that give each role. */
    interface Roles {
        @WithDefault("Administration / Settings")
        List<String> admin();

        @WithDefault("User types / Internal User")
        List<String> staff();

        @WithDefault("CustomK9 / Trainer")
        List<String> trainer();

        @WithDefault("User types / Portal")
        List<String> client();
    }

    interface Registration {
        /** The Odoo group a registered client joins (by full name); none: Odoo's default for new users. */
        @WithDefault("User types / Portal")
        Optional<String> group();
    }
}

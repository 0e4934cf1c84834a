package com.customk9.emulator.session;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long the emulator's sessions live (seed 002 for /api/v2, Odoo's defaults for /web). */
@ConfigMapping(prefix = "customk9.emulator.sessions")
public interface SessionConfig {

    /** Lifetime of an /api/v2 session token (seed 002: 24 hours), also what a refresh grants. */
    @WithDefault("24h")
    Duration tokenLifetime();

    /** How long after expiry /api/v2/auth/refresh still accepts a token (seed 002: 1 hour). */
    @WithDefault("1h")
    Duration refreshGrace();

    /** A /web session cookie is dropped after this much inactivity (Odoo's SESSION_LIFETIME: 7 days). */
    @WithDefault("7d")
    Duration webInactivity();
}

package com.customk9.gateway.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.customk9.gateway.route.GatewayConfig;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;

/**
 * The browser-facing security headers, on every response the gateway sends: its own answers,
 * errors, health, and proxied ones (set when the head is written, so an upstream cannot weaken
 * them). CORS itself is Quarkus' filter ({@code quarkus.http.cors.*}).
 */
@ApplicationScoped
public class SecurityHeaders {

    /** Before the platform's request-id filter, so even its early answers carry the headers. */
    static final int PRIORITY = 20_000;

    private final GatewayConfig.SecurityHeaders config;

    public SecurityHeaders(GatewayConfig config) {
        this.config = config.securityHeaders();
    }

    void register(@Observes Filters filters) {
        filters.register(context -> {
            context.addHeadersEndHandler(ignored -> apply(context.response().headers()));
            context.next();
        }, PRIORITY);
    }

    void apply(MultiMap headers) {
        headers.set("Content-Security-Policy", config.contentSecurityPolicy())
                .set("X-Frame-Options", "DENY")
                .set("X-Content-Type-Options", "nosniff")
                .set("Strict-Transport-Security", config.strictTransportSecurity())
                .set("Referrer-Policy", config.referrerPolicy());
    }
}

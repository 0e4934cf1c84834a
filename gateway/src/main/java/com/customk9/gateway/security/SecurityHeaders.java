package com.customk9.gateway.security;

import jakarta.inject.Singleton;

import com.customk9.gateway.route.GatewayConfig;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;

/**
 * The browser-facing security headers, on every response the gateway sends: its own answers,
 * errors, health, and proxied ones. The gateway's server ({@code GatewayServer}) sets them when a
 * response's head is written, so neither an upstream nor the gateway's Quarkus endpoints can weaken them.
 */
@Singleton
public class SecurityHeaders {

    // Names and values pre-encoded (AsciiString): set on every response, written without per-response encoding.
    private static final CharSequence CONTENT_SECURITY_POLICY = HttpHeaders.createOptimized("Content-Security-Policy");
    private static final CharSequence X_FRAME_OPTIONS = HttpHeaders.createOptimized("X-Frame-Options");
    private static final CharSequence X_CONTENT_TYPE_OPTIONS = HttpHeaders.createOptimized("X-Content-Type-Options");
    private static final CharSequence STRICT_TRANSPORT_SECURITY = HttpHeaders.createOptimized("Strict-Transport-Security");
    private static final CharSequence REFERRER_POLICY = HttpHeaders.createOptimized("Referrer-Policy");
    private static final CharSequence DENY = HttpHeaders.createOptimized("DENY");
    private static final CharSequence NOSNIFF = HttpHeaders.createOptimized("nosniff");

    private final CharSequence contentSecurityPolicy;
    private final CharSequence strictTransportSecurity;
    private final CharSequence referrerPolicy;

    public SecurityHeaders(GatewayConfig config) {
        GatewayConfig.SecurityHeaders headers = config.securityHeaders();
        this.contentSecurityPolicy = HttpHeaders.createOptimized(headers.contentSecurityPolicy());
        this.strictTransportSecurity = HttpHeaders.createOptimized(headers.strictTransportSecurity());
        this.referrerPolicy = HttpHeaders.createOptimized(headers.referrerPolicy());
    }

    public void apply(MultiMap headers) {
        headers.set(CONTENT_SECURITY_POLICY, contentSecurityPolicy)
                .set(X_FRAME_OPTIONS, DENY)
                .set(X_CONTENT_TYPE_OPTIONS, NOSNIFF)
                .set(STRICT_TRANSPORT_SECURITY, strictTransportSecurity)
                .set(REFERRER_POLICY, referrerPolicy);
    }
}

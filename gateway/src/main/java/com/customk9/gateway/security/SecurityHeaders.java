package com.customk9.gateway.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.customk9.gateway.route.GatewayConfig;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;

/**
 * The browser-facing security headers, on every response the gateway sends: its own answers,
 * errors, health, and proxied ones (set when the head is written, so an upstream cannot weaken
 * them). CORS itself is Quarkus' filter ({@code quarkus.http.cors.*}).
 */
@ApplicationScoped
public class SecurityHeaders {

    /** Before the platform's request-id filter, so even its early answers carry the headers. */
    static final int PRIORITY = 20_000;

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

    void register(@Observes Filters filters) {
        filters.register(context -> {
            context.addHeadersEndHandler(ignored -> apply(context.response().headers()));
            context.next();
        }, PRIORITY);
    }

    void apply(MultiMap headers) {
        headers.set(CONTENT_SECURITY_POLICY, contentSecurityPolicy)
                .set(X_FRAME_OPTIONS, DENY)
                .set(X_CONTENT_TYPE_OPTIONS, NOSNIFF)
                .set(STRICT_TRANSPORT_SECURITY, strictTransportSecurity)
                .set(REFERRER_POLICY, referrerPolicy);
    }
}

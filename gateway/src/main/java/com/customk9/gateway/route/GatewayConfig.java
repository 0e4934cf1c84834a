package com.customk9.gateway.route;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Everything the gateway is told, under {@code customk9.gateway}. The route table is the heart of it:
 *
 * <pre>
 * customk9.gateway.routes.training.prefix=/api/dogs,/api/training-plans
 * customk9.gateway.routes.training.upstream=http://127.0.0.1:8082
 * customk9.gateway.routes.training.roles=client,trainer,staff,admin
 * customk9.gateway.routes.training.timeout=5s
 * customk9.gateway.routes.blog-read.prefix=/api/blog
 * customk9.gateway.routes.blog-read.methods=GET,HEAD
 * customk9.gateway.routes.blog-read.public=true
 * </pre>
 *
 * A request goes to the route with the longest matching prefix (on path-segment boundaries) among
 * those whose methods allow it. A route without an upstream is served by the gateway itself
 * (the Odoo webhook).
 */
@ConfigMapping(prefix = "customk9.gateway")
public interface GatewayConfig {

    Map<String, RouteConfig> routes();

    /** Time to the upstream's response headers when a route sets none (504 after it). */
    @WithDefault("10s")
    Duration defaultTimeout();

    /**
     * Time to the response headers of the gateway's own endpoints (webhook, health, metrics), served by its
     * Quarkus server behind the public one; the webhook waits for Kafka's acknowledgement.
     */
    @WithDefault("60s")
    Duration ownEndpointsTimeout();

    Upstreams upstreams();

    Jwt jwt();

    RateLimit rateLimit();

    SecurityHeaders securityHeaders();

    Webhook webhook();

    interface RouteConfig {

        /** Path prefixes, matched on segment boundaries ({@code /api/dogs} matches {@code /api/dogs/7}, not {@code /api/dogsled}). */
        List<String> prefix();

        /** HTTP methods this route takes; all when absent. */
        Optional<Set<String>> methods();

        /** Where requests go ({@code http://host:port}); absent: the gateway answers itself. */
        Optional<URI> upstream();

        /** Public routes need no token; a valid one still identifies the caller for rate limiting. */
        @WithName("public")
        @WithDefault("false")
        boolean publicRoute();

        /** Roles of which the caller needs at least one (JWT {@code groups}); any authenticated caller when absent. */
        Optional<Set<String>> roles();

        /** Time to the upstream's response headers; {@code customk9.gateway.default-timeout} when absent. */
        Optional<Duration> timeout();

        /** Requests per window for this route, in a bucket of its own; the default limits when absent. */
        OptionalInt rateLimit();

        /** Who a request counts against: the caller (user or client IP) or the API key it presents. */
        @WithDefault("caller")
        RateLimitKey rateLimitKey();

        /** Largest request body; {@code customk9.gateway.max-body-size} when absent. */
        Optional<MemorySize> maxBodySize();
    }

    enum RateLimitKey {
        /** The JWT subject when the token is valid, else the client IP. */
        CALLER,
        /** The {@code X-API-Key} (or bearer) credential, hashed; the client IP when there is none. JWTs are not checked. */
        API_KEY
    }

    /** Default request body limit of proxied routes (the platform's 413 filter holds the global ceiling). */
    @WithDefault("1M")
    MemorySize maxBodySize();

    interface Upstreams {

        @WithDefault("2s")
        Duration connectTimeout();

        /** Pooled connections per upstream, shared out between the event loops; callers beyond wait for one. */
        @WithDefault("256")
        int maxConnections();

        /** An upstream connection with nothing read for this long is closed: idle in the pool, or a stalled response body (cut). */
        @WithDefault("60s")
        Duration idleTimeout();

        /** Failures (unreachable, timed out, 502/503/504) within {@link #failureWindow()} that open the breaker. */
        @WithDefault("5")
        int breakerFailures();

        @WithDefault("10s")
        Duration failureWindow();

        /** How long an open breaker refuses calls before letting one trial call through. */
        @WithDefault("10s")
        Duration breakerResetTimeout();

        /**
         * A PEM file of the certificates trusted for {@code https} upstreams (a private CA's, or an upstream's
         * own), instead of the JDK's trust store; read at start-up, so a file that cannot be read stops it.
         * Unset: the JDK's trust store. Either way the upstream's name is checked against its certificate.
         */
        Optional<String> trustCertificates();
    }

    interface Jwt {

        /** auth-service's key set. */
        @WithDefault("http://127.0.0.1:8081/.well-known/jwks.json")
        URI jwksUrl();

        @WithDefault("customk9-auth")
        String issuer();

        @WithDefault("customk9")
        String audience();

        @WithDefault("30s")
        Duration clockSkew();

        /** The key set is fetched again on an unknown {@code kid}, at most this often. */
        @WithDefault("10s")
        Duration minRefreshInterval();

        /** The key set is also fetched again after this long (removed keys stop verifying). */
        @WithDefault("10m")
        Duration refreshInterval();

        @WithDefault("3s")
        Duration fetchTimeout();

        /**
         * A verified token is remembered (by its exact text) for at most this long, never past its
         * {@code exp}, so repeated calls skip the signature check; revocation is still looked up on
         * every request. A key withdrawn from the JWKS stops verifying remembered tokens after this.
         * 0 turns the cache off.
         */
        @WithDefault("60s")
        Duration verifiedTokenTtl();

        @WithDefault("10000")
        int verifiedTokenCacheSize();

        /** Redis key of a revoked token id (auth-service writes it at logout). */
        @WithDefault("auth:revoked-jti:")
        String revokedJtiPrefix();

        /**
         * While Redis cannot be asked, accept tokens without the revocation check (true) or refuse
         * them with 503 (false). Tokens are short-lived; the services check them again.
         */
        @WithDefault("true")
        boolean revocationFailOpen();

        /** The local copy of the revoked-jti keys ({@code RevokedTokenMirror}). */
        RevocationMirror revocationMirror();
    }

    interface RevocationMirror {

        /**
         * Keep a copy of the denylist in memory, fed by auth-service's announcements, so that a
         * request's revocation check needs no Redis call while the copy is in sync; false: Redis is
         * asked on every request, as before.
         */
        @WithDefault("true")
        boolean enabled();

        /** Redis Pub/Sub channel auth-service announces revocations on ({@code customk9.auth.revocation-channel}). */
        @WithDefault("auth:revoked-jti")
        String channel();

        /** After the subscription failed or broke, it is opened again after this long. */
        @WithDefault("1s")
        Duration retryInterval();

        /**
         * A PING on the subscription this often; unanswered within {@code rate-limit.redis-timeout},
         * the copy is out of sync and the subscription is opened again (a silently dead connection
         * would otherwise look in sync while missing announcements).
         */
        @WithDefault("5s")
        Duration heartbeatInterval();
    }

    interface RateLimit {

        @WithDefault("true")
        boolean enabled();

        /** Requests per window for a caller with a valid token (per JWT subject). */
        @WithDefault("100")
        int authenticated();

        /** Requests per window for a caller without one (per client IP). */
        @WithDefault("20")
        int anonymous();

        @WithDefault("1m")
        Duration window();

        @WithDefault("customk9:gateway:rl:")
        String keyPrefix();

        /**
         * A Redis answer slower than this counts as Redis being down (the local limiter decides).
         * Limits are exact across replicas only while Redis answers within it, so it is generous:
         * a loaded but working Redis must not look down.
         */
        @WithDefault("1s")
        Duration redisTimeout();

        /** While Redis is down, it is tried again at most this often (the local limiter serves meanwhile). */
        @WithDefault("1s")
        Duration redisRetryInterval();

        /**
         * Buckets whose limit per window is at least this lease permits ahead of demand (below it, a
         * bucket admits too few requests a window for their Redis calls to matter, and every request
         * is counted in Redis as it comes, exactly as without leases).
         */
        @WithDefault("1000")
        int leaseMinLimit();

        /**
         * Most permits a lease takes beyond the requests waiting for it (0: never ahead of demand). A bucket this
         * busy on one process costs one Redis call per this many requests; the price is in what a window's end
         * can leave unspent (under-use, never over-admission) and in how much {@code RateLimit-Remaining} may
         * under-state (two leases).
         */
        @WithDefault("512")
        int leaseMax();

        /** Share of a window's limit never leased ahead of demand, kept for the other replicas and the end of the window. */
        @WithDefault("0.5")
        double leaseReserve();

        /** A lease ahead of demand is sized to the requests the bucket got here during the last interval of this length. */
        @WithDefault("100ms")
        Duration leaseInterval();
    }

    interface SecurityHeaders {

        @WithDefault("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
        String contentSecurityPolicy();

        @WithDefault("max-age=31536000; includeSubDomains")
        String strictTransportSecurity();

        @WithDefault("no-referrer")
        String referrerPolicy();
    }

    interface Webhook {

        /** HMAC-SHA256 secret shared with Odoo ({@code X-Odoo-Signature}); signed calls are refused when absent. */
        Optional<String> secret();

        /** Secret in the URL ({@code ?token=}) for Odoo setups that cannot sign; that mode is off when absent. */
        Optional<String> urlToken();

        /** How far {@code X-Odoo-Timestamp} may be from now, either way. */
        @WithDefault("5m")
        Duration tolerance();

        @WithDefault("customk9:gateway:webhook-seen:")
        String replayKeyPrefix();

        @WithDefault("odoo.webhooks")
        String topic();

        /** The webhook producer's brokers when not {@code kafka.bootstrap.servers}. */
        Optional<String> bootstrapServers();

        /** Longest wait for the broker's acknowledgement (503 after it). */
        @WithDefault("5s")
        Duration sendTimeout();
    }
}

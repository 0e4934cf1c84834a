package com.customk9.odoo.client;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** How a service reaches its Odoo instance, and how hard it tries. */
@ConfigMapping(prefix = "odoo")
public interface OdooConfig {

    /** Base URL of the Odoo instance (scheme, host, port), e.g. {@code https://odoo.customk9.example}. */
    @WithDefault("http://127.0.0.1:8069")
    String url();

    /** The Odoo database; JSON-RPC names it in every call and it separates instances in the cache. */
    @WithDefault("customk9")
    String database();

    /** The technical integration user every service call runs as. */
    Integration integration();

    Timeout timeout();

    Retry retry();

    Breaker breaker();

    Cache cache();

    /** Connections kept to Odoo by this service instance. */
    @WithDefault("20")
    int maxConnections();

    interface Integration {
        /** Login of the integration user. */
        @WithDefault("integration@customk9.example")
        String login();

        /**
         * Its API key (a secret: set it from the environment, {@code ODOO_INTEGRATION_API_KEY}). Sent as
         * the {@code api-key} header to /api/v2 and as the password of JSON-RPC calls, as Odoo 17 allows.
         */
        Optional<String> apiKey();
    }

    interface Timeout {
        /** Time to open a TCP connection to Odoo. */
        @WithDefault("2s")
        Duration connect();

        /** Time one attempt of a call may take before it fails with 504 (and counts against the breaker). */
        @WithDefault("10s")
        Duration call();
    }

    interface Retry {
        /** Further attempts for an idempotent read after a transient failure (network, 5xx, timeout). */
        @WithDefault("3")
        int maxRetries();

        /** Further attempts of any call Odoo rolled back on a serialization failure (writes included). */
        @WithDefault("5")
        int serializationMaxRetries();

        /** Pause before the first retry; it doubles with each one up to {@code max-delay}. */
        @WithDefault("100ms")
        Duration delay();

        @WithDefault("2s")
        Duration maxDelay();

        /** Random variation added to or taken from each pause, so retrying callers do not march in step. */
        @WithDefault("50ms")
        Duration jitter();
    }

    interface Breaker {
        /** Calls in the rolling window the failure ratio is computed over. */
        @WithDefault("20")
        int requestVolumeThreshold();

        /** Share of failing calls in the window that opens the breaker. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long the breaker stays open before letting trial calls through (half-open). */
        @WithDefault("10s")
        Duration delay();

        /** Successful trial calls that close it again. */
        @WithDefault("2")
        int successThreshold();
    }

    interface Cache {
        /** Use the Redis read-through cache for reads. */
        @WithDefault("true")
        boolean enabled();

        /** How long a read stays cached unless a model says otherwise or a webhook invalidates it first. */
        @WithDefault("5m")
        Duration ttl();

        /** Per model, e.g. {@code odoo.cache.models."customk9.dog".ttl=1m}; a zero TTL disables caching. */
        @WithName("models")
        Map<String, ModelCache> models();

        /** Longest a cache operation may take before the client gives up on Redis for that call. */
        @WithDefault("250ms")
        Duration redisTimeout();

        /** After Redis failed, how long the cache is bypassed before Redis is tried again. */
        @WithDefault("5s")
        Duration retryAfter();

        /** Prefix of every cache key (followed by the database name). */
        @WithDefault("odoo")
        String keyPrefix();
    }

    interface ModelCache {
        Optional<Duration> ttl();
    }
}

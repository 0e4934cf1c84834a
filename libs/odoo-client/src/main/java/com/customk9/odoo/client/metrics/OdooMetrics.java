package com.customk9.odoo.client.metrics;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.odoo.client.error.OdooFailure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The client's meters: {@code odoo.client.calls} (timer per model, method and outcome, cache hits
 * included as {@code outcome=cache_hit}), {@code odoo.client.retries} and {@code odoo.client.cache.errors}.
 */
@ApplicationScoped
public class OdooMetrics {

    public static final String CALLS = "odoo.client.calls";
    public static final String RETRIES = "odoo.client.retries";
    public static final String CACHE_ERRORS = "odoo.client.cache.errors";

    private final MeterRegistry registry;

    public OdooMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void recordCall(String model, String method, String outcome, Duration duration) {
        Timer.builder(CALLS)
                .description("Calls to Odoo through the client, cache hits included")
                .tag("model", model)
                .tag("method", method)
                .tag("outcome", outcome)
                .register(registry)
                .record(duration);
    }

    public void recordRetry(String model, String method) {
        Counter.builder(RETRIES)
                .description("Calls to Odoo repeated after a transient or serialization failure")
                .tag("model", model)
                .tag("method", method)
                .register(registry)
                .increment();
    }

    public void recordCacheError(String operation) {
        Counter.builder(CACHE_ERRORS)
                .description("Redis operations of the Odoo read cache that failed and were bypassed")
                .tag("operation", operation)
                .register(registry)
                .increment();
    }

    /** The outcome tag for a failure of any kind. */
    public static String outcomeOf(Throwable failure) {
        return failure instanceof OdooFailure typed ? typed.outcome() : "error";
    }
}

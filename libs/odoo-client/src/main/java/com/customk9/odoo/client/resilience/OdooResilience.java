package com.customk9.odoo.client.resilience;

import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;

import org.jboss.logging.Logger;

import com.customk9.odoo.client.OdooConfig;
import com.customk9.odoo.client.error.OdooErrors;
import com.customk9.odoo.client.metrics.OdooMetrics;

import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;

/**
 * Timeouts, retries and the circuit breaker around every call to this Odoo instance (SmallRye Fault
 * Tolerance, programmatic guards). One breaker for the instance, shared by all calls: inside it each
 * attempt has its timeout; outside it, reads retry transient failures and any call retries Odoo's
 * serialization failures, with exponential back-off and jitter ({@link RetryPolicy}).
 */
@ApplicationScoped
public class OdooResilience {

    private static final Logger LOG = Logger.getLogger(OdooResilience.class);
    private static final TypeLiteral<Uni<Object>> UNI = new TypeLiteral<>() {
    };

    private final OdooMetrics metrics;
    private final CircuitBreakerMaintenance maintenance;
    private final String breakerName;
    private final TypedGuard<Uni<Object>> breaker;
    private final TypedGuard<Uni<Object>> readRetry;
    private final TypedGuard<Uni<Object>> writeRetry;

    public OdooResilience(OdooConfig config, OdooMetrics metrics, CircuitBreakerMaintenance maintenance) {
        this.metrics = metrics;
        this.maintenance = maintenance;
        this.breakerName = "odoo:" + config.database() + "@" + config.url();
        OdooConfig.Breaker breakerConfig = config.breaker();
        this.breaker = TypedGuard.create(UNI)
                .withDescription("Odoo " + breakerName)
                .withCircuitBreaker()
                .name(breakerName)
                .requestVolumeThreshold(breakerConfig.requestVolumeThreshold())
                .failureRatio(breakerConfig.failureRatio())
                .delay(breakerConfig.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(breakerConfig.successThreshold())
                .when(RetryPolicy::tripsBreaker)
                .onStateChange(state -> logTransition(state))
                .done()
                .withTimeout()
                .duration(config.timeout().call().toMillis(), ChronoUnit.MILLIS)
                .done()
                .build();
        this.readRetry = retryGuard(config.retry(), config.retry().maxRetries(), CallKind.READ);
        this.writeRetry = retryGuard(config.retry(), config.retry().serializationMaxRetries(), CallKind.WRITE);
    }

    private static TypedGuard<Uni<Object>> retryGuard(OdooConfig.Retry retry, int maxRetries, CallKind kind) {
        return TypedGuard.create(UNI)
                .withRetry()
                .maxRetries(maxRetries)
                .delay(retry.delay().toMillis(), ChronoUnit.MILLIS)
                .jitter(retry.jitter().toMillis(), ChronoUnit.MILLIS)
                .maxDuration(Math.max(retry.maxDelay().toMillis() * (maxRetries + 1L), retry.delay().toMillis() + 1), ChronoUnit.MILLIS)
                .whenException(failure -> RetryPolicy.shouldRetry(kind, failure))
                .withExponentialBackoff()
                .factor(2)
                .maxDelay(retry.maxDelay().toMillis(), ChronoUnit.MILLIS)
                .done()
                .done()
                .build();
    }

    /**
     * Runs {@code attempt} (subscribed once per attempt) under the breaker, timeout and the retry
     * policy of {@code kind}; the failure that comes out is typed (503 breaker open, 504 timeout...).
     */
    public Uni<Object> call(CallKind kind, String model, String method, Supplier<Uni<Object>> attempt) {
        AtomicInteger attempts = new AtomicInteger();
        TypedGuard<Uni<Object>> retry = kind == CallKind.READ ? readRetry : writeRetry;
        return Uni.createFrom().deferred(() -> retry.get(() -> breaker.get(() -> {
            attempts.incrementAndGet();
            return Uni.createFrom().deferred(attempt::get);
        })))
                .onTermination().invoke(() -> {
                    for (int i = 1; i < attempts.get(); i++) {
                        metrics.recordRetry(model, method);
                    }
                })
                .onFailure().transform(OdooErrors::fromTransport);
    }

    public String breakerName() {
        return breakerName;
    }

    public CircuitBreakerState breakerState() {
        return maintenance.currentState(breakerName);
    }

    /** Closes the breaker and forgets its window (operations and tests). */
    public void resetBreaker() {
        maintenance.reset(breakerName);
    }

    private void logTransition(CircuitBreakerState state) {
        if (state == CircuitBreakerState.OPEN) {
            LOG.warnf("Circuit breaker %s opened: calls to Odoo fail fast", breakerName);
        } else {
            LOG.infof("Circuit breaker %s is now %s", breakerName, state);
        }
    }
}

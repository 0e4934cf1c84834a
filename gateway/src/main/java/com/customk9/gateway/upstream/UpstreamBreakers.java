package com.customk9.gateway.upstream;

import java.net.URI;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.customk9.gateway.route.GatewayConfig;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.core.Vertx;

/**
 * One named circuit breaker per upstream ({@code host:port}), shared by every route to it. It opens
 * after {@code breaker-failures} failures (unreachable, too slow, 502/503/504) within
 * {@code failure-window}; while open the gateway answers 503 without calling; after
 * {@code breaker-reset-timeout} one trial call goes through and its outcome closes or reopens it.
 * State changes are logged.
 */
@ApplicationScoped
public class UpstreamBreakers {

    private static final Logger LOG = Logger.getLogger(UpstreamBreakers.class);

    private final Vertx vertx;
    private final CircuitBreakerOptions options;
    private final ConcurrentMap<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    public UpstreamBreakers(Vertx vertx, GatewayConfig config) {
        this.vertx = vertx;
        GatewayConfig.Upstreams upstreams = config.upstreams();
        this.options = new CircuitBreakerOptions()
                .setMaxFailures(upstreams.breakerFailures())
                .setFailuresRollingWindow(upstreams.failureWindow().toMillis())
                .setResetTimeout(upstreams.breakerResetTimeout().toMillis())
                // The gateway times calls itself (per route); the breaker only counts outcomes.
                .setTimeout(-1)
                .setNotificationAddress(null);
    }

    public CircuitBreaker of(URI upstream) {
        return breakers.computeIfAbsent(name(upstream), this::create);
    }

    public CircuitBreakerState state(URI upstream) {
        CircuitBreaker breaker = breakers.get(name(upstream));
        return breaker == null ? CircuitBreakerState.CLOSED : breaker.state();
    }

    static String name(URI upstream) {
        int port = upstream.getPort() != -1 ? upstream.getPort() : "https".equals(upstream.getScheme()) ? 443 : 80;
        return upstream.getHost() + ":" + port;
    }

    private CircuitBreaker create(String name) {
        return CircuitBreaker.create("upstream " + name, vertx, new CircuitBreakerOptions(options))
                .openHandler(ignored -> LOG.warnf("Circuit breaker for upstream %s OPEN: calls refused with 503", name))
                .halfOpenHandler(ignored -> LOG.infof("Circuit breaker for upstream %s HALF-OPEN: one trial call", name))
                .closeHandler(ignored -> LOG.infof("Circuit breaker for upstream %s CLOSED", name));
    }

    @PreDestroy
    void close() {
        breakers.values().forEach(CircuitBreaker::close);
    }
}

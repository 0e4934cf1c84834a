package com.customk9.odoo.client.health;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import com.customk9.odoo.client.OdooClient;

import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * Readiness follows the Odoo circuit breaker: down while it is open (Odoo is failing and calls fail
 * fast), up otherwise. It sends nothing to Odoo, so probes never add load to a struggling instance.
 */
@Readiness
@ApplicationScoped
public class OdooReadinessCheck implements HealthCheck {

    private final OdooClient odoo;

    public OdooReadinessCheck(OdooClient odoo) {
        this.odoo = odoo;
    }

    @Override
    public HealthCheckResponse call() {
        CircuitBreakerState state = odoo.breakerState();
        return HealthCheckResponse.named("Odoo")
                .status(state != CircuitBreakerState.OPEN)
                .withData("circuit_breaker", state.name().toLowerCase(Locale.ROOT))
                .build();
    }
}

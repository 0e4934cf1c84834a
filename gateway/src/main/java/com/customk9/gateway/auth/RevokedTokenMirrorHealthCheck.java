package com.customk9.gateway.auth;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the local copy of the revoked tokens. Always UP: out of sync, each request asks Redis
 * for its token's revocation, as before the copy existed, so the gateway is slower, not wrong. The
 * check's data says which: {@code state: in-sync} (checks are local), {@code syncing} or
 * {@code out-of-sync} (checks ask Redis; with the last error) or {@code off}, for dashboards and alerts.
 */
@Readiness
@ApplicationScoped
public class RevokedTokenMirrorHealthCheck implements HealthCheck {

    private final RevokedTokenMirror mirror;

    public RevokedTokenMirrorHealthCheck(RevokedTokenMirror mirror) {
        this.mirror = mirror;
    }

    @Override
    public HealthCheckResponse call() {
        RevokedTokenMirror.State state = mirror.state();
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("revocation-mirror").up()
                .withData("state", state.label());
        switch (state) {
            case IN_SYNC -> builder.withData("checks", "local copy, fed by the revocation channel")
                    .withData("revoked", mirror.size())
                    .withData("since", String.valueOf(mirror.since()));
            case OFF -> builder.withData("checks", "Redis, on every request");
            default -> builder.withData("checks", "Redis, on every request, until the copy is in sync")
                    .withData("since", String.valueOf(mirror.since()))
                    .withData("error", String.valueOf(mirror.lastError()));
        }
        return builder.build();
    }
}

package com.customk9.emulator.fault;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import com.customk9.emulator.jsonrpc.RpcCredentials;
import com.customk9.emulator.orm.Orm;
import com.customk9.emulator.session.EmulatorClock;
import com.customk9.emulator.session.SessionTokens;
import com.customk9.emulator.session.WebSessions;
import com.customk9.emulator.webhook.WebhookDispatcher;
import com.customk9.emulator.webhook.WebhookTargets;

/**
 * The emulator's own controls, admin only ({@code X-Emulator-Admin-Token}): reset to the seeded
 * state, request counters, and the clock sessions are measured against.
 */
@Path("/emulator")
public class EmulatorAdminResource {

    private final AdminGuard guard;
    private final Orm orm;
    private final FaultInjector faults;
    private final RequestStats stats;
    private final EmulatorClock clock;
    private final SessionTokens tokens;
    private final WebSessions webSessions;
    private final RpcCredentials credentials;
    private final WebhookTargets webhooks;
    private final WebhookDispatcher dispatcher;

    public EmulatorAdminResource(AdminGuard guard, Orm orm, FaultInjector faults, RequestStats stats, EmulatorClock clock,
            SessionTokens tokens, WebSessions webSessions, RpcCredentials credentials, WebhookTargets webhooks,
            WebhookDispatcher dispatcher) {
        this.guard = guard;
        this.orm = orm;
        this.faults = faults;
        this.stats = stats;
        this.clock = clock;
        this.tokens = tokens;
        this.webSessions = webSessions;
        this.credentials = credentials;
        this.webhooks = webhooks;
        this.dispatcher = dispatcher;
    }

    /**
     * A fresh Odoo: faults off, data back to the seed, sessions and tokens dropped, runtime webhook
     * targets removed, counters zeroed, clock back to real time.
     */
    @POST
    @Path("reset")
    public Response reset(@HeaderParam(AdminGuard.HEADER) String token) {
        return admin(token, () -> {
            faults.clear();
            orm.resetToSeed();
            tokens.deleteAll();
            webSessions.deleteAll();
            credentials.forgetAll();
            webhooks.reset();
            clock.reset();
            stats.reset();
            dispatcher.resetCounters();
            return Map.of("reset", true);
        });
    }

    /** Requests per surface and calls per surface/model/method since the last reset, plus webhook deliveries. */
    @GET
    @Path("stats")
    public Response stats(@HeaderParam(AdminGuard.HEADER) String token) {
        return admin(token, () -> {
            Map<String, Object> snapshot = new LinkedHashMap<>(stats.snapshot());
            snapshot.put("webhooks", dispatcher.counters());
            return snapshot;
        });
    }

    @DELETE
    @Path("stats")
    public Response resetStats(@HeaderParam(AdminGuard.HEADER) String token) {
        return admin(token, () -> {
            stats.reset();
            dispatcher.resetCounters();
            return stats.snapshot();
        });
    }

    @GET
    @Path("clock")
    public Response clock(@HeaderParam(AdminGuard.HEADER) String token) {
        return admin(token, this::clockState);
    }

    /** {@code {"seconds": 90000}}: moves the emulator's clock forward (session expiry without waiting). */
    @POST
    @Path("clock/advance")
    public Response advance(@HeaderParam(AdminGuard.HEADER) String token, String body) {
        return admin(token, () -> {
            double seconds = AdminGuard.number(AdminGuard.body(body), "seconds", null);
            if (seconds < 0 || seconds > 3650 * 86400.0) {
                throw new IllegalArgumentException("'seconds' must be between 0 and ten years");
            }
            clock.advance(Duration.ofMillis((long) (seconds * 1000)));
            return clockState();
        });
    }

    @DELETE
    @Path("clock")
    public Response resetClock(@HeaderParam(AdminGuard.HEADER) String token) {
        return admin(token, () -> {
            clock.reset();
            return clockState();
        });
    }

    private Map<String, Object> clockState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("now", clock.instant().toString());
        state.put("offset_seconds", clock.offset().toMillis() / 1000.0);
        return state;
    }

    private Response admin(String token, Supplier<Object> action) {
        Optional<Response> refusal = guard.refuse(token);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        try {
            return AdminGuard.json(200, action.get());
        } catch (IllegalArgumentException e) {
            return AdminGuard.error(400, "invalid_request", e.getMessage());
        }
    }
}

package com.customk9.emulator.fault;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import com.customk9.emulator.session.SessionTokens;
import com.customk9.emulator.session.WebSessions;

/**
 * Fault injection for tests, admin only ({@code X-Emulator-Admin-Token}). Faults act on the Odoo
 * surfaces (/api/v2, /jsonrpc, /web/*) only. Every change answers the full fault state.
 */
@Path("/emulator/faults")
public class EmulatorFaultsResource {

    private final AdminGuard guard;
    private final FaultInjector faults;
    private final SessionTokens tokens;
    private final WebSessions webSessions;

    public EmulatorFaultsResource(AdminGuard guard, FaultInjector faults, SessionTokens tokens, WebSessions webSessions) {
        this.guard = guard;
        this.faults = faults;
        this.tokens = tokens;
        this.webSessions = webSessions;
    }

    @GET
    public Response state(@HeaderParam(AdminGuard.HEADER) String token) {
        return admin(token, () -> faults.snapshot());
    }

    /** Everything off. */
    @DELETE
    public Response clear(@HeaderParam(AdminGuard.HEADER) String token) {
        return admin(token, () -> {
            faults.clear();
            return faults.snapshot();
        });
    }

    /** {@code {"ms": 300, "path_prefix": "/jsonrpc"}}: delay matching requests (prefix optional: all surfaces). */
    @PUT
    @Path("latency")
    public Response latency(@HeaderParam(AdminGuard.HEADER) String token, String body) {
        return admin(token, () -> {
            Map<String, Object> request = AdminGuard.body(body);
            faults.setLatency(AdminGuard.string(request, "path_prefix", "/"), (long) AdminGuard.number(request, "ms", null));
            return faults.snapshot();
        });
    }

    @DELETE
    @Path("latency")
    public Response clearLatency(@HeaderParam(AdminGuard.HEADER) String token) {
        return admin(token, () -> {
            faults.clearLatency();
            return faults.snapshot();
        });
    }

    /**
     * {@code {"rate": 0.5, "style": "odoo"|"http", "path_prefix": "/api/v2", "seed": 42}}: that fraction of
     * requests fails with a server error ("odoo": as Odoo reports one; "http": a bare HTTP 500 page).
     */
    @PUT
    @Path("error-rate")
    public Response errorRate(@HeaderParam(AdminGuard.HEADER) String token, String body) {
        return admin(token, () -> {
            Map<String, Object> request = AdminGuard.body(body);
            Object seed = request.get("seed");
            if (seed != null && !(seed instanceof Number)) {
                throw new IllegalArgumentException("'seed' must be a number");
            }
            faults.setErrorRate(AdminGuard.number(request, "rate", null),
                    FaultInjector.ErrorStyle.of(AdminGuard.string(request, "style", "odoo")),
                    AdminGuard.string(request, "path_prefix", "/"), seed == null ? null : ((Number) seed).longValue());
            return faults.snapshot();
        });
    }

    @DELETE
    @Path("error-rate")
    public Response clearErrorRate(@HeaderParam(AdminGuard.HEADER) String token) {
        return admin(token, () -> {
            faults.clearErrorRate();
            return faults.snapshot();
        });
    }

    /** {@code {"mode": "close"|"502"|"503"}}: Odoo is down until DELETE (default "close": connections dropped unanswered). */
    @PUT
    @Path("outage")
    public Response outage(@HeaderParam(AdminGuard.HEADER) String token, String body) {
        return admin(token, () -> {
            Map<String, Object> request = AdminGuard.body(body);
            faults.setOutage(FaultInjector.OutageMode.of(AdminGuard.string(request, "mode", "close")));
            return faults.snapshot();
        });
    }

    @DELETE
    @Path("outage")
    public Response clearOutage(@HeaderParam(AdminGuard.HEADER) String token) {
        return admin(token, () -> {
            faults.clearOutage();
            return faults.snapshot();
        });
    }

    /** {@code {"count": 3}}: the next 3 writes (create/write/unlink, /api/v2 writes) fail with a serialization failure. */
    @POST
    @Path("serialization-failures")
    public Response serializationFailures(@HeaderParam(AdminGuard.HEADER) String token, String body) {
        return admin(token, () -> {
            Map<String, Object> request = AdminGuard.body(body);
            double count = AdminGuard.number(request, "count", 1.0);
            if (count != Math.rint(count) || count > 1_000_000) {
                throw new IllegalArgumentException("'count' must be a whole number up to 1000000");
            }
            faults.failNextWrites((int) count);
            return faults.snapshot();
        });
    }

    @DELETE
    @Path("serialization-failures")
    public Response clearSerializationFailures(@HeaderParam(AdminGuard.HEADER) String token) {
        return admin(token, () -> {
            faults.failNextWrites(0);
            return faults.snapshot();
        });
    }

    /**
     * Expires every session now: /web session cookies are dropped (next call: "Odoo Session
     * Expired"), /api/v2 session tokens expire (refreshable within the grace period, unless
     * {@code {"beyond_grace": true}}).
     */
    @POST
    @Path("expire-sessions")
    public Response expireSessions(@HeaderParam(AdminGuard.HEADER) String token, String body) {
        return admin(token, () -> {
            Map<String, Object> request = AdminGuard.body(body);
            Object beyondGrace = request.getOrDefault("beyond_grace", false);
            if (!(beyondGrace instanceof Boolean)) {
                throw new IllegalArgumentException("'beyond_grace' must be true or false");
            }
            int expired = tokens.expireAll((Boolean) beyondGrace);
            webSessions.deleteAll();
            return Map.of("expired_session_tokens", expired, "web_sessions_dropped", true);
        });
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

package com.customk9.emulator.jsonrpc;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import com.customk9.emulator.fault.FaultInjector;
import com.customk9.emulator.fault.OdooSurface;
import com.customk9.emulator.fault.RequestStats;
import com.customk9.emulator.session.ActiveUsers;
import com.customk9.emulator.session.WebSessions;

/**
 * Runs one of Odoo's {@code type='json'} /web routes: reads the JSON-RPC body, resolves the
 * {@code session_id} cookie for {@code auth='user'} routes (none or a stale one is "Odoo Session
 * Expired", code 100), and answers Odoo's envelope whatever happens.
 */
@ApplicationScoped
public class WebJsonRoute {

    public static final String SESSION_COOKIE = "session_id";

    private final WebSessions sessions;
    private final FaultInjector faults;
    private final RequestStats stats;
    private final ActiveUsers activeUsers;

    public WebJsonRoute(WebSessions sessions, FaultInjector faults, RequestStats stats, ActiveUsers activeUsers) {
        this.sessions = sessions;
        this.faults = faults;
        this.stats = stats;
        this.activeUsers = activeUsers;
    }

    /** What a route returns: its result (or {@link JsonRpcResponses#NONE}) and maybe a cookie to set. */
    public record Result(Object value, NewCookie cookie) {
        public static Result of(Object value) {
            return new Result(value, null);
        }
    }

    @FunctionalInterface
    public interface PublicRoute {
        Result handle(Map<String, Object> params);
    }

    @FunctionalInterface
    public interface UserRoute {
        Result handle(Map<String, Object> params, WebSessions.WebSession session);
    }

    /** An {@code auth='none'} route. */
    public Response serve(String path, String contentType, String body, String sessionId, PublicRoute route) {
        return run(path, contentType, body, params -> route.handle(params));
    }

    /** An {@code auth='user'} route: needs a live session cookie. */
    public Response serve(String path, String contentType, String body, String sessionId, UserRoute route) {
        return run(path, contentType, body, params -> {
            WebSessions.WebSession session = sessions.find(sessionId)
                    .filter(live -> activeUsers.isActive(live.userId()))
                    .orElseThrow(OdooRpcError::sessionExpired);
            return route.handle(params, session);
        });
    }

    private Response run(String path, String contentType, String body, PublicRoute route) {
        faults.delay(path);
        JsonRpcRequest.Outcome outcome = JsonRpcRequest.read(contentType, body);
        if (outcome.refused()) {
            stats.countCall(OdooSurface.WEB, null, "invalid_request");
            return outcome.refusal();
        }
        JsonRpcRequest request = outcome.request();
        try {
            Map<String, Object> params = request.params();
            countCall(path, params);
            if (faults.serverErrorNow(path, FaultInjector.ErrorStyle.ODOO)) {
                throw InjectedErrors.serverError();
            }
            Result result = route.handle(params);
            Response response = JsonRpcResponses.result(request.id(), result.value());
            if (result.cookie() != null) {
                return Response.fromResponse(response).cookie(result.cookie()).build();
            }
            return response;
        } catch (RuntimeException e) {
            return JsonRpcResponses.error(request.id(), RpcErrors.toRpcError(e));
        }
    }

    private void countCall(String path, Map<String, Object> params) {
        if (path.startsWith("/web/dataset/call_kw")) {
            Object model = params.get("model");
            Object method = params.get("method");
            stats.countCall(OdooSurface.WEB, model instanceof String m ? m : null,
                    method instanceof String m ? m : "call_kw");
        } else {
            stats.countCall(OdooSurface.WEB, null, path.substring("/web/".length()));
        }
    }
}

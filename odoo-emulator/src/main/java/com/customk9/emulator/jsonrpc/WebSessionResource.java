package com.customk9.emulator.jsonrpc;

import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import com.customk9.emulator.fault.EmulatorConfig;
import com.customk9.emulator.orm.Orm;
import com.customk9.emulator.session.WebSessions;

/**
 * Odoo's web-client session routes: {@code /web/session/authenticate} (sets the {@code session_id}
 * cookie, returns the session info), {@code get_session_info}, {@code check}, {@code destroy}, and
 * {@code /web/webclient/version_info}.
 */
@Path("/web")
public class WebSessionResource {

    /** Odoo's SESSION_LIFETIME: a week. */
    private static final int COOKIE_MAX_AGE = 7 * 24 * 3600;

    private final WebJsonRoute route;
    private final WebSessions sessions;
    private final SessionInfo sessionInfo;
    private final Orm orm;
    private final EmulatorConfig config;

    public WebSessionResource(WebJsonRoute route, WebSessions sessions, SessionInfo sessionInfo, Orm orm, EmulatorConfig config) {
        this.route = route;
        this.sessions = sessions;
        this.sessionInfo = sessionInfo;
        this.orm = orm;
        this.config = config;
    }

    @POST
    @Path("session/authenticate")
    public Response authenticate(@HeaderParam("Content-Type") String contentType,
            @CookieParam(WebJsonRoute.SESSION_COOKIE) String sessionId, String body) {
        return route.serve("/web/session/authenticate", contentType, body, sessionId, (Map<String, Object> params) -> {
            Object db = JsonRpcRequest.required(params, "authenticate", "db");
            Object login = JsonRpcRequest.required(params, "authenticate", "login");
            Object password = JsonRpcRequest.required(params, "authenticate", "password");
            if (!config.dbName().equals(db)) {
                throw OdooRpcError.accessError("Database not found.");
            }
            // an interactive login: the user's password only, never an API key
            Optional<Long> uid = login instanceof String l && password instanceof String p && !l.isEmpty() && !p.isEmpty()
                    ? orm.users().authenticatePassword(l, p) : Optional.empty();
            if (uid.isEmpty()) {
                throw OdooRpcError.accessDenied();
            }
            sessions.destroy(sessionId);
            String sid = sessions.create(uid.get(), (String) login, config.dbName());
            return new WebJsonRoute.Result(sessionInfo.of(uid.get(), config.dbName()), sessionCookie(sid));
        });
    }

    @POST
    @Path("session/get_session_info")
    public Response getSessionInfo(@HeaderParam("Content-Type") String contentType,
            @CookieParam(WebJsonRoute.SESSION_COOKIE) String sessionId, String body) {
        return route.serve("/web/session/get_session_info", contentType, body, sessionId,
                (Map<String, Object> params, WebSessions.WebSession session) ->
                        WebJsonRoute.Result.of(sessionInfo.of(session.userId(), session.db())));
    }

    @POST
    @Path("session/check")
    public Response check(@HeaderParam("Content-Type") String contentType,
            @CookieParam(WebJsonRoute.SESSION_COOKIE) String sessionId, String body) {
        return route.serve("/web/session/check", contentType, body, sessionId,
                (Map<String, Object> params, WebSessions.WebSession session) -> WebJsonRoute.Result.of(JsonRpcResponses.NONE));
    }

    @POST
    @Path("session/destroy")
    public Response destroy(@HeaderParam("Content-Type") String contentType,
            @CookieParam(WebJsonRoute.SESSION_COOKIE) String sessionId, String body) {
        return route.serve("/web/session/destroy", contentType, body, sessionId,
                (Map<String, Object> params, WebSessions.WebSession session) -> {
                    sessions.destroy(sessionId);
                    return WebJsonRoute.Result.of(JsonRpcResponses.NONE);
                });
    }

    /** The database selector's list: the one database the emulator serves. */
    @POST
    @Path("database/list")
    public Response databaseList(@HeaderParam("Content-Type") String contentType,
            @CookieParam(WebJsonRoute.SESSION_COOKIE) String sessionId, String body) {
        return route.serve("/web/database/list", contentType, body, sessionId,
                (Map<String, Object> params) -> WebJsonRoute.Result.of(java.util.List.of(config.dbName())));
    }

    @POST
    @Path("webclient/version_info")
    public Response versionInfo(@HeaderParam("Content-Type") String contentType,
            @CookieParam(WebJsonRoute.SESSION_COOKIE) String sessionId, String body) {
        return route.serve("/web/webclient/version_info", contentType, body, sessionId,
                (Map<String, Object> params) -> WebJsonRoute.Result.of(OdooVersion.rpcVersion()));
    }

    private static NewCookie sessionCookie(String sid) {
        return new NewCookie.Builder(WebJsonRoute.SESSION_COOKIE)
                .value(sid)
                .path("/")
                .maxAge(COOKIE_MAX_AGE)
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }
}

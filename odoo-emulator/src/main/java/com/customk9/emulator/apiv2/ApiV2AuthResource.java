package com.customk9.emulator.apiv2;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import com.customk9.emulator.jsonrpc.OdooVersion;
import com.customk9.emulator.orm.Orm;
import com.customk9.emulator.session.EmulatorClock;
import com.customk9.emulator.session.SessionTokens;

/**
 * Seed 002's test and authentication endpoints: {@code test}, {@code auth/test}, {@code auth/login},
 * {@code auth/refresh}, {@code auth/logout}, {@code auth/me}, {@code user/info}.
 */
@Path("/api/v2")
public class ApiV2AuthResource {

    private final ApiV2Endpoint endpoint;
    private final ApiV2Auth auth;
    private final SessionTokens tokens;
    private final UserProfiles profiles;
    private final Orm orm;
    private final EmulatorClock clock;

    public ApiV2AuthResource(ApiV2Endpoint endpoint, ApiV2Auth auth, SessionTokens tokens, UserProfiles profiles, Orm orm,
            EmulatorClock clock) {
        this.endpoint = endpoint;
        this.auth = auth;
        this.tokens = tokens;
        this.profiles = profiles;
        this.orm = orm;
        this.clock = clock;
    }

    @GET
    @Path("test")
    public Response test() {
        return endpoint.run("/api/v2/test", null, "test", () -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("status", "ok");
            data.put("api_version", "v2");
            data.put("odoo_version", OdooVersion.SERVER_VERSION);
            data.put("timestamp", isoformat(clock.instant()));
            return ApiV2Responses.ok(data, "API v2 is working");
        });
    }

    @GET
    @Path("auth/test")
    public Response authTest(@HeaderParam(ApiV2Auth.API_KEY_HEADER) String apiKey,
            @HeaderParam(ApiV2Auth.SESSION_TOKEN_HEADER) String sessionToken) {
        return endpoint.run("/api/v2/auth/test", null, "auth/test", () -> {
            ApiV2Auth.Caller caller = auth.authenticate(apiKey, sessionToken, ApiV2Auth.Accepts.API_KEY_ONLY);
            Map<String, Object> user = profiles.profile(caller.uid(), caller.uid());
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("authenticated", true);
            data.put("auth_method", caller.methodName());
            data.put("user_id", caller.uid());
            data.put("user_name", user.get("name"));
            data.put("login", user.get("login"));
            return ApiV2Responses.ok(data, "Authentication successful");
        });
    }

    @POST
    @Path("auth/login")
    public Response login(String body) {
        return endpoint.run("/api/v2/auth/login", "res.users", "auth/login", () -> {
            Map<String, Object> credentials = ApiV2Endpoint.objectBody(body, false);
            Object username = credentials.get("username");
            Object password = credentials.get("password");
            if (!(username instanceof String login) || login.isBlank() || !(password instanceof String secret) || secret.isEmpty()) {
                throw ApiV2Error.validation("Username and password are required");
            }
            Optional<Long> uid = orm.users().authenticatePassword(login, secret);
            if (uid.isEmpty()) {
                throw new ApiV2Error(401, ApiV2Codes.INVALID_CREDENTIALS, "Invalid username or password");
            }
            SessionTokens.Issued issued = tokens.issue(uid.get());
            return ApiV2Responses.ok(sessionData(issued, true), "Login successful");
        });
    }

    @POST
    @Path("auth/refresh")
    public Response refresh(@HeaderParam(ApiV2Auth.SESSION_TOKEN_HEADER) String sessionToken) {
        return endpoint.run("/api/v2/auth/refresh", "res.users", "auth/refresh", () -> {
            if (sessionToken == null || sessionToken.isBlank()) {
                throw new ApiV2Error(401, ApiV2Codes.SESSION_TOKEN_REQUIRED, "Session token required: send a session-token header");
            }
            SessionTokens.Refresh refresh = tokens.refresh(sessionToken.trim());
            if (refresh.failure() == SessionTokens.RefreshFailure.EXPIRED) {
                throw new ApiV2Error(401, ApiV2Codes.SESSION_EXPIRED,
                        "Session expired more than the refresh grace period ago, log in again");
            }
            if (refresh.issued() == null) {
                throw new ApiV2Error(401, ApiV2Codes.INVALID_SESSION, "Invalid session token");
            }
            return ApiV2Responses.ok(sessionData(refresh.issued(), false), "Session refreshed successfully");
        });
    }

    @POST
    @Path("auth/logout")
    public Response logout(@HeaderParam(ApiV2Auth.SESSION_TOKEN_HEADER) String sessionToken) {
        return endpoint.run("/api/v2/auth/logout", "res.users", "auth/logout", () -> {
            if (sessionToken == null || sessionToken.isBlank()) {
                throw new ApiV2Error(401, ApiV2Codes.SESSION_TOKEN_REQUIRED, "Session token required: send a session-token header");
            }
            if (!tokens.revoke(sessionToken.trim())) {
                throw new ApiV2Error(401, ApiV2Codes.INVALID_SESSION, "Invalid session token");
            }
            return ApiV2Responses.ok(null, "Logged out successfully");
        });
    }

    @GET
    @Path("auth/me")
    public Response me(@HeaderParam(ApiV2Auth.API_KEY_HEADER) String apiKey,
            @HeaderParam(ApiV2Auth.SESSION_TOKEN_HEADER) String sessionToken) {
        return endpoint.run("/api/v2/auth/me", "res.users", "auth/me", () -> currentUser(
                auth.authenticate(apiKey, sessionToken, ApiV2Auth.Accepts.EITHER)));
    }

    @GET
    @Path("user/info")
    public Response userInfo(@HeaderParam(ApiV2Auth.API_KEY_HEADER) String apiKey,
            @HeaderParam(ApiV2Auth.SESSION_TOKEN_HEADER) String sessionToken) {
        return endpoint.run("/api/v2/user/info", "res.users", "user/info", () -> currentUser(
                auth.authenticate(apiKey, sessionToken, ApiV2Auth.Accepts.API_KEY_ONLY)));
    }

    private Response currentUser(ApiV2Auth.Caller caller) {
        Map<String, Object> data = new LinkedHashMap<>(profiles.profile(caller.uid(), caller.uid()));
        data.put("auth_method", caller.methodName());
        return ApiV2Responses.ok(data, "User information retrieved successfully");
    }

    private Map<String, Object> sessionData(SessionTokens.Issued issued, boolean withGroups) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("session_token", issued.token());
        data.put("expires_at", isoformat(issued.expiresAt()));
        data.put("user", profiles.summary(issued.userId(), withGroups));
        return data;
    }

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    /** Python's {@code datetime.isoformat()} of a naive UTC datetime: microseconds only when not zero. */
    static String isoformat(Instant instant) {
        LocalDateTime utc = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        return (utc.getNano() / 1000 == 0 ? SECONDS : MICROS).format(utc);
    }
}

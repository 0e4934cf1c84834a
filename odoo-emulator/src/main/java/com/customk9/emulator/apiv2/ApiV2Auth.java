package com.customk9.emulator.apiv2;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.emulator.jsonrpc.RpcCredentials;
import com.customk9.emulator.session.ActiveUsers;
import com.customk9.emulator.session.SessionTokens;

/**
 * Who calls /api/v2, from the {@code api-key} and {@code session-token} headers, with exactly the
 * per-endpoint support of seed 002's table: "legacy" endpoints take an API key only, auth/refresh
 * and auth/logout a session token only, the rest either. When both headers come, the API key is
 * the one checked on endpoints that accept it.
 */
@ApplicationScoped
public class ApiV2Auth {

    public static final String API_KEY_HEADER = "api-key";
    public static final String SESSION_TOKEN_HEADER = "session-token";

    public enum Accepts { API_KEY_ONLY, SESSION_TOKEN_ONLY, EITHER }

    public enum Method { API_KEY, SESSION_TOKEN }

    public record Caller(long uid, Method method) {
        public String methodName() {
            return method == Method.API_KEY ? "api_key" : "session_token";
        }
    }

    private final RpcCredentials credentials;
    private final SessionTokens tokens;
    private final ActiveUsers activeUsers;

    public ApiV2Auth(RpcCredentials credentials, SessionTokens tokens, ActiveUsers activeUsers) {
        this.credentials = credentials;
        this.tokens = tokens;
        this.activeUsers = activeUsers;
    }

    public Caller authenticate(String apiKey, String sessionToken, Accepts accepts) {
        boolean hasKey = apiKey != null && !apiKey.isBlank();
        boolean hasToken = sessionToken != null && !sessionToken.isBlank();
        if (accepts != Accepts.SESSION_TOKEN_ONLY && hasKey) {
            return credentials.userForApiKey(apiKey.trim())
                    .map(uid -> new Caller(uid, Method.API_KEY))
                    .orElseThrow(() -> new ApiV2Error(401, ApiV2Codes.INVALID_API_KEY, "Invalid API key"));
        }
        if (accepts != Accepts.API_KEY_ONLY && hasToken) {
            SessionTokens.Check check = tokens.check(sessionToken.trim());
            return switch (check.state()) {
                case VALID -> {
                    if (!activeUsers.isActive(check.userId())) {
                        throw new ApiV2Error(401, ApiV2Codes.INVALID_SESSION, "Invalid session token");
                    }
                    yield new Caller(check.userId(), Method.SESSION_TOKEN);
                }
                case EXPIRED -> throw new ApiV2Error(401, ApiV2Codes.SESSION_EXPIRED,
                        "Session token has expired, refresh it or log in again");
                case UNKNOWN -> throw new ApiV2Error(401, ApiV2Codes.INVALID_SESSION, "Invalid session token");
            };
        }
        throw switch (accepts) {
            case API_KEY_ONLY -> new ApiV2Error(401, ApiV2Codes.API_KEY_REQUIRED, hasToken
                    ? "This endpoint supports API key authentication only: send an api-key header (session tokens are not accepted)"
                    : "API key required: send an api-key header");
            case SESSION_TOKEN_ONLY -> new ApiV2Error(401, ApiV2Codes.SESSION_TOKEN_REQUIRED,
                    "Session token required: send a session-token header");
            case EITHER -> new ApiV2Error(401, ApiV2Codes.AUTHENTICATION_REQUIRED,
                    "Authentication required: send an api-key or session-token header");
        };
    }
}

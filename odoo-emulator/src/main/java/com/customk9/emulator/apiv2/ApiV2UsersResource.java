package com.customk9.emulator.apiv2;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import com.customk9.emulator.jsonrpc.RpcCredentials;
import com.customk9.emulator.orm.Orm;
import com.customk9.emulator.session.Secrets;
import com.customk9.emulator.session.SessionTokens;
import com.customk9.emulator.session.WebSessions;

/**
 * Seed 002's user management: list with pagination, get, update, change password, reset password
 * (administrators), generate an API key. Session token or API key. A user manages itself; an
 * administrator manages everyone.
 */
@Path("/api/v2")
public class ApiV2UsersResource {

    static final String ACCESS_RIGHTS_GROUP = "Access Rights";

    private final ApiV2Endpoint endpoint;
    private final ApiV2Auth auth;
    private final UserProfiles profiles;
    private final Orm orm;
    private final RpcCredentials credentials;
    private final SessionTokens tokens;
    private final WebSessions webSessions;

    public ApiV2UsersResource(ApiV2Endpoint endpoint, ApiV2Auth auth, UserProfiles profiles, Orm orm,
            RpcCredentials credentials, SessionTokens tokens, WebSessions webSessions) {
        this.endpoint = endpoint;
        this.auth = auth;
        this.profiles = profiles;
        this.orm = orm;
        this.credentials = credentials;
        this.tokens = tokens;
        this.webSessions = webSessions;
    }

    @GET
    @Path("users")
    public Response list(@HeaderParam(ApiV2Auth.API_KEY_HEADER) String apiKey,
            @HeaderParam(ApiV2Auth.SESSION_TOKEN_HEADER) String sessionToken,
            @QueryParam("limit") String limitParam, @QueryParam("offset") String offsetParam) {
        return endpoint.run("/api/v2/users", "res.users", "users/list", () -> {
            ApiV2Auth.Caller caller = auth.authenticate(apiKey, sessionToken, ApiV2Auth.Accepts.EITHER);
            int limit = ApiV2Endpoint.intParam("limit", limitParam, 10);
            int offset = ApiV2Endpoint.intParam("offset", offsetParam, 0);
            List<Map<String, Object>> users = profiles.list(caller.uid(), offset, limit);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("users", users);
            data.put("count", users.size());
            data.put("total", profiles.count(caller.uid()));
            data.put("limit", limit);
            data.put("offset", offset);
            return ApiV2Responses.ok(data, "Found " + users.size() + " users");
        });
    }

    @GET
    @Path("users/{id}")
    public Response get(@HeaderParam(ApiV2Auth.API_KEY_HEADER) String apiKey,
            @HeaderParam(ApiV2Auth.SESSION_TOKEN_HEADER) String sessionToken, @PathParam("id") String idParam) {
        return endpoint.run("/api/v2/users/", "res.users", "users/get", () -> {
            ApiV2Auth.Caller caller = auth.authenticate(apiKey, sessionToken, ApiV2Auth.Accepts.EITHER);
            long id = ApiV2Endpoint.idParam(idParam, "User ID");
            return ApiV2Responses.ok(Map.of("user", profileOrNotFound(caller.uid(), id)), "User " + id + " retrieved");
        });
    }

    @PUT
    @Path("users/{id}")
    public Response update(@HeaderParam(ApiV2Auth.API_KEY_HEADER) String apiKey,
            @HeaderParam(ApiV2Auth.SESSION_TOKEN_HEADER) String sessionToken, @PathParam("id") String idParam, String body) {
        return endpoint.run("/api/v2/users/", "res.users", "users/update", () -> {
            ApiV2Auth.Caller caller = auth.authenticate(apiKey, sessionToken, ApiV2Auth.Accepts.EITHER);
            long id = ApiV2Endpoint.idParam(idParam, "User ID");
            Map<String, Object> values = ApiV2Endpoint.objectBody(body, false);
            if (values.isEmpty()) {
                throw ApiV2Error.validation("No fields to update");
            }
            if (values.containsKey("password")) {
                throw ApiV2Error.validation("Use PUT /api/v2/users/" + id + "/password to change a password");
            }
            requireSelfOrAdmin(caller, id, "You can only update your own user");
            profileOrNotFound(caller.uid(), id);
            endpoint.beforeWrite();
            orm.write(caller.uid(), "res.users", List.of(id), values);
            return ApiV2Responses.ok(Map.of("user", profiles.profile(caller.uid(), id)), "User updated successfully");
        });
    }

    @PUT
    @Path("users/{id}/password")
    public Response changePassword(@HeaderParam(ApiV2Auth.API_KEY_HEADER) String apiKey,
            @HeaderParam(ApiV2Auth.SESSION_TOKEN_HEADER) String sessionToken, @PathParam("id") String idParam, String body) {
        return endpoint.run("/api/v2/users/password", "res.users", "users/password", () -> {
            ApiV2Auth.Caller caller = auth.authenticate(apiKey, sessionToken, ApiV2Auth.Accepts.EITHER);
            long id = ApiV2Endpoint.idParam(idParam, "User ID");
            Map<String, Object> values = ApiV2Endpoint.objectBody(body, false);
            String newPassword = newPassword(values.get("new_password"));
            requireSelfOrAdmin(caller, id, "You can only change your own password");
            Map<String, Object> user = profileOrNotFound(caller.uid(), id);
            boolean adminForOther = id != caller.uid() && canManageUsers(caller.uid());
            if (!adminForOther) {
                Object oldPassword = values.get("old_password");
                if (!(oldPassword instanceof String old) || old.isEmpty()) {
                    throw ApiV2Error.validation("old_password is required to change your own password");
                }
                if (orm.users().authenticatePassword(String.valueOf(user.get("login")), old).filter(uid -> uid == id).isEmpty()) {
                    throw ApiV2Error.validation("The old password is incorrect");
                }
            }
            endpoint.beforeWrite();
            orm.users().setPassword(id, newPassword);
            credentials.forgetAll();
            webSessions.destroyAllOf(id);
            return ApiV2Responses.ok(Map.of("user_id", id), "Password changed successfully");
        });
    }

    @POST
    @Path("users/{id}/reset-password")
    public Response resetPassword(@HeaderParam(ApiV2Auth.API_KEY_HEADER) String apiKey,
            @HeaderParam(ApiV2Auth.SESSION_TOKEN_HEADER) String sessionToken, @PathParam("id") String idParam, String body) {
        return endpoint.run("/api/v2/users/reset-password", "res.users", "users/reset-password", () -> {
            ApiV2Auth.Caller caller = auth.authenticate(apiKey, sessionToken, ApiV2Auth.Accepts.EITHER);
            long id = ApiV2Endpoint.idParam(idParam, "User ID");
            if (!canManageUsers(caller.uid())) {
                throw ApiV2Error.forbidden("Administrator rights are required to reset a password");
            }
            Map<String, Object> values = ApiV2Endpoint.objectBody(body, true);
            profileOrNotFound(caller.uid(), id);
            boolean generated = !values.containsKey("new_password");
            String newPassword = generated ? Secrets.randomToken(16) : newPassword(values.get("new_password"));
            endpoint.beforeWrite();
            orm.users().setPassword(id, newPassword);
            credentials.forgetAll();
            tokens.revokeAllOf(id);
            webSessions.destroyAllOf(id);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("user_id", id);
            if (generated) {
                data.put("temporary_password", newPassword);
            }
            return ApiV2Responses.ok(data, "Password reset successfully");
        });
    }

    @POST
    @Path("users/{id}/api-key")
    public Response generateApiKey(@HeaderParam(ApiV2Auth.API_KEY_HEADER) String apiKey,
            @HeaderParam(ApiV2Auth.SESSION_TOKEN_HEADER) String sessionToken, @PathParam("id") String idParam, String body) {
        return endpoint.run("/api/v2/users/api-key", "res.users", "users/api-key", () -> {
            ApiV2Auth.Caller caller = auth.authenticate(apiKey, sessionToken, ApiV2Auth.Accepts.EITHER);
            long id = ApiV2Endpoint.idParam(idParam, "User ID");
            Map<String, Object> values = ApiV2Endpoint.objectBody(body, true);
            Object name = values.getOrDefault("name", "API Key");
            if (!(name instanceof String keyName) || keyName.isBlank()) {
                throw ApiV2Error.validation("name must be a non-empty string");
            }
            requireSelfOrAdmin(caller, id, "You can only generate API keys for yourself");
            profileOrNotFound(caller.uid(), id);
            endpoint.beforeWrite();
            String key = orm.users().createApiKey(id, keyName);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("api_key", key);
            data.put("user_id", id);
            data.put("name", keyName);
            return ApiV2Responses.ok(data, "API key generated successfully");
        });
    }

    private void requireSelfOrAdmin(ApiV2Auth.Caller caller, long id, String message) {
        if (id != caller.uid() && !canManageUsers(caller.uid())) {
            throw ApiV2Error.forbidden(message);
        }
    }

    /**
     * Odoo lets Settings administrators and the "Access Rights" group (base.group_erp_manager, which
     * the integration user has) manage other users.
     */
    private boolean canManageUsers(long uid) {
        return orm.users().isAdmin(uid) || orm.users().groupNames(uid).contains(ACCESS_RIGHTS_GROUP);
    }

    private Map<String, Object> profileOrNotFound(long readerUid, long id) {
        try {
            return profiles.profile(readerUid, id);
        } catch (com.customk9.emulator.orm.OdooException.MissingError e) {
            throw ApiV2Error.recordNotFound("User with ID " + id + " not found");
        }
    }

    private static String newPassword(Object value) {
        if (!(value instanceof String password) || password.isEmpty()) {
            throw ApiV2Error.validation("new_password is required");
        }
        return password;
    }
}

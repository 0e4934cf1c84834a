package com.customk9.attendance.key;

import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import com.customk9.attendance.api.AttendanceErrorMappers;
import com.customk9.attendance.log.SystemLogs;

import io.smallrye.mutiny.Uni;

/**
 * Checks the API key of every {@code /api/v1} endpoint that declares a {@link RequiresPermission}:
 * {@code X-API-Key: <key>} or {@code Authorization: Bearer <key>} (the Odoo module's default). No key,
 * an unknown, inactive, revoked or expired one: 401; a key without the permission: 403. The key is
 * left on the request as the property {@link #KEY} for the endpoint.
 */
public class ApiKeyFilter {

    public static final String KEY = "customk9.attendance.api-key";

    private final ApiKeys keys;
    private final SystemLogs logs;

    public ApiKeyFilter(ApiKeys keys, SystemLogs logs) {
        this.keys = keys;
        this.logs = logs;
    }

    @ServerRequestFilter
    public Uni<Response> check(ContainerRequestContext request, SimpleResourceInfo resource) {
        RequiresPermission required = resource.getResourceClass() == null ? null
                : permission(resource);
        if (required == null) {
            return Uni.createFrom().nullItem();
        }
        String secret = secret(request);
        if (secret == null) {
            return Uni.createFrom().item(refuse(401, "API_KEY_MISSING",
                    "An API key is required: send it as X-API-Key or as Authorization: Bearer"));
        }
        return keys.authenticate(secret).chain(key -> {
            if (key == null) {
                return logs.write("warning", "api", "Request with an unknown API key",
                        Map.of("path", request.getUriInfo().getPath()))
                        .replaceWith(refuse(401, "API_KEY_INVALID", "The API key is not valid"));
            }
            if (!"active".equals(key.status())) {
                return Uni.createFrom().item(refuse(401, "API_KEY_" + key.status().toUpperCase(),
                        "The API key is " + key.status()));
            }
            if (key.expiresAt() != null && key.expiresAt().isBefore(OffsetDateTime.now())) {
                return Uni.createFrom().item(refuse(401, "API_KEY_EXPIRED", "The API key has expired"));
            }
            if (!key.allows(required.value())) {
                return Uni.createFrom().item(AttendanceErrorMappers.response(403, "FORBIDDEN",
                        "This API key lacks the permission " + required.value(), Map.of("required_permission", required.value())));
            }
            request.setProperty(KEY, key);
            return Uni.createFrom().nullItem();
        });
    }

    private static RequiresPermission permission(SimpleResourceInfo resource) {
        try {
            return resource.getResourceClass().getMethod(resource.getMethodName(), resource.parameterTypes())
                    .getAnnotation(RequiresPermission.class);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    static String secret(ContainerRequestContext request) {
        String header = request.getHeaderString("X-API-Key");
        if (header != null && !header.isBlank()) {
            return header.trim();
        }
        String authorization = request.getHeaderString("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).trim();
            return token.isEmpty() ? null : token;
        }
        return null;
    }

    private static Response refuse(int status, String code, String message) {
        Response response = AttendanceErrorMappers.response(status, code, message, Map.of());
        response.getHeaders().add("WWW-Authenticate", "Bearer realm=\"attendance\"");
        return response;
    }
}

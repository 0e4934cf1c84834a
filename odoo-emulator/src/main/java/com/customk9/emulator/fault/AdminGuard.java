package com.customk9.emulator.fault;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.customk9.emulator.jsonrpc.OdooJson;
import com.customk9.emulator.session.Secrets;

/** The {@code X-Emulator-Admin-Token} check of the /emulator/* endpoints, and their JSON answers. */
@ApplicationScoped
public class AdminGuard {

    public static final String HEADER = "X-Emulator-Admin-Token";

    private final EmulatorConfig config;

    public AdminGuard(EmulatorConfig config) {
        this.config = config;
    }

    /** Empty when the token is right, else the 401 to answer. */
    public Optional<Response> refuse(String token) {
        if (Secrets.constantTimeEquals(token, config.adminToken())) {
            return Optional.empty();
        }
        return Optional.of(error(401, "unauthorized", "missing or wrong " + HEADER + " header"));
    }

    public static Response json(int status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(OdooJson.write(body)).build();
    }

    public static Response error(int status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        return json(status, body);
    }

    /** The JSON object body of an admin call; an empty body is an empty object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> body(String body) {
        if (body == null || body.isBlank()) {
            return Map.of();
        }
        Object parsed = OdooJson.parse(body).orElseThrow(() -> new IllegalArgumentException("body is not valid JSON"));
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("body must be a JSON object");
        }
        return (Map<String, Object>) map;
    }

    public static double number(Map<String, Object> body, String name, Double defaultValue) {
        Object value = body.get(name);
        if (value == null) {
            if (defaultValue == null) {
                throw new IllegalArgumentException("'" + name + "' is required");
            }
            return defaultValue;
        }
        if (!(value instanceof Number number)) {
            throw new IllegalArgumentException("'" + name + "' must be a number");
        }
        return number.doubleValue();
    }

    public static String string(Map<String, Object> body, String name, String defaultValue) {
        Object value = body.get(name);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException("'" + name + "' must be a string");
        }
        return text;
    }
}

package com.customk9.emulator.apiv2;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.customk9.emulator.jsonrpc.OdooJson;

/** The seed-002 envelopes: {@code {success, data, message}} and {@code {success: false, error: {message, code}}}. */
public final class ApiV2Responses {

    private ApiV2Responses() {
    }

    public static Response ok(Object data, String message) {
        return success(200, data, message);
    }

    public static Response created(Object data, String message) {
        return success(201, data, message);
    }

    private static Response success(int status, Object data, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("data", data);
        body.put("message", message);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(OdooJson.write(body)).build();
    }

    public static Response error(ApiV2Error error) {
        return error(error.status(), error.code(), error.getMessage());
    }

    public static Response error(int status, String code, String message) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("message", message);
        detail.put("code", code);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("error", detail);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(OdooJson.write(body)).build();
    }
}

package com.customk9.emulator.jsonrpc;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Odoo's JSON-RPC answers: always HTTP 200, {@code result} or {@code error}, the caller's {@code id} echoed. */
public final class JsonRpcResponses {

    /** A route that returns Python's {@code None}: Odoo then leaves {@code result} out altogether. */
    public static final Object NONE = new Object();

    private JsonRpcResponses() {
    }

    public static Response result(Object id, Object result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jsonrpc", "2.0");
        body.put("id", id);
        if (result != NONE && result != null) {
            body.put("result", result);
        }
        return json(body).build();
    }

    public static Response error(Object id, OdooRpcError error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jsonrpc", "2.0");
        body.put("id", id);
        body.put("error", error.toErrorMember());
        return json(body).build();
    }

    public static Response.ResponseBuilder json(Map<String, Object> body) {
        return Response.ok(OdooJson.write(body), MediaType.APPLICATION_JSON_TYPE);
    }

    /** What werkzeug answers before the JSON-RPC layer could read the request (400, plain text). */
    public static Response badRequest(String text) {
        return Response.status(400).type("text/html; charset=utf-8").entity(text).build();
    }
}

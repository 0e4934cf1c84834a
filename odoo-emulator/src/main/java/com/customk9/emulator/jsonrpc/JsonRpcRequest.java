package com.customk9.emulator.jsonrpc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

/**
 * The body of a {@code type='json'} Odoo route, read the way Odoo 17's {@code JsonRPCDispatcher}
 * reads it: a non-JSON content type or body is refused with a plain HTTP 400 before any JSON-RPC
 * answer exists; a body that is JSON but not an object is "Invalid JSON-RPC data"; from then on
 * every problem is a JSON-RPC error carrying the caller's {@code id}.
 */
public final class JsonRpcRequest {

    private final Object id;
    private final Object rawParams;

    private JsonRpcRequest(Object id, Object rawParams) {
        this.id = id;
        this.rawParams = rawParams;
    }

    /** Either the request or the HTTP 400 Odoo answers before it could read one. */
    public static Outcome read(String contentType, String body) {
        if (!isJson(contentType)) {
            return Outcome.refused(JsonRpcResponses.badRequest("<!doctype html>\n<html lang=en>\n<title>400 Bad Request</title>\n"
                    + "<h1>Bad Request</h1>\n<p>Request inferred type is compatible with ['http'] but 'json' was expected</p>\n"));
        }
        Optional<Object> parsed = OdooJson.parse(body);
        if (parsed.isEmpty()) {
            return Outcome.refused(JsonRpcResponses.badRequest("Invalid JSON data"));
        }
        if (!(parsed.get() instanceof Map<?, ?> envelope)) {
            return Outcome.refused(JsonRpcResponses.badRequest("Invalid JSON-RPC data"));
        }
        Object params = envelope.containsKey("params") ? envelope.get("params") : Map.of();
        return Outcome.accepted(new JsonRpcRequest(envelope.get("id"), params));
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mimetype = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        return mimetype.equals("application/json") || mimetype.equals("application/json-rpc");
    }

    public Object id() {
        return id;
    }

    /**
     * The {@code params} object, which Odoo turns into the route's keyword arguments
     * ({@code dict(params)}), minus {@code context}, which Odoo takes out for itself.
     */
    public Map<String, Object> params() {
        if (rawParams instanceof Map<?, ?> map) {
            Map<String, Object> params = new LinkedHashMap<>();
            map.forEach((key, value) -> params.put(String.valueOf(key), value));
            params.remove("context");
            return params;
        }
        if (rawParams == null || rawParams == OdooJson.NULL) {
            throw OdooRpcError.typeError("'NoneType' object is not iterable");
        }
        if (rawParams instanceof List<?>) {
            throw OdooRpcError.typeError("cannot convert dictionary update sequence element #0 to a sequence");
        }
        throw OdooRpcError.typeError("'" + PythonValues.typeName(rawParams) + "' object is not iterable");
    }

    /** A route's required argument, as Python reports a missing one. */
    public static Object required(Map<String, Object> params, String route, String name) {
        if (!params.containsKey(name)) {
            throw OdooRpcError.typeError(route + "() missing 1 required positional argument: '" + name + "'");
        }
        return params.get(name);
    }

    public static final class Outcome {
        private final JsonRpcRequest request;
        private final Response refusal;

        private Outcome(JsonRpcRequest request, Response refusal) {
            this.request = request;
            this.refusal = refusal;
        }

        static Outcome accepted(JsonRpcRequest request) {
            return new Outcome(request, null);
        }

        static Outcome refused(Response refusal) {
            return new Outcome(null, refusal);
        }

        public boolean refused() {
            return refusal != null;
        }

        public Response refusal() {
            return refusal;
        }

        public JsonRpcRequest request() {
            return request;
        }
    }
}

package com.customk9.emulator.jsonrpc;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import com.customk9.emulator.session.WebSessions;

/**
 * {@code /web/dataset/call_kw} and {@code /web/dataset/call_kw/<path>}: what Odoo's web client
 * calls with the session cookie, {@code params: {model, method, args, kwargs}}. An unknown model
 * is a {@code KeyError}, as {@code request.env[model]} raises it.
 */
@Path("/web/dataset")
public class WebDatasetResource {

    private final WebJsonRoute route;
    private final CallKw callKw;

    public WebDatasetResource(WebJsonRoute route, CallKw callKw) {
        this.route = route;
        this.callKw = callKw;
    }

    @POST
    @Path("call_kw")
    public Response callKw(@HeaderParam("Content-Type") String contentType,
            @CookieParam(WebJsonRoute.SESSION_COOKIE) String sessionId, String body) {
        return serve("/web/dataset/call_kw", contentType, sessionId, body);
    }

    @POST
    @Path("call_kw/{path: .+}")
    public Response callKwWithPath(@HeaderParam("Content-Type") String contentType,
            @CookieParam(WebJsonRoute.SESSION_COOKIE) String sessionId, String body) {
        return serve("/web/dataset/call_kw/", contentType, sessionId, body);
    }

    private Response serve(String path, String contentType, String sessionId, String body) {
        return route.serve(path, contentType, body, sessionId, (Map<String, Object> params, WebSessions.WebSession session) -> {
            Object model = JsonRpcRequest.required(params, "call_kw", "model");
            Object method = JsonRpcRequest.required(params, "call_kw", "method");
            Object args = JsonRpcRequest.required(params, "call_kw", "args");
            Object kwargs = params.getOrDefault("kwargs", Map.of());
            if (!(model instanceof String modelName)) {
                throw OdooRpcError.keyError(String.valueOf(model));
            }
            if (!(method instanceof String methodName)) {
                throw OdooRpcError.typeError("attribute name must be string, not '" + PythonValues.typeName(method) + "'");
            }
            if (methodName.startsWith("_")) {
                throw OdooRpcError.accessError("Private methods (such as " + methodName + ") cannot be called remotely.");
            }
            if (!callKw.modelExists(modelName)) {
                throw OdooRpcError.keyError(modelName);
            }
            if (!(args instanceof List<?>)) {
                throw OdooRpcError.typeError("'" + PythonValues.typeName(args) + "' object is not subscriptable");
            }
            @SuppressWarnings("unchecked")
            List<Object> positional = (List<Object>) args;
            Map<String, Object> keywords = kwargs == null ? Map.of() : PythonValues.dict(kwargs, "kwargs");
            return WebJsonRoute.Result.of(callKw.call(session.userId(), modelName, methodName, positional, keywords));
        });
    }
}

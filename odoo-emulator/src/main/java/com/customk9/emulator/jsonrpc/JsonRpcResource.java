package com.customk9.emulator.jsonrpc;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import com.customk9.emulator.fault.FaultInjector;
import com.customk9.emulator.fault.OdooSurface;
import com.customk9.emulator.fault.RequestStats;

/**
 * {@code POST /jsonrpc}, the endpoint every Odoo serves to external clients:
 * {@code {"jsonrpc":"2.0","method":"call","params":{"service","method","args"},"id"}} dispatched to
 * the {@code common}, {@code object} or {@code db} service. Answers are always HTTP 200 with a
 * {@code result} or an Odoo-shaped {@code error}; only an unreadable body gets a plain 400.
 */
@Path("/jsonrpc")
public class JsonRpcResource {

    private final CommonService common;
    private final ExecuteKw object;
    private final DbService db;
    private final FaultInjector faults;
    private final RequestStats stats;

    public JsonRpcResource(CommonService common, ExecuteKw object, DbService db, FaultInjector faults, RequestStats stats) {
        this.common = common;
        this.object = object;
        this.db = db;
        this.faults = faults;
        this.stats = stats;
    }

    @POST
    public Response call(@HeaderParam("Content-Type") String contentType, String body) {
        faults.delay("/jsonrpc");
        JsonRpcRequest.Outcome outcome = JsonRpcRequest.read(contentType, body);
        if (outcome.refused()) {
            stats.countCall(OdooSurface.JSONRPC, null, "invalid_request");
            return outcome.refusal();
        }
        JsonRpcRequest request = outcome.request();
        try {
            Map<String, Object> params = request.params();
            Object service = JsonRpcRequest.required(params, "jsonrpc", "service");
            Object method = JsonRpcRequest.required(params, "jsonrpc", "method");
            Object args = JsonRpcRequest.required(params, "jsonrpc", "args");
            List<Object> arguments = arguments(args);
            count(service, method, arguments);
            if (faults.serverErrorNow("/jsonrpc", FaultInjector.ErrorStyle.ODOO)) {
                throw InjectedErrors.serverError();
            }
            return JsonRpcResponses.result(request.id(), dispatch(service, method, arguments));
        } catch (RuntimeException e) {
            return JsonRpcResponses.error(request.id(), RpcErrors.toRpcError(e));
        }
    }

    private Object dispatch(Object service, Object method, List<Object> arguments) {
        if (!(method instanceof String methodName)) {
            throw OdooRpcError.typeError("can only concatenate str (not \"" + PythonValues.typeName(method) + "\") to str");
        }
        if (!(service instanceof String serviceName)) {
            throw OdooRpcError.keyError(String.valueOf(service));
        }
        return switch (serviceName) {
            case "common" -> common.dispatch(methodName, arguments);
            case "object" -> object.dispatch(methodName, arguments);
            case "db" -> db.dispatch(methodName, arguments);
            default -> throw OdooRpcError.keyError(serviceName);
        };
    }

    private void count(Object service, Object method, List<Object> arguments) {
        if ("object".equals(service)) {
            ExecuteKw.Target target = object.target(arguments);
            stats.countCall(OdooSurface.JSONRPC, target.model(), target.method() == null ? String.valueOf(method) : target.method());
        } else {
            stats.countCall(OdooSurface.JSONRPC, null, service + "." + method);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> arguments(Object args) {
        if (args instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw OdooRpcError.typeError("dispatch() argument after * must be an iterable, not " + PythonValues.typeName(args));
    }
}

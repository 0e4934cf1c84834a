package com.customk9.emulator.jsonrpc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.emulator.fault.EmulatorConfig;
import com.customk9.emulator.orm.Orm;

/**
 * Odoo's {@code object} RPC service: {@code execute_kw(db, uid, password, model, method, args, kwargs)}
 * (and the older {@code execute(db, uid, password, model, method, *args)}). Every call carries the
 * credentials; the password may be an API key.
 */
@ApplicationScoped
public class ExecuteKw {

    private final RpcCredentials credentials;
    private final CallKw callKw;
    private final Orm orm;
    private final EmulatorConfig config;

    public ExecuteKw(RpcCredentials credentials, CallKw callKw, Orm orm, EmulatorConfig config) {
        this.credentials = credentials;
        this.callKw = callKw;
        this.orm = orm;
        this.config = config;
    }

    /** The model and method a call names, for the request counters; null when it names none. */
    public record Target(String model, String method) {
        static Target of(List<Object> params) {
            return params.size() >= 5 && params.get(3) instanceof String model && params.get(4) instanceof String method
                    ? new Target(model, method) : new Target(null, null);
        }
    }

    public Target target(List<Object> params) {
        return Target.of(params);
    }

    public Object dispatch(String method, List<Object> params) {
        if (params.size() < 3) {
            throw new OdooRpcError("builtins.IndexError", "list index out of range");
        }
        long uid = PythonValues.toInt(params.get(1));
        Databases.require(config, params.get(0));
        credentials.check(uid, params.get(2) instanceof String password ? password : null);
        List<Object> rest = params.subList(3, params.size());
        return switch (method) {
            case "execute_kw" -> executeKw(uid, rest);
            case "execute" -> execute(uid, rest);
            default -> throw new OdooRpcError("builtins.NameError", "Method not available " + method);
        };
    }

    private Object executeKw(long uid, List<Object> rest) {
        CommonService.arity("execute_kw", rest, 3, 4);
        Object args = rest.get(2);
        Object kwargs = rest.size() > 3 ? rest.get(3) : null;
        return execute(uid, rest.get(0), rest.get(1), positional(args),
                kwargs == null || Boolean.FALSE.equals(kwargs) ? Map.of() : PythonValues.dict(kwargs, "kw"));
    }

    private Object execute(long uid, List<Object> rest) {
        CommonService.arity("execute", rest, 2, Integer.MAX_VALUE);
        return execute(uid, rest.get(0), rest.get(1), new ArrayList<>(rest.subList(2, rest.size())), Map.of());
    }

    private Object execute(long uid, Object model, Object method, List<Object> args, Map<String, Object> kwargs) {
        if (!(method instanceof String methodName)) {
            throw OdooRpcError.typeError("method name must be a string, not '" + PythonValues.typeName(method) + "'");
        }
        if (methodName.startsWith("_")) {
            throw OdooRpcError.accessError("Private methods (such as " + methodName + ") cannot be called remotely.");
        }
        if (!(model instanceof String modelName) || !orm.modelExists(modelName)) {
            throw OdooRpcError.userError("Object " + model + " doesn't exist");
        }
        return callKw.call(uid, modelName, methodName, args, kwargs);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> positional(Object args) {
        if (args instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw OdooRpcError.typeError("odoo.service.model.execute() argument after * must be an iterable, not "
                + PythonValues.typeName(args));
    }
}

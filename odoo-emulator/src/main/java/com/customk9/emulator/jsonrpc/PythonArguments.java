package com.customk9.emulator.jsonrpc;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds JSON-RPC {@code args}/{@code kwargs} to a Python signature, raising the TypeError Python
 * raises for too many positional arguments, an unknown keyword or an argument given twice.
 */
final class PythonArguments {

    private final Map<String, Object> bound = new LinkedHashMap<>();
    private final String function;

    private PythonArguments(String function) {
        this.function = function;
    }

    static PythonArguments bind(String function, List<Object> args, Map<String, Object> kwargs, String... parameters) {
        PythonArguments bound = new PythonArguments(function);
        if (args.size() > parameters.length) {
            throw OdooRpcError.typeError(function + "() takes " + (parameters.length + 1) + " positional arguments but "
                    + (args.size() + 1) + " were given");
        }
        for (int i = 0; i < args.size(); i++) {
            bound.bound.put(parameters[i], args.get(i));
        }
        List<String> names = Arrays.asList(parameters);
        for (Map.Entry<String, Object> keyword : kwargs.entrySet()) {
            if (!names.contains(keyword.getKey())) {
                throw OdooRpcError.typeError(function + "() got an unexpected keyword argument '" + keyword.getKey() + "'");
            }
            if (bound.bound.containsKey(keyword.getKey())) {
                throw OdooRpcError.typeError(function + "() got multiple values for argument '" + keyword.getKey() + "'");
            }
            bound.bound.put(keyword.getKey(), keyword.getValue());
        }
        return bound;
    }

    Object get(String name, Object defaultValue) {
        return bound.containsKey(name) ? bound.get(name) : defaultValue;
    }

    Object required(String name) {
        if (!bound.containsKey(name)) {
            throw OdooRpcError.typeError(function + "() missing 1 required positional argument: '" + name + "'");
        }
        return bound.get(name);
    }

    boolean has(String name) {
        return bound.containsKey(name);
    }
}

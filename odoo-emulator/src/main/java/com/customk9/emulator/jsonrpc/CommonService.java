package com.customk9.emulator.jsonrpc;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.emulator.fault.EmulatorConfig;

/** Odoo's {@code common} RPC service: version, login, authenticate, about. */
@ApplicationScoped
public class CommonService {

    private final RpcCredentials credentials;
    private final EmulatorConfig config;

    public CommonService(RpcCredentials credentials, EmulatorConfig config) {
        this.credentials = credentials;
        this.config = config;
    }

    public Object dispatch(String method, List<Object> params) {
        return switch (method) {
            case "version" -> {
                arity("exp_version", params, 0, 0);
                yield OdooVersion.rpcVersion();
            }
            case "login" -> {
                arity("exp_login", params, 3, 3);
                yield authenticate(params.get(0), params.get(1), params.get(2));
            }
            case "authenticate" -> {
                arity("exp_authenticate", params, 4, 4);
                yield authenticate(params.get(0), params.get(1), params.get(2));
            }
            case "about" -> {
                arity("exp_about", params, 0, 1);
                yield params.isEmpty() || !PythonValues.truthy(params.get(0)) ? "See http://openerp.com"
                        : List.of("See http://openerp.com", OdooVersion.SERVER_VERSION);
            }
            default -> throw OdooRpcError.exception("Method not found: " + method);
        };
    }

    /** Odoo 17: wrong credentials answer {@code false}; the password may be an API key (non-interactive login). */
    private Object authenticate(Object db, Object login, Object password) {
        Databases.require(config, db);
        if (!(login instanceof String l) || !(password instanceof String p)) {
            return false;
        }
        return credentials.login(l, p).<Object>map(uid -> uid).orElse(false);
    }

    static void arity(String function, List<Object> params, int min, int max) {
        if (params.size() < min) {
            throw OdooRpcError.typeError(function + "() missing " + (min - params.size()) + " required positional argument"
                    + (min - params.size() == 1 ? "" : "s"));
        }
        if (params.size() > max) {
            throw OdooRpcError.typeError(function + "() takes " + (max == min ? String.valueOf(max) : "from " + min + " to " + max)
                    + " positional arguments but " + params.size() + " were given");
        }
    }
}

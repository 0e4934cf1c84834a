package com.customk9.emulator.jsonrpc;

/** The server error the fault injector makes Odoo raise (style "odoo"). */
public final class InjectedErrors {

    public static final String MESSAGE = "Odoo Server Error (injected by the emulator's fault injection)";

    private InjectedErrors() {
    }

    public static OdooRpcError serverError() {
        return new OdooRpcError("builtins.RuntimeError", MESSAGE);
    }
}

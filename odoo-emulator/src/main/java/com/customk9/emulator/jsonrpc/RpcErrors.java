package com.customk9.emulator.jsonrpc;

import org.jboss.logging.Logger;

import com.customk9.emulator.orm.OdooException;

/** Whatever went wrong under a JSON-RPC route, as the Python exception Odoo would have reported. */
public final class RpcErrors {

    private static final Logger LOG = Logger.getLogger(RpcErrors.class);

    private RpcErrors() {
    }

    public static OdooRpcError toRpcError(Throwable failure) {
        if (failure instanceof OdooRpcError rpcError) {
            return rpcError;
        }
        if (failure instanceof OdooException odooException) {
            return OdooRpcError.of(odooException);
        }
        if (failure instanceof IllegalArgumentException && failure.getMessage() != null) {
            return OdooRpcError.valueError(failure.getMessage());
        }
        if (failure instanceof ClassCastException || failure instanceof ArrayStoreException) {
            return OdooRpcError.typeError("an argument has the wrong type");
        }
        if (failure instanceof ArithmeticException) {
            return OdooRpcError.valueError("a number is out of range");
        }
        LOG.errorf(failure, "Unexpected failure under an Odoo JSON-RPC route");
        return OdooRpcError.exception("Internal error in the Odoo emulator");
    }
}

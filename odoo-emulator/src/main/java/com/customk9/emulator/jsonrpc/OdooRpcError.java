package com.customk9.emulator.jsonrpc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.customk9.emulator.orm.OdooException;

/**
 * A Python exception as Odoo's JSON-RPC layer reports it ({@code odoo.http.serialize_exception}):
 * its dotted class name, its message, its {@code args}. Thrown anywhere under a JSON-RPC route and
 * turned into the {@code error} member of the answer by {@link JsonRpcResponses}.
 */
public class OdooRpcError extends RuntimeException {

    public static final String SESSION_EXPIRED = "odoo.http.SessionExpiredException";

    private final String name;
    private final String pythonMessage;
    private final List<Object> arguments;

    public OdooRpcError(String name, String pythonMessage, List<Object> arguments) {
        super(name + ": " + pythonMessage, null, false, false);
        this.name = name;
        this.pythonMessage = pythonMessage;
        this.arguments = arguments;
    }

    public OdooRpcError(String name, String message) {
        this(name, message, List.of(message));
    }

    public static OdooRpcError of(OdooException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if ("builtins.KeyError".equals(e.odooName())) {
            return keyError(message);
        }
        return new OdooRpcError(e.odooName(), message);
    }

    public static OdooRpcError sessionExpired() {
        return new OdooRpcError(SESSION_EXPIRED, "Session expired");
    }

    public static OdooRpcError accessDenied() {
        return new OdooRpcError("odoo.exceptions.AccessDenied", "Access Denied");
    }

    public static OdooRpcError accessError(String message) {
        return new OdooRpcError("odoo.exceptions.AccessError", message);
    }

    public static OdooRpcError userError(String message) {
        return new OdooRpcError("odoo.exceptions.UserError", message);
    }

    public static OdooRpcError typeError(String message) {
        return new OdooRpcError("builtins.TypeError", message);
    }

    public static OdooRpcError valueError(String message) {
        return new OdooRpcError("builtins.ValueError", message);
    }

    /** Python prints a KeyError's message quoted: {@code KeyError('x')} reads {@code 'x'}. */
    public static OdooRpcError keyError(String key) {
        return new OdooRpcError("builtins.KeyError", "'" + key + "'", List.of(key));
    }

    public static OdooRpcError attributeError(String message) {
        return new OdooRpcError("builtins.AttributeError", message);
    }

    public static OdooRpcError exception(String message) {
        return new OdooRpcError("builtins.Exception", message);
    }

    public String name() {
        return name;
    }

    public String pythonMessage() {
        return pythonMessage;
    }

    public boolean isSessionExpired() {
        return SESSION_EXPIRED.equals(name);
    }

    /** The {@code error} member: code 100 "Odoo Session Expired" or 200 "Odoo Server Error" (Odoo 17). */
    public Map<String, Object> toErrorMember() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", name);
        data.put("debug", traceback());
        data.put("message", pythonMessage);
        data.put("arguments", arguments);
        data.put("context", Map.of());
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", isSessionExpired() ? 100 : 200);
        error.put("message", isSessionExpired() ? "Odoo Session Expired" : "Odoo Server Error");
        error.put("data", data);
        return error;
    }

    private String traceback() {
        String printedName = name.startsWith("builtins.") ? name.substring("builtins.".length()) : name;
        return "Traceback (most recent call last):\n"
                + "  File \"/usr/lib/python3/dist-packages/odoo/http.py\", line 1784, in _serve_db\n"
                + "    return service_model.retrying(self._serve_ir_http, self.env)\n"
                + "  File \"/usr/lib/python3/dist-packages/odoo/service/model.py\", line 133, in retrying\n"
                + "    result = func()\n"
                + "  File \"/usr/lib/python3/dist-packages/odoo/http.py\", line 1811, in _serve_ir_http\n"
                + "    response = self.dispatcher.dispatch(rule.endpoint, args)\n"
                + "  File \"/usr/lib/python3/dist-packages/odoo/http.py\", line 2015, in dispatch\n"
                + "    result = self.request.registry['ir.http']._dispatch(endpoint)\n"
                + printedName + ": " + pythonMessage + "\n";
    }
}

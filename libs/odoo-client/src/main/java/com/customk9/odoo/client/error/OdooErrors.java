package com.customk9.odoo.client.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.customk9.odoo.client.error.OdooNotFoundException.Missing;

import io.vertx.core.json.JsonObject;

/**
 * Turns what Odoo answers into the client's typed errors, from both of its error shapes:
 * JSON-RPC ({@code {"error": {"code", "message", "data": {"name", "message"}}}} in an HTTP 200) and
 * /api/v2 ({@code {"success": false, "error": {"code", "message"}}} with an HTTP status), plus
 * HTTP and network failures.
 */
public final class OdooErrors {

    /** JSON-RPC error code Odoo uses for an expired or unknown web session. */
    public static final int SESSION_EXPIRED_CODE = 100;

    private static final int MAX_MESSAGE = 500;
    private static final Pattern UNKNOWN_MODEL = Pattern.compile("Object \\S+ doesn't exist");

    private static final Set<String> VALIDATION = Set.of(
            "odoo.exceptions.ValidationError", "odoo.exceptions.UserError", "odoo.exceptions.RedirectWarning",
            "odoo.exceptions.except_orm");
    /** Exceptions that say the call itself is wrong (bad arguments): repeating it cannot help. */
    private static final Set<String> CALLER_FAULTS = Set.of(
            "builtins.TypeError", "builtins.ValueError", "builtins.AttributeError", "builtins.IndexError",
            "builtins.NotImplementedError", "werkzeug.exceptions.BadRequest", "werkzeug.exceptions.NotFound");
    private static final Set<String> SERIALIZATION = Set.of(
            "psycopg2.errors.SerializationFailure", "psycopg2.extensions.TransactionRollbackError",
            "psycopg2.errors.DeadlockDetected", "psycopg2.errors.LockNotAvailable");

    private OdooErrors() {
    }

    /** The typed error for the {@code error} member of a JSON-RPC answer. */
    public static RuntimeException fromJsonRpc(JsonObject error) {
        JsonObject data = error.getValue("data") instanceof JsonObject object ? object : new JsonObject();
        Integer code = error.getValue("code") instanceof Number number ? number.intValue() : null;
        String name = data.getString("name", "");
        String message = firstNonBlank(data.getString("message"), error.getString("message"));
        Map<String, Object> odooError = odooError(code, name, message, null);

        if ((code != null && code == SESSION_EXPIRED_CODE) || name.equals("odoo.http.SessionExpiredException")) {
            return new OdooSessionExpiredException(odooError);
        }
        if (name.equals("odoo.exceptions.AccessError")) {
            return new OdooAccessDeniedException(odooError);
        }
        if (name.equals("odoo.exceptions.AccessDenied")) {
            return new OdooAuthenticationException(odooError);
        }
        if (name.equals("odoo.exceptions.MissingError")) {
            return new OdooNotFoundException(Missing.RECORD, message, odooError);
        }
        if (name.equals("builtins.KeyError")) {
            // What Odoo raises for env['unknown.model']: the model does not exist on this instance.
            return new OdooNotFoundException(Missing.MODEL, message, odooError);
        }
        if (name.equals("odoo.exceptions.UserError") && message != null && UNKNOWN_MODEL.matcher(message).matches()) {
            // What Odoo 17's RPC layer raises for execute_kw on a model it does not have.
            return new OdooNotFoundException(Missing.MODEL, message, odooError);
        }
        if (VALIDATION.contains(name)
                || name.equals("builtins.ValueError") && message != null && message.startsWith("Wrong value for ")) {
            // "Wrong value for model.field: 'x'" is Odoo refusing a selection value the caller sent.
            return new OdooValidationException(message, odooError);
        }
        if (SERIALIZATION.contains(name) || mentionsSerialization(message)) {
            return new OdooSerializationException(odooError);
        }
        // A server error that is not the caller's fault (RuntimeError, psycopg2.OperationalError when Odoo's
        // database is down, MemoryError...) says Odoo is unwell: worth a retry for reads, a strike for the breaker.
        return new OdooConnectionException(!CALLER_FAULTS.contains(name), withoutName(odooError), null);
    }

    /**
     * The typed error for a failed /api/v2 call. {@code sessionAuth} tells whether the call carried a
     * user's session token (a 401 then means the session ended) or the integration API key.
     */
    public static RuntimeException fromApiV2(int status, JsonObject body, boolean sessionAuth) {
        String code = "";
        String message = null;
        if (body != null) {
            Object error = body.getValue("error");
            if (error instanceof JsonObject object) {
                code = object.getString("code", "");
                message = object.getString("message");
            } else if (error instanceof String text) {
                message = text;
            }
            if (code.isEmpty() && body.getValue("code") instanceof String topLevelCode) {
                code = topLevelCode;
            }
            if (message == null) {
                message = body.getString("message");
            }
        }
        String normalized = code.toUpperCase(Locale.ROOT);
        Map<String, Object> odooError = odooError(normalized.isEmpty() ? null : normalized, null, message, status);

        switch (normalized) {
            case "RECORD_NOT_FOUND", "USER_NOT_FOUND":
                return new OdooNotFoundException(Missing.RECORD, message, odooError);
            case "NOT_FOUND", "METHOD_NOT_ALLOWED":
                // No such /api/v2 endpoint: base_api missing or a different version. Ours to fix, not the caller's 404.
                return new OdooConnectionException(false, odooError, null);
            case "MODEL_NOT_FOUND":
                return new OdooNotFoundException(Missing.MODEL, message, odooError);
            case "SESSION_EXPIRED", "INVALID_SESSION", "INVALID_SESSION_TOKEN", "SESSION_INVALID", "TOKEN_EXPIRED":
                return sessionAuth ? new OdooSessionExpiredException(odooError)
                        : new OdooAuthenticationException(odooError);
            case "INVALID_CREDENTIALS", "AUTHENTICATION_FAILED", "AUTH_FAILED", "INVALID_API_KEY",
                    "AUTHENTICATION_REQUIRED", "AUTH_REQUIRED", "API_KEY_REQUIRED", "SESSION_TOKEN_REQUIRED",
                    "UNAUTHORIZED", "LOGIN_FAILED":
                return sessionAuth && status == 401 && !normalized.equals("INVALID_CREDENTIALS")
                        ? new OdooSessionExpiredException(odooError)
                        : new OdooAuthenticationException(odooError);
            case "ACCESS_DENIED", "ACCESS_ERROR", "FORBIDDEN", "PERMISSION_DENIED", "INSUFFICIENT_PERMISSIONS":
                return new OdooAccessDeniedException(odooError);
            case "VALIDATION_ERROR", "USER_ERROR", "MISSING_FIELDS", "MISSING_REQUIRED_FIELDS", "INVALID_FIELD",
                    "INVALID_VALUE", "INVALID_DATA", "INVALID_JSON", "INVALID_DOMAIN", "BAD_REQUEST":
                return new OdooValidationException(message, odooError);
            case "SERIALIZATION_FAILURE", "CONCURRENT_UPDATE", "CONFLICT":
                return new OdooSerializationException(odooError);
            default:
                break;
        }
        if (mentionsSerialization(message)) {
            return new OdooSerializationException(odooError);
        }
        return switch (status) {
            case 400, 422 -> new OdooValidationException(message, odooError);
            case 401 -> sessionAuth ? new OdooSessionExpiredException(odooError)
                    : new OdooAuthenticationException(odooError);
            case 403 -> new OdooAccessDeniedException(odooError);
            case 404 -> new OdooNotFoundException(Missing.RECORD, message, odooError);
            case 409 -> new OdooSerializationException(odooError);
            default -> new OdooConnectionException(isTransientStatus(status), withoutName(odooError), null);
        };
    }

    /** A JSON-RPC endpoint that did not answer 200 with JSON (a proxy error page, an outage, a 5xx). */
    public static OdooConnectionException fromHttpStatus(int status, String bodyExcerpt) {
        return new OdooConnectionException(isTransientStatus(status),
                odooError(null, null, clip(bodyExcerpt), status), null);
    }

    /** An answer that is not Odoo's protocol (not JSON, neither result nor error). */
    public static OdooConnectionException protocol(String what) {
        return new OdooConnectionException(false, odooError(null, null, what, null), null);
    }

    /** A failure below HTTP (refused connection, reset, timeout), or one already typed. */
    public static RuntimeException fromTransport(Throwable failure) {
        if (failure instanceof OdooFailure && failure instanceof RuntimeException typed) {
            return typed;
        }
        if (failure instanceof java.util.concurrent.TimeoutException
                || failure instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException) {
            return new OdooTimeoutException(failure);
        }
        if (failure instanceof org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException) {
            return new OdooUnavailableException(failure);
        }
        return new OdooConnectionException(true, null, failure);
    }

    public static boolean isTransientStatus(int status) {
        return status >= 500 || status == 429 || status == 408;
    }

    static Map<String, Object> copy(Map<String, ?> map) {
        if (map == null) {
            return null;
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (value != null) {
                copy.put(key, value);
            }
        });
        return Collections.unmodifiableMap(copy);
    }

    private static Map<String, Object> odooError(Object code, String name, String message, Integer httpStatus) {
        Map<String, Object> error = new LinkedHashMap<>();
        if (code != null) {
            error.put("code", code);
        }
        if (name != null && !name.isBlank()) {
            error.put("name", name);
        }
        if (message != null && !message.isBlank()) {
            error.put("message", clip(message));
        }
        if (httpStatus != null) {
            error.put("http_status", httpStatus);
        }
        return error;
    }

    /** The envelope's {@code odoo_error} must not carry a Python class name. */
    private static Map<String, Object> withoutName(Map<String, Object> odooError) {
        Map<String, Object> copy = new LinkedHashMap<>(odooError);
        copy.remove("name");
        return copy;
    }

    private static boolean mentionsSerialization(String message) {
        return message != null && message.toLowerCase(Locale.ROOT).contains("could not serialize access");
    }

    private static String clip(String message) {
        if (message == null) {
            return null;
        }
        return message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message;
    }

    private static String firstNonBlank(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }
}

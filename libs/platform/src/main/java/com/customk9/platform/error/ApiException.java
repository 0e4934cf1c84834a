package com.customk9.platform.error;

import java.util.Map;

/**
 * An error a service raises on purpose; the mappers turn it into the error envelope with its status.
 * Prefer the factories: {@code ApiException.notFound("dog", id)}.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, Object> details;
    private final Map<String, Object> odooError;

    public ApiException(ErrorCode code, String message, Map<String, ?> details) {
        this(code, message, details, null, null);
    }

    public ApiException(ErrorCode code, String message, Map<String, ?> details, Throwable cause) {
        this(code, message, details, null, cause);
    }

    /** @param odooError what Odoo answered, when the error came from Odoo: the envelope's {@code odoo_error} */
    public ApiException(ErrorCode code, String message, Map<String, ?> details, Map<String, ?> odooError,
            Throwable cause) {
        super(message == null ? code.defaultMessage() : message, cause);
        this.code = code;
        this.details = details == null ? Map.of() : Map.copyOf(details);
        this.odooError = odooError == null ? null : Map.copyOf(odooError);
    }

    public ErrorCode code() {
        return code;
    }

    public int status() {
        return code.status();
    }

    public Map<String, Object> details() {
        return details;
    }

    /** What Odoo answered, or null when the error did not come from Odoo. */
    public Map<String, Object> odooError() {
        return odooError;
    }

    /**
     * Headers the error response carries besides the envelope, e.g. {@code Retry-After} on a 423 or 429;
     * subclasses that need one override this.
     */
    public Map<String, String> headers() {
        return Map.of();
    }

    public static ApiException badRequest(String message) {
        return new ApiException(ErrorCode.BAD_REQUEST, message, null);
    }

    /** A request that is well formed but breaks a rule, reported per field. */
    public static ApiException invalid(String field, String message) {
        return new ApiException(ErrorCode.VALIDATION_ERROR, ErrorCode.VALIDATION_ERROR.defaultMessage(),
                Map.of(field, java.util.List.of(message)));
    }

    public static ApiException notFound(String resource, Object id) {
        return new ApiException(ErrorCode.NOT_FOUND, resource + " not found",
                Map.of("resource", resource, "id", String.valueOf(id)));
    }

    public static ApiException conflict(String message) {
        return new ApiException(ErrorCode.CONFLICT, message, null);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(ErrorCode.UNAUTHORIZED, message, null);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(ErrorCode.FORBIDDEN, message, null);
    }
}

package com.customk9.platform.error;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The error envelope of the public API (seed 003):
 * {@code {"error": {"code", "message", "details", "odoo_error"}}}: a stable machine-readable code, a
 * message safe to show, field-by-field or contextual details (empty when there are none) and what
 * Odoo answered when the error came from Odoo. Its OpenAPI schema is {@link ErrorResponsesOpenApiFilter}'s.
 */
public record ErrorResponse(@JsonProperty("error") Body error) {

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Body(
            String code,
            String message,
            Map<String, Object> details,
            @JsonProperty("odoo_error") Map<String, Object> odooError) {
    }

    public static ErrorResponse of(String code, String message, Map<String, ?> details, Map<String, ?> odooError) {
        return new ErrorResponse(new Body(code, message,
                details == null ? Map.of() : Map.copyOf(details),
                odooError == null ? null : Map.copyOf(odooError)));
    }

    public static ErrorResponse of(ErrorCode code, String message, Map<String, ?> details) {
        return of(code.name(), message, details, null);
    }

    public static ErrorResponse of(ErrorCode code) {
        return of(code.name(), code.defaultMessage(), null, null);
    }
}

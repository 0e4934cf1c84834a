package com.customk9.platform.error;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The error envelope of the public API (seed 003):
 * {@code {"error": {"code", "message", "details", "odoo_error"}}}.
 */
@Schema(name = "ErrorResponse", description = "Every error of the public API")
public record ErrorResponse(@JsonProperty("error") Body error) {

    @Schema(name = "Error")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Body(
            @Schema(description = "Stable machine-readable code, e.g. VALIDATION_ERROR") String code,
            @Schema(description = "Human-readable message, safe to show") String message,
            @Schema(description = "Field-by-field or contextual details; empty when there are none") Map<String, Object> details,
            @JsonProperty("odoo_error") @Schema(description = "The error Odoo answered, when the error came from Odoo") Map<String, Object> odooError) {
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

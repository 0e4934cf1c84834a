package com.customk9.attendance.api;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Every error of this service, in the seed-004 family of envelopes:
 * {@code {"success": false, "error": "<message>", "message": "<message>", "code": "<CODE>", "details": {...}}}.
 * {@code error} and {@code message} carry the same text, so a client reading either finds it;
 * {@code code} is stable and machine-readable; {@code details} is an object, empty when there is nothing more.
 */
@JsonPropertyOrder({ "success", "error", "message", "code", "details" })
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AttendanceError(boolean success, String error, String message, String code, Map<String, Object> details) {

    public static AttendanceError of(String code, String message, Map<String, ?> details) {
        return new AttendanceError(false, message, message, code, details == null ? Map.of() : Map.copyOf(details));
    }
}

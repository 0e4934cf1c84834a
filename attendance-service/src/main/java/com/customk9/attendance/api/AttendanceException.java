package com.customk9.attendance.api;

import java.util.List;
import java.util.Map;

import com.customk9.platform.error.ApiException;
import com.customk9.platform.error.ErrorCode;

/**
 * An error this service raises on purpose: the HTTP status of {@code status}, and a code of its own
 * when the platform's generic one says too little ({@code DUPLICATE_ATTENDANCE}, {@code API_KEY_REVOKED}...).
 */
public class AttendanceException extends ApiException {

    private final String machineCode;

    public AttendanceException(ErrorCode status, String machineCode, String message, Map<String, ?> details) {
        super(status, message, details);
        this.machineCode = machineCode == null ? status.name() : machineCode;
    }

    /** The envelope's {@code code}. */
    public String machineCode() {
        return machineCode;
    }

    public static AttendanceException notFound(String resource, Object id) {
        return new AttendanceException(ErrorCode.NOT_FOUND, "NOT_FOUND", resource + " not found",
                Map.of("resource", resource, "id", String.valueOf(id)));
    }

    /** One bad field, reported like Bean Validation reports it: {@code {"field": ["problem"]}}. */
    public static AttendanceException invalid(String field, String problem) {
        return new AttendanceException(ErrorCode.VALIDATION_ERROR, "VALIDATION_ERROR",
                field + " " + problem, Map.of(field, List.of(problem)));
    }

    public static AttendanceException conflict(String code, String message, Map<String, ?> details) {
        return new AttendanceException(ErrorCode.CONFLICT, code, message, details);
    }

    public static AttendanceException unprocessable(String code, String message, Map<String, ?> details) {
        return new AttendanceException(ErrorCode.UNPROCESSABLE_ENTITY, code, message, details);
    }

    public static AttendanceException unauthorized(String code, String message) {
        return new AttendanceException(ErrorCode.UNAUTHORIZED, code, message, null);
    }

    public static AttendanceException forbidden(String permission) {
        return new AttendanceException(ErrorCode.FORBIDDEN, "FORBIDDEN",
                "This API key lacks the permission " + permission, Map.of("required_permission", permission));
    }
}

package com.customk9.platform.error;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Explains why a request body could not be read, in terms of the JSON the client sent:
 * the field, the expected JSON type, the position of a syntax error. Never a Java class name.
 */
final class JsonErrorDetails {

    private JsonErrorDetails() {
    }

    static ErrorResponse toResponse(JsonProcessingException error) {
        if (error instanceof JsonParseException || !(error instanceof JsonMappingException mapping)) {
            JsonLocation location = error.getLocation();
            Map<String, Object> details = location == null
                    ? Map.of()
                    : Map.of("line", location.getLineNr(), "column", location.getColumnNr());
            return ErrorResponse.of(ErrorCode.MALFORMED_JSON, "The request body is not valid JSON", details);
        }
        String field = fieldPath(mapping);
        String problem;
        if (mapping instanceof UnrecognizedPropertyException) {
            problem = "unknown field";
        } else if (mapping instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            problem = "must be " + describe(invalid.getTargetType());
        } else if (mapping instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            problem = "must be " + describe(mismatched.getTargetType());
        } else {
            problem = "has an invalid value";
        }
        return ErrorResponse.of(ErrorCode.VALIDATION_ERROR, "The request body has invalid fields",
                Map.of(field.isEmpty() ? "body" : field, List.of(problem)));
    }

    static String fieldPath(JsonMappingException error) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : error.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The JSON-side name of what a Java type accepts. */
    static String describe(Class<?> type) {
        if (type == String.class || type == Character.class || type == char.class || type == UUID.class) {
            return type == UUID.class ? "a UUID string" : "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class || type == BigDecimal.class) {
            return "a number";
        }
        if (type == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (type == LocalTime.class) {
            return "a time (HH:MM[:SS])";
        }
        if (type == LocalDateTime.class || type == OffsetDateTime.class || type == ZonedDateTime.class
                || type == Instant.class) {
            return "a date-time (ISO 8601)";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }
}

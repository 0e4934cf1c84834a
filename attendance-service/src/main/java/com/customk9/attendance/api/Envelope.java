package com.customk9.attendance.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The success envelope of seed 004: {@code {"success": true, "data": {...}}}, with a {@code message}
 * when an action has something to say (left out otherwise).
 */
@JsonPropertyOrder({ "success", "message", "data" })
public record Envelope<T>(
        boolean success,
        @JsonInclude(JsonInclude.Include.NON_NULL) String message,
        T data) {

    public static <T> Envelope<T> of(T data) {
        return new Envelope<>(true, null, data);
    }

    public static <T> Envelope<T> of(String message, T data) {
        return new Envelope<>(true, message, data);
    }
}

package com.customk9.emulator.jsonrpc;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON in and out of the emulator's surfaces, independent of the host application's
 * {@code ObjectMapper} (which may drop nulls or rename fields): Odoo's answers keep {@code "id": null}.
 * Bodies parse to plain maps, lists, strings, numbers, booleans and nulls, as Python's json module would.
 */
public final class OdooJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(200)
                .maxStringLength(32 * 1024 * 1024)
                .maxNumberLength(400)
                .build());
    }

    private OdooJson() {
    }

    /** The parsed body, or empty when it is not JSON at all. */
    public static Optional<Object> parse(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            Object value = MAPPER.readValue(body, Object.class);
            return Optional.of(value == null ? NULL : value);
        } catch (JsonProcessingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Stands for a body that is the JSON literal {@code null}. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("value cannot be written as JSON", e);
        }
    }
}

package com.customk9.platform.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks a service's OpenAPI document (as JSON read into maps): every operation with a JSON request
 * body has at least one example, and each example is a JSON object naming only properties of the
 * body's schema. A renamed field or a forgotten example shows up as a problem.
 */
public final class OpenApiExampleCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What was checked and what is wrong with it. */
    public record Result(List<String> checked, List<String> problems) {
    }

    private OpenApiExampleCheck() {
    }

    @SuppressWarnings("unchecked")
    public static Result of(Map<String, Object> document) {
        Map<String, Object> components = (Map<String, Object>) document.getOrDefault("components", Map.of());
        Map<String, Object> schemas = (Map<String, Object>) components.getOrDefault("schemas", Map.of());
        List<String> checked = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                if (!(operation.getValue() instanceof Map<?, ?> op) || !(op.get("requestBody") instanceof Map<?, ?> body)
                        || !(body.get("content") instanceof Map<?, ?> content)
                        || !(content.get("application/json") instanceof Map<?, ?> json)) {
                    continue;
                }
                String where = operation.getKey().toUpperCase() + " " + path.getKey();
                checked.add(where);
                Map<String, Object> schema = resolve((Map<String, Object>) json.get("schema"), schemas);
                Object properties = schema == null ? null : schema.get("properties");
                if (!(properties instanceof Map<?, ?> known)) {
                    problems.add(where + ": no object schema");
                    continue;
                }
                if (!(json.get("examples") instanceof Map<?, ?> examples) || examples.isEmpty()) {
                    problems.add(where + ": no example");
                    continue;
                }
                for (var example : examples.entrySet()) {
                    Object value = example.getValue() instanceof Map<?, ?> e ? e.get("value") : null;
                    Map<String, Object> fields = fields(value);
                    if (fields == null) {
                        problems.add(where + " example '" + example.getKey() + "': not a JSON object");
                        continue;
                    }
                    for (String field : fields.keySet()) {
                        if (!known.containsKey(field)) {
                            problems.add(where + " example '" + example.getKey() + "': unknown field '" + field + "'");
                        }
                    }
                }
            }
        }
        return new Result(checked, problems);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fields(Object value) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        if (value instanceof String text) {
            try {
                return JSON.readValue(text, Map.class);
            } catch (JsonProcessingException e) {
                return null;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Map<String, Object> schema, Map<String, Object> schemas) {
        if (schema == null) {
            return null;
        }
        if (schema.get("$ref") instanceof String ref) {
            return (Map<String, Object>) schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (schema.get("allOf") instanceof List<?> all && !all.isEmpty()) {
            return resolve((Map<String, Object>) all.get(0), schemas);
        }
        return schema;
    }
}

package com.customk9.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class OpenApiExampleCheckTest {

    private static Map<String, Object> document(Map<String, Object> json) {
        return Map.of(
                "paths", Map.of("/api/dogs", Map.of(
                        "get", Map.of("responses", Map.of()),
                        "post", Map.of("requestBody", Map.of("content", Map.of("application/json", json))))),
                "components", Map.of("schemas", Map.of("DogRequest",
                        Map.of("type", "object", "properties", Map.of("name", Map.of(), "breed", Map.of())))));
    }

    private static final Map<String, Object> SCHEMA = Map.of("$ref", "#/components/schemas/DogRequest");

    @Test
    void anExampleNamingOnlySchemaFieldsPasses() {
        var result = OpenApiExampleCheck.of(document(Map.of("schema", SCHEMA,
                "examples", Map.of("a dog", Map.of("value", "{\"name\": \"Rex\", \"breed\": \"Collie\"}")))));
        assertThat(result.checked()).containsExactly("POST /api/dogs");
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void aMissingExampleAnUnknownFieldAndAnythingButAnObjectAreProblems() {
        assertThat(OpenApiExampleCheck.of(document(Map.of("schema", SCHEMA))).problems())
                .containsExactly("POST /api/dogs: no example");
        assertThat(OpenApiExampleCheck.of(document(Map.of("schema", SCHEMA,
                "examples", Map.of("a dog", Map.of("value", Map.of("name", "Rex", "colour", "black")))))).problems())
                .containsExactly("POST /api/dogs example 'a dog': unknown field 'colour'");
        assertThat(OpenApiExampleCheck.of(document(Map.of("schema", SCHEMA,
                "examples", Map.of("a dog", Map.of("value", "not json"))))).problems())
                .containsExactly("POST /api/dogs example 'a dog': not a JSON object");
    }
}

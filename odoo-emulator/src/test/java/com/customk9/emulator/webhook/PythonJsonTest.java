package com.customk9.emulator.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Webhook bodies are Python's json.dumps(sort_keys=True) output, byte for byte. */
class PythonJsonTest {

    @Test
    void sortsKeysAndUsesPythonSeparators() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("b", 1);
        value.put("a", List.of(1, 2));
        value.put("c", Map.of("z", true, "y", false));
        assertThat(PythonJson.dumps(value)).isEqualTo("{\"a\": [1, 2], \"b\": 1, \"c\": {\"y\": false, \"z\": true}}");
    }

    @Test
    void escapesNonAsciiLikeEnsureAscii() {
        assertThat(PythonJson.dumps("Café 🐕 \"q\" \\ \n\t\u0001\u007f")).isEqualTo(
                "\"Caf\\u00e9 \\ud83d\\udc15 \\\"q\\\" \\\\ \\n\\t\\u0001\\u007f\"");
    }

    @Test
    void writesFloatsAsPythonRepr() {
        assertThat(PythonJson.dumps(Arrays.asList(1.0, 99.99, 0.0001, 0.00001, 1e16, 123456789012345.6, -2.5, null)))
                .isEqualTo("[1.0, 99.99, 0.0001, 1e-05, 1e+16, 123456789012345.6, -2.5, null]");
    }
}

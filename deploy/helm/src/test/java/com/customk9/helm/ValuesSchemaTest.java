package com.customk9.helm;

import static com.customk9.helm.Charts.UMBRELLA;
import static com.customk9.helm.Charts.render;
import static com.customk9.helm.Charts.renderFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** values.schema.json refuses values that would leak a credential or wire a service wrongly. */
class ValuesSchemaTest {

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "redis", "odoo"})
    void rejectsEmptyExistingSecret(String block) {
        String message = renderFailure(UMBRELLA, """
                global:
                  %s:
                    existingSecret: ""
                """.formatted(block));

        assertTrue(message.contains("/global/" + block + "/existingSecret"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "redis", "kafka"})
    void rejectsLiteralPasswordInValues(String block) {
        String message = renderFailure(UMBRELLA, """
                global:
                  %s:
                    password: hunter2
                """.formatted(block));

        assertTrue(message.contains("/global/" + block) && message.contains("'password' not allowed"), message);
    }

    @Test
    void rejectsLiteralOdooApiKeyInValues() {
        String message = renderFailure(UMBRELLA, """
                global:
                  odoo:
                    apiKey: 0123456789abcdef
                """);

        assertTrue(message.contains("'apiKey' not allowed"), message);
    }

    @Test
    void rejectsLiteralPasswordOutsideGlobal() {
        String message = renderFailure(UMBRELLA, """
                postgresql:
                  password: hunter2
                """);

        assertTrue(message.contains("'postgresql' not allowed"), message);
    }

    @Test
    void rejectsSaslKafkaWithoutExistingSecret() {
        String message = renderFailure(UMBRELLA, """
                global:
                  kafka:
                    securityProtocol: SASL_SSL
                """);

        assertTrue(message.contains("/global/kafka/existingSecret"), message);
    }

    @Test
    void rejectsSecretNameThatIsNotAKubernetesName() {
        String message = renderFailure(UMBRELLA, """
                global:
                  redis:
                    existingSecret: "Redis Secret"
                """);

        assertTrue(message.contains("/global/redis/existingSecret"), message);
    }

    @Test
    void rejectsCommonLabelThatOverridesAStandardLabel() {
        String message = renderFailure(UMBRELLA, """
                global:
                  commonLabels:
                    app.kubernetes.io/part-of: something-else
                """);

        assertTrue(message.contains("invalid propertyName 'app.kubernetes.io/part-of'"), message);
    }

    @Test
    void rejectsUnknownPostgresqlSslMode() {
        String message = renderFailure(UMBRELLA, """
                global:
                  postgresql:
                    sslMode: sometimes
                """);

        assertTrue(message.contains("/global/postgresql/sslMode"), message);
    }

    @Test
    void acceptsSaslKafkaWithExistingSecret() {
        RenderedChart rendered = render(UMBRELLA, """
                global:
                  kafka:
                    securityProtocol: SASL_SSL
                    existingSecret: customk9-kafka
                """);

        assertEquals("SASL_SSL", rendered.object("ConfigMap", "customk9-connection")
                .path("data").path("KAFKA_SECURITY_PROTOCOL").asText());
    }
}

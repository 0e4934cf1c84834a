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
    void rejectsEmptyJwtClaims() {
        String message = renderFailure(UMBRELLA, """
                global:
                  jwt:
                    issuer: ""
                    audience: ""
                """);

        assertTrue(message.contains("/global/jwt/issuer") && message.contains("/global/jwt/audience"), message);
    }

    @Test
    void rejectsEmptyOdooDatabaseOrLogin() {
        String message = renderFailure(UMBRELLA, """
                global:
                  odoo:
                    database: ""
                    integrationLogin: ""
                """);

        assertTrue(message.contains("/global/odoo/database") && message.contains("/global/odoo/integrationLogin"), message);
    }

    // --- the auth subchart's own schema ------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "\"../key\"", "\"key 1\"", "key-1.pub", "-key"})
    void rejectsSigningKeyIdThatNamesNoPrivateKeyFile(String signingKeyId) {
        String message = renderFailure(UMBRELLA, """
                auth:
                  jwt:
                    signingKeyId: %s
                """.formatted(signingKeyId));

        assertTrue(message.contains("auth:") && message.contains("/jwt/signingKeyId"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Auth Keys"})
    void rejectsJwtKeysSecretThatIsNotAKubernetesName(String existingSecret) {
        String message = renderFailure(UMBRELLA, """
                auth:
                  jwt:
                    existingSecret: "%s"
                """.formatted(existingSecret));

        assertTrue(message.contains("/jwt/existingSecret"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jwt:\n    privateKey: MIIEvQ", "jwt:\n    signingKey: MIIEvQ", "databasePassword: hunter2",
            "postgresql:\n    password: hunter2", "odoo:\n    apiKey: 0123456789abcdef"})
    void rejectsLiteralKeysAndPasswordsInAuthValues(String entry) {
        String message = renderFailure(UMBRELLA, "auth:\n  " + entry + "\n");

        assertTrue(message.contains("auth:") && message.contains("not allowed"), message);
    }

    @Test
    void rejectsAuthWithoutTrustedProxies() {
        // Every login would otherwise count against the gateway's own address.
        String message = renderFailure(UMBRELLA, """
                auth:
                  trustedProxies: []
                """);

        assertTrue(message.contains("/trustedProxies"), message);
    }

    @Test
    void rejectsAuthDatabaseSecretThatIsNotAKubernetesName() {
        String message = renderFailure(UMBRELLA, """
                auth:
                  databaseExistingSecret: "Auth DB"
                """);

        assertTrue(message.contains("/databaseExistingSecret"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"15", "15 minutes", "0m", "PT", "P1DT", "-5m"})
    void rejectsTokenLifetimeThatIsNotAQuarkusDuration(String ttl) {
        String message = renderFailure(UMBRELLA, """
                auth:
                  jwt:
                    accessTokenTtl: "%1$s"
                  refreshTokenTtl: "%1$s"
                """.formatted(ttl));

        assertTrue(message.contains("/jwt/accessTokenTtl") && message.contains("/refreshTokenTtl"), message);
    }

    @Test
    void acceptsQuarkusDurations() {
        RenderedChart rendered = render(UMBRELLA, """
                auth:
                  jwt:
                    accessTokenTtl: PT10M
                  refreshTokenTtl: 14d
                """);

        assertEquals(1, rendered.ofChart("auth-0.1.0").objectsOfKind("Deployment").size());
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

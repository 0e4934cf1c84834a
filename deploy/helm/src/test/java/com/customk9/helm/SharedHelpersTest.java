package com.customk9.helm;

import static com.customk9.helm.Charts.SAMPLE_SERVICE;
import static com.customk9.helm.Charts.render;
import static com.customk9.helm.RenderedChart.containersOf;
import static com.customk9.helm.RenderedChart.envOf;
import static com.customk9.helm.RenderedChart.labelsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.LintResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The helpers in _helpers.tpl as a service subchart uses them: the sample subchart is plugged
 * into a copy of the umbrella exactly as a real service would be.
 */
class SharedHelpersTest {

    private static final String SASL_WITH_CUSTOM_SECRETS = """
            global:
              postgresql: {existingSecret: pg-login, usernameKey: user, passwordKey: pass}
              redis: {existingSecret: redis-login, passwordKey: redis-pass}
              kafka: {securityProtocol: SASL_SSL, saslMechanism: SCRAM-SHA-256, existingSecret: kafka-login,
                      usernameKey: kafka-user, passwordKey: kafka-pass}
              odoo: {existingSecret: odoo-integration, apiKeyKey: token}
            """;

    @TempDir
    static Path workDir;

    private static Path umbrella;

    @BeforeAll
    static void plugSampleServiceIntoTheUmbrella() {
        umbrella = Charts.umbrellaWithService(workDir, SAMPLE_SERVICE);
    }

    @Test
    void passesStrictLintWithAServiceSubchart() {
        LintResult lint = Charts.lintStrict(umbrella);

        assertFalse(lint.isFailed(), () -> "helm lint --strict: " + lint.getMessages());
    }

    @Test
    void findsThePluggedInSubchart() {
        // The copy holds the real service subcharts too; the sample must be among them.
        assertTrue(Charts.serviceSubcharts(umbrella).contains(umbrella.resolve("charts/sample")));
    }

    @TestFactory
    Stream<DynamicTest> sampleServiceMeetsThePlatformRules() {
        return ServiceSubchartsTest.platformRules(umbrella);
    }

    @Test
    void labelsServiceObjectsAsPartOfTheRelease() {
        Map<String, String> labels = labelsOf(render(umbrella).object("Deployment", "customk9-sample"));

        assertEquals("sample", labels.get("app.kubernetes.io/name"));
        assertEquals("customk9", labels.get("app.kubernetes.io/instance"));
        assertEquals("customk9", labels.get("app.kubernetes.io/part-of"));
        assertEquals("sample-0.1.0", labels.get("helm.sh/chart"));
    }

    @Test
    void readsPostgresqlCredentialsFromTheExistingSecret() {
        Map<String, JsonNode> env = sampleEnv(render(umbrella));

        assertEquals("postgresql://postgresql:5432/sample", env.get("QUARKUS_DATASOURCE_REACTIVE_URL").path("value").asText());
        assertEquals("require", env.get("QUARKUS_DATASOURCE_REACTIVE_POSTGRESQL_SSL_MODE").path("value").asText());
        assertEquals("customk9-postgresql/username", secretRef(env.get("QUARKUS_DATASOURCE_USERNAME")));
        assertEquals("customk9-postgresql/password", secretRef(env.get("QUARKUS_DATASOURCE_PASSWORD")));
        assertEquals("customk9-redis/password", secretRef(env.get("QUARKUS_REDIS_PASSWORD")));
        assertEquals("customk9-odoo/api-key", secretRef(env.get("ODOO_INTEGRATION_API_KEY")));
    }

    @Test
    void setsTheOdooClientConfigMapping() {
        Map<String, JsonNode> env = sampleEnv(render(umbrella, """
                global:
                  odoo: {url: "https://erp.customk9.example", database: production, integrationLogin: svc@customk9.example}
                """));

        // odoo.url, odoo.database, odoo.integration.login, odoo.integration.api-key (libs/odoo-client)
        assertEquals("https://erp.customk9.example", env.get("ODOO_URL").path("value").asText());
        assertEquals("production", env.get("ODOO_DATABASE").path("value").asText());
        assertEquals("svc@customk9.example", env.get("ODOO_INTEGRATION_LOGIN").path("value").asText());
        assertEquals("customk9-odoo/api-key", secretRef(env.get("ODOO_INTEGRATION_API_KEY")));
        assertFalse(env.containsKey("ODOO_API_KEY"), "odoo.api-key is no property of the client");
    }

    @Test
    void setsTheJdbcUrlOnlyForServicesThatAskForIt() {
        // The sample uses the reactive client only; auth asks for it (Flyway), see AuthSubchartTest.
        assertFalse(sampleEnv(render(umbrella)).containsKey("QUARKUS_DATASOURCE_JDBC_URL"));
    }

    @Test
    void namesTheConfiguredExistingSecretsInEverySecretReference() {
        RenderedChart rendered = render(umbrella, SASL_WITH_CUSTOM_SECRETS);
        Map<String, JsonNode> env = sampleEnv(rendered);

        assertEquals("pg-login/user", secretRef(env.get("QUARKUS_DATASOURCE_USERNAME")));
        assertEquals("pg-login/pass", secretRef(env.get("QUARKUS_DATASOURCE_PASSWORD")));
        assertEquals("redis-login/redis-pass", secretRef(env.get("QUARKUS_REDIS_PASSWORD")));
        assertEquals("kafka-login/kafka-user", secretRef(env.get("CUSTOMK9_KAFKA_USERNAME")));
        assertEquals("kafka-login/kafka-pass", secretRef(env.get("CUSTOMK9_KAFKA_PASSWORD")));
        assertEquals("odoo-integration/token", secretRef(env.get("ODOO_INTEGRATION_API_KEY")));
        assertFalse(rendered.text().contains("customk9-postgresql"), "the default Secret name is still referenced");
    }

    @Test
    void serviceMayUseItsOwnPostgresqlSecret() {
        Map<String, JsonNode> env = sampleEnv(render(umbrella, """
                sample:
                  databaseExistingSecret: sample-postgresql
                """));

        assertEquals("sample-postgresql/password", secretRef(env.get("QUARKUS_DATASOURCE_PASSWORD")));
    }

    @Test
    void takesEverySecretLookingEnvVarFromASecretKeyRef() {
        RenderedChart rendered = render(umbrella, SASL_WITH_CUSTOM_SECRETS);

        assertTrue(rendered.objectsOfKind("Secret").isEmpty());
        assertEquals(List.of(), ManifestChecks.credentialLeaks(rendered));
        assertEquals(6, sampleEnv(rendered).values().stream().filter(e -> !secretRef(e).isEmpty()).count(),
                "secretKeyRefs: PostgreSQL user+password, Redis password, Kafka user+password, Odoo key");
    }

    @Test
    void rendersKafkaSaslLoginOnlyForSaslProtocols() {
        Map<String, JsonNode> plaintext = sampleEnv(render(umbrella));
        Map<String, JsonNode> sasl = sampleEnv(render(umbrella, SASL_WITH_CUSTOM_SECRETS));

        assertEquals("kafka:9092", plaintext.get("KAFKA_BOOTSTRAP_SERVERS").path("value").asText());
        assertEquals("PLAINTEXT", plaintext.get("KAFKA_SECURITY_PROTOCOL").path("value").asText());
        assertFalse(plaintext.containsKey("KAFKA_SASL_JAAS_CONFIG"));
        assertFalse(plaintext.containsKey("CUSTOMK9_KAFKA_PASSWORD"));
        assertEquals("SCRAM-SHA-256", sasl.get("KAFKA_SASL_MECHANISM").path("value").asText());
        assertEquals("org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"$(CUSTOMK9_KAFKA_USERNAME)\" password=\"$(CUSTOMK9_KAFKA_PASSWORD)\";",
                sasl.get("KAFKA_SASL_JAAS_CONFIG").path("value").asText());
        List<String> order = List.copyOf(sasl.keySet());
        assertTrue(order.indexOf("CUSTOMK9_KAFKA_PASSWORD") < order.indexOf("KAFKA_SASL_JAAS_CONFIG"),
                "Kubernetes expands $(VAR) only from variables defined earlier");
    }

    @Test
    void connectsToRedisOverTlsWhenEnabled() {
        Map<String, JsonNode> plain = sampleEnv(render(umbrella));
        Map<String, JsonNode> tls = sampleEnv(render(umbrella, """
                global:
                  redis: {host: cache.internal, port: 6380, tls: true}
                """));

        assertEquals("redis://redis:6379", plain.get("QUARKUS_REDIS_HOSTS").path("value").asText());
        assertEquals("rediss://cache.internal:6380", tls.get("QUARKUS_REDIS_HOSTS").path("value").asText());
    }

    @Test
    void appliesGlobalImageSettingsToServiceImages() {
        RenderedChart defaults = render(umbrella);
        RenderedChart configured = render(umbrella, """
                global:
                  image: {registry: registry.example.com/, tag: "1.4.2", pullPolicy: Always}
                  imagePullSecrets: [registry-login]
                """);

        JsonNode defaultContainer = containersOf(defaults.object("Deployment", "customk9-sample")).get(0);
        JsonNode configuredPod = configured.object("Deployment", "customk9-sample").path("spec").path("template").path("spec");
        assertEquals("customk9/sample:0.1.0", defaultContainer.path("image").asText());
        assertEquals("IfNotPresent", defaultContainer.path("imagePullPolicy").asText());
        assertEquals("registry.example.com/customk9/sample:1.4.2", configuredPod.path("containers").get(0).path("image").asText());
        assertEquals("Always", configuredPod.path("containers").get(0).path("imagePullPolicy").asText());
        assertEquals("[{\"name\":\"registry-login\"}]", configuredPod.path("imagePullSecrets").toString());
    }

    @Test
    void conditionSwitchesTheServiceOff() {
        RenderedChart rendered = render(umbrella, """
                sample:
                  enabled: false
                """);

        assertEquals(1, render(umbrella).ofChart("sample-0.1.0").objectsOfKind("Deployment").size());
        assertEquals(List.of(), rendered.ofChart("sample-0.1.0").objectsOfKind("Deployment"));
        assertEquals(List.of(), rendered.ofChart("sample-0.1.0").objects());
    }

    private static Map<String, JsonNode> sampleEnv(RenderedChart rendered) {
        return envOf(containersOf(rendered.object("Deployment", "customk9-sample")).get(0));
    }

    /** "secret/key" of an env var's secretKeyRef; empty when the value is not from a Secret. */
    private static String secretRef(JsonNode envVar) {
        JsonNode ref = envVar.path("valueFrom").path("secretKeyRef");
        return ref.isMissingNode() ? "" : ref.path("name").asText() + "/" + ref.path("key").asText();
    }
}

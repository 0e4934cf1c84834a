package com.customk9.helm;

import static com.customk9.helm.Charts.UMBRELLA;
import static com.customk9.helm.Charts.lintStrict;
import static com.customk9.helm.Charts.render;
import static com.customk9.helm.RenderedChart.describe;
import static com.customk9.helm.RenderedChart.labelsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.LintResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The umbrella chart on its own: lint, and what it renders besides the services. */
class UmbrellaChartTest {

    private static RenderedChart defaults;

    @BeforeAll
    static void renderDefaults() {
        defaults = render(UMBRELLA);
    }

    @Test
    void passesStrictLint() {
        LintResult lint = lintStrict(UMBRELLA);

        assertFalse(lint.isFailed(), () -> "helm lint --strict: " + lint.getMessages());
    }

    @Test
    void rendersConnectionSettingsWithoutCredentials() {
        JsonNode configMap = defaults.object("ConfigMap", "customk9-connection");

        assertEquals(Map.of(
                "POSTGRESQL_HOST", "postgresql",
                "POSTGRESQL_PORT", "5432",
                "POSTGRESQL_SSL_MODE", "require",
                "REDIS_HOST", "redis",
                "REDIS_PORT", "6379",
                "REDIS_TLS", "false",
                "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
                "KAFKA_SECURITY_PROTOCOL", "PLAINTEXT",
                "ODOO_URL", "http://odoo:8069",
                "ODOO_DATABASE", "customk9"), RenderedChart.stringMap(configMap.path("data")));
    }

    @Test
    void connectionSettingsFollowTheValues() {
        RenderedChart rendered = render(UMBRELLA, """
                global:
                  postgresql: {host: pg.db.internal, port: 6432, sslMode: verify-full}
                  redis: {host: cache.internal, tls: true}
                  kafka: {bootstrapServers: "b1:9093,b2:9093", securityProtocol: SSL}
                  odoo: {url: "https://erp.customk9.example", database: production}
                """);

        Map<String, String> data = RenderedChart.stringMap(rendered.object("ConfigMap", "customk9-connection").path("data"));
        assertEquals("pg.db.internal", data.get("POSTGRESQL_HOST"));
        assertEquals("6432", data.get("POSTGRESQL_PORT"));
        assertEquals("verify-full", data.get("POSTGRESQL_SSL_MODE"));
        assertEquals("cache.internal", data.get("REDIS_HOST"));
        assertEquals("true", data.get("REDIS_TLS"));
        assertEquals("b1:9093,b2:9093", data.get("KAFKA_BOOTSTRAP_SERVERS"));
        assertEquals("SSL", data.get("KAFKA_SECURITY_PROTOCOL"));
        assertEquals("https://erp.customk9.example", data.get("ODOO_URL"));
        assertEquals("production", data.get("ODOO_DATABASE"));
    }

    @Test
    void labelsEveryObjectWithTheStandardLabels() {
        assertFalse(defaults.objects().isEmpty(), "the umbrella rendered nothing");
        assertEquals(List.of(), ManifestChecks.missingStandardLabels(defaults));
    }

    @Test
    void addsCommonLabelsToEveryObject() {
        RenderedChart rendered = render(UMBRELLA, """
                global:
                  commonLabels:
                    team: platform
                """);

        for (JsonNode object : rendered.objects()) {
            assertEquals("platform", labelsOf(object).get("team"), describe(object));
        }
    }

    @Test
    void rendersNoSecretAndNoLiteralCredential() {
        assertTrue(defaults.objectsOfKind("Secret").isEmpty());
        assertEquals(List.of(), ManifestChecks.credentialLeaks(defaults));
    }

    @Test
    void notesListTheSecretsToCreateBeforeInstalling() {
        String notes = Charts.notes(UMBRELLA, """
                global:
                  kafka: {securityProtocol: SASL_SSL, existingSecret: kafka-login}
                  odoo: {existingSecret: odoo-integration}
                """);

        assertTrue(notes.contains("- customk9-postgresql (keys username, password)"), notes);
        assertTrue(notes.contains("- customk9-redis (key password)"), notes);
        assertTrue(notes.contains("- kafka-login (keys username, password)"), notes);
        assertTrue(notes.contains("- odoo-integration (key api-key)"), notes);
        assertFalse(Charts.notes(UMBRELLA, "").contains("Kafka SASL"), "no Kafka Secret is needed without SASL");
    }

    @Test
    void notesListTheSecretsOfTheEnabledServices() {
        String defaults = Charts.notes(UMBRELLA, "");
        String configured = Charts.notes(UMBRELLA, """
                auth:
                  databaseExistingSecret: auth-postgresql
                  jwt: {existingSecret: auth-signing-keys, signingKeyId: "2025-06"}
                """);
        String withoutServices = Charts.notes(UMBRELLA, """
                auth: {enabled: false}
                gateway: {enabled: false}
                """);

        assertTrue(defaults.contains("- customk9-auth-jwt-keys (file key-1.pem"), defaults);
        assertTrue(defaults.contains("- customk9-gateway (key webhook-secret)"), defaults);
        assertTrue(configured.contains("- auth-signing-keys (file 2025-06.pem"), configured);
        assertTrue(configured.contains("- auth-postgresql (keys username, password): auth's own PostgreSQL login"), configured);
        assertFalse(defaults.contains("auth's own PostgreSQL login"), "auth uses the shared login by default");
        assertFalse(withoutServices.contains("customk9-auth-jwt-keys") || withoutServices.contains("customk9-gateway"),
                withoutServices);
    }

    @Test
    void deniesAllIngressAndEgressOfEveryPodByDefault() {
        JsonNode spec = defaults.object("NetworkPolicy", "customk9-default-deny").path("spec");

        assertTrue(spec.path("podSelector").isObject() && spec.path("podSelector").isEmpty(),
                "the default deny must select every pod of the namespace");
        assertEquals(List.of("Ingress", "Egress"), RenderedChart.list(spec.path("policyTypes")).stream().map(JsonNode::asText).toList());
        assertTrue(spec.path("ingress").isMissingNode() && spec.path("egress").isMissingNode(),
                "the default deny must allow nothing");
    }

    @Test
    void allowsOnlyDnsEgressToTheClusterDns() {
        JsonNode spec = defaults.object("NetworkPolicy", "customk9-allow-dns-egress").path("spec");

        assertEquals("[\"Egress\"]", spec.path("policyTypes").toString());
        assertEquals(1, spec.path("egress").size());
        JsonNode rule = spec.path("egress").get(0);
        assertEquals("kube-system", rule.path("to").get(0).path("namespaceSelector").path("matchLabels")
                .path("kubernetes.io/metadata.name").asText());
        assertEquals("kube-dns", rule.path("to").get(0).path("podSelector").path("matchLabels").path("k8s-app").asText());
        assertEquals(List.of("UDP/53", "TCP/53"), RenderedChart.list(rule.path("ports")).stream()
                .map(port -> port.path("protocol").asText() + "/" + port.path("port").asText()).toList());
    }

    @Test
    void disablingNetworkPolicyRemovesTheNamespacePolicies() {
        RenderedChart rendered = render(UMBRELLA, """
                networkPolicy:
                  enabled: false
                """);

        // The umbrella's own policies; each service subchart keeps the one for its pods.
        assertEquals(2, defaults.ofChart("customk9-0.1.0").objectsOfKind("NetworkPolicy").size());
        assertEquals(List.of(), rendered.ofChart("customk9-0.1.0").objectsOfKind("NetworkPolicy"));
        assertEquals(1, rendered.objectsOfKind("ConfigMap").size());
    }
}

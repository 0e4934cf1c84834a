package com.customk9.helm;

import static com.customk9.helm.Charts.UMBRELLA;
import static com.customk9.helm.Charts.render;
import static com.customk9.helm.RenderedChart.containersOf;
import static com.customk9.helm.RenderedChart.envOf;
import static com.customk9.helm.RenderedChart.named;
import static com.customk9.helm.RenderedChart.podTemplateOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The auth subchart as the umbrella renders it: how auth-service is configured, where its signing
 * keys come from, how the gateway finds it and what its NetworkPolicy lets through. The platform
 * rules (probes, resources, securityContext, HPA, PDB, policy types, no credential) are checked for
 * every subchart by {@link ServiceSubchartsTest}.
 */
class AuthSubchartTest {

    private static final String AUTH = "customk9-auth";

    private static RenderedChart defaults;

    @BeforeAll
    static void renderDefaults() {
        defaults = render(UMBRELLA);
    }

    @Test
    void listensOnAllInterfacesOnItsOwnPort() {
        Map<String, JsonNode> env = authEnv(defaults);
        JsonNode container = authContainer(defaults);

        assertEquals("0.0.0.0", value(env, "QUARKUS_HTTP_HOST"));
        assertEquals("8081", value(env, "QUARKUS_HTTP_PORT"));
        assertEquals("[{\"name\":\"http\",\"containerPort\":8081,\"protocol\":\"TCP\"}]", container.path("ports").toString());
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertEquals("http", container.path(probe).path("httpGet").path("port").asText(), probe);
        }
        assertEquals("/q/health/live", container.path("livenessProbe").path("httpGet").path("path").asText());
        assertEquals("/q/health/ready", container.path("readinessProbe").path("httpGet").path("path").asText());
    }

    @Test
    void believesTheClientAddressTheGatewayForwards() {
        assertEquals("10.0.0.0/8,172.16.0.0/12,192.168.0.0/16", value(authEnv(defaults), "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES"));
        assertEquals("10.244.0.0/16", value(authEnv(render(UMBRELLA, """
                auth:
                  trustedProxies: [10.244.0.0/16]
                """)), "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES"));
    }

    @Test
    void usesItsOwnDatabaseThroughTheReactiveClientAndFlyway() {
        Map<String, JsonNode> env = authEnv(defaults);

        assertEquals("postgresql://postgresql:5432/customk9_auth", value(env, "QUARKUS_DATASOURCE_REACTIVE_URL"));
        assertEquals("jdbc:postgresql://postgresql:5432/customk9_auth?sslmode=require", value(env, "QUARKUS_DATASOURCE_JDBC_URL"));
        assertEquals("require", value(env, "QUARKUS_DATASOURCE_REACTIVE_POSTGRESQL_SSL_MODE"));
        assertEquals("customk9-postgresql/username", secretRef(env.get("QUARKUS_DATASOURCE_USERNAME")));
        assertEquals("customk9-postgresql/password", secretRef(env.get("QUARKUS_DATASOURCE_PASSWORD")));
    }

    @Test
    void mayUseADatabaseLoginOfItsOwn() {
        Map<String, JsonNode> env = authEnv(render(UMBRELLA, """
                global:
                  postgresql: {host: pg.internal, port: 6432, sslMode: verify-full}
                auth:
                  database: auth_prod
                  databaseExistingSecret: customk9-auth-postgresql
                """));

        assertEquals("postgresql://pg.internal:6432/auth_prod", value(env, "QUARKUS_DATASOURCE_REACTIVE_URL"));
        assertEquals("jdbc:postgresql://pg.internal:6432/auth_prod?sslmode=verify-full", value(env, "QUARKUS_DATASOURCE_JDBC_URL"));
        assertEquals("customk9-auth-postgresql/username", secretRef(env.get("QUARKUS_DATASOURCE_USERNAME")));
        assertEquals("customk9-auth-postgresql/password", secretRef(env.get("QUARKUS_DATASOURCE_PASSWORD")));
    }

    @Test
    void reachesRedisKafkaAndOdooWithCredentialsFromExistingSecrets() {
        Map<String, JsonNode> env = authEnv(defaults);

        assertEquals("redis://redis:6379", value(env, "QUARKUS_REDIS_HOSTS"));
        assertEquals("customk9-redis/password", secretRef(env.get("QUARKUS_REDIS_PASSWORD")));
        assertEquals("kafka:9092", value(env, "KAFKA_BOOTSTRAP_SERVERS"));
        assertEquals("http://odoo:8069", value(env, "ODOO_URL"));
        assertEquals("customk9", value(env, "ODOO_DATABASE"));
        assertEquals("integration@customk9.example", value(env, "ODOO_INTEGRATION_LOGIN"));
        assertEquals("customk9-odoo/api-key", secretRef(env.get("ODOO_INTEGRATION_API_KEY")));
        assertEquals(List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_REDIS_PASSWORD",
                        "ODOO_INTEGRATION_API_KEY"),
                env.entrySet().stream().filter(e -> !secretRef(e.getValue()).isEmpty()).map(Map.Entry::getKey).toList(),
                "the only values taken from Secrets");
    }

    @Test
    void configuresTheTokens() {
        Map<String, JsonNode> env = authEnv(defaults);

        assertEquals("/etc/customk9/jwt", value(env, "CUSTOMK9_AUTH_JWT_KEY_DIRECTORY"));
        assertEquals("key-1", value(env, "CUSTOMK9_AUTH_JWT_SIGNING_KEY_ID"));
        assertEquals("customk9-auth", value(env, "CUSTOMK9_AUTH_JWT_ISSUER"));
        assertEquals("customk9", value(env, "CUSTOMK9_AUTH_JWT_AUDIENCE"));
        assertEquals("customk9-auth", value(env, "MP_JWT_VERIFY_ISSUER"));
        assertEquals("customk9", value(env, "MP_JWT_VERIFY_AUDIENCES"));
        assertEquals("15m", value(env, "CUSTOMK9_AUTH_JWT_ACCESS_TOKEN_TTL"));
        // customk9.auth.refresh.ttl (AuthConfig.Refresh#ttl)
        assertEquals("30d", value(env, "CUSTOMK9_AUTH_REFRESH_TTL"));
        assertEquals("https://app.customk9.example/reset-password", value(env, "CUSTOMK9_AUTH_PASSWORD_RESET_LINK_BASE"));
    }

    @Test
    void mountsTheSigningKeysSecretReadOnlyWhereItLooksForThem() {
        JsonNode pod = podTemplateOf(defaults.object("Deployment", AUTH)).path("spec");
        JsonNode volume = volume(pod, "jwt-keys");
        JsonNode mount = mount(authContainer(defaults), "jwt-keys");

        assertEquals("customk9-auth-jwt-keys", volume.path("secret").path("secretName").asText());
        assertTrue(volume.path("secret").path("items").isMissingNode(),
                "the whole Secret is mounted, so every <kid>.pem and <kid>.pub.pem is there");
        assertFalse(volume.path("secret").path("optional").asBoolean(false), "auth cannot start without its keys");
        assertEquals(0440, volume.path("secret").path("defaultMode").asInt(), "owner and group may read, nobody writes");
        assertEquals(185, pod.path("securityContext").path("fsGroup").asInt(), "the group the key files belong to");
        assertTrue(mount.path("readOnly").asBoolean(false));
        assertTrue(mount.path("subPath").isMissingNode());
        assertEquals(value(authEnv(defaults), "CUSTOMK9_AUTH_JWT_KEY_DIRECTORY"), mount.path("mountPath").asText());
        assertFalse(pod.path("automountServiceAccountToken").asBoolean(true));
    }

    @Test
    void takesSigningKeysAndTokenSettingsFromTheValues() {
        RenderedChart rendered = render(UMBRELLA, """
                global:
                  jwt: {issuer: "https://auth.customk9.example", audience: customk9-web}
                auth:
                  jwt:
                    existingSecret: auth-signing-keys
                    signingKeyId: "2025-06.b"
                    accessTokenTtl: 5m
                  refreshTokenTtl: 7d
                  passwordReset:
                    linkBase: https://app.example.org/reset
                """);
        Map<String, JsonNode> env = authEnv(rendered);
        Map<String, JsonNode> gateway = envOf(containersOf(rendered.object("Deployment", "customk9-gateway")).get(0));

        JsonNode pod = podTemplateOf(rendered.object("Deployment", AUTH)).path("spec");
        assertEquals("auth-signing-keys", volume(pod, "jwt-keys").path("secret").path("secretName").asText());
        assertEquals("2025-06.b", value(env, "CUSTOMK9_AUTH_JWT_SIGNING_KEY_ID"));
        assertEquals("5m", value(env, "CUSTOMK9_AUTH_JWT_ACCESS_TOKEN_TTL"));
        assertEquals("7d", value(env, "CUSTOMK9_AUTH_REFRESH_TTL"));
        assertEquals("https://app.example.org/reset", value(env, "CUSTOMK9_AUTH_PASSWORD_RESET_LINK_BASE"));
        // What auth writes in the tokens is what the gateway, and auth itself, check.
        for (String issuer : List.of(value(env, "CUSTOMK9_AUTH_JWT_ISSUER"), value(env, "MP_JWT_VERIFY_ISSUER"),
                value(gateway, "CUSTOMK9_GATEWAY_JWT_ISSUER"))) {
            assertEquals("https://auth.customk9.example", issuer);
        }
        for (String audience : List.of(value(env, "CUSTOMK9_AUTH_JWT_AUDIENCE"), value(env, "MP_JWT_VERIFY_AUDIENCES"),
                value(gateway, "CUSTOMK9_GATEWAY_JWT_AUDIENCE"))) {
            assertEquals("customk9-web", audience);
        }
    }

    @Test
    void isServedOnTheServicePortTheGatewayAssumes() {
        JsonNode port = defaults.object("Service", AUTH).path("spec").path("ports").get(0);
        Map<String, JsonNode> gateway = envOf(containersOf(defaults.object("Deployment", "customk9-gateway")).get(0));

        assertEquals(8080, port.path("port").asInt());
        assertEquals("http", port.path("targetPort").asText(), "the container's port 8081, by name");
        assertEquals("http://customk9-auth:8080/.well-known/jwks.json", value(gateway, "CUSTOMK9_GATEWAY_JWT_JWKS_URL"));
        assertEquals("http://customk9-auth:8080", value(gateway, "CUSTOMK9_GATEWAY_ROUTES_AUTH_UPSTREAM"));
        assertEquals("http://customk9-auth:8080", value(gateway, "CUSTOMK9_GATEWAY_ROUTES_AUTH_PUBLIC_UPSTREAM"));
    }

    @Test
    void letsInOnlyTheGatewayAndThePodsOfTheRelease() {
        JsonNode ingress = defaults.object("NetworkPolicy", AUTH).path("spec").path("ingress");

        assertEquals(1, ingress.size());
        assertEquals(List.of(
                        Map.of("app.kubernetes.io/instance", "customk9", "app.kubernetes.io/name", "gateway"),
                        Map.of("app.kubernetes.io/instance", "customk9", "app.kubernetes.io/part-of", "customk9")),
                peers(ingress.get(0)));
        assertEquals("[{\"protocol\":\"TCP\",\"port\":\"http\"}]", ingress.get(0).path("ports").toString());
    }

    @Test
    void mayLetInTheGatewayAlone() {
        RenderedChart rendered = render(UMBRELLA, """
                auth:
                  networkPolicy:
                    ingressFromReleasePods: false
                """);
        JsonNode ingress = rendered.object("NetworkPolicy", AUTH).path("spec").path("ingress");

        assertEquals(List.of(Map.of("app.kubernetes.io/instance", "customk9", "app.kubernetes.io/name", "gateway")),
                peers(ingress.get(0)));
        JsonNode gateway = rendered.object("Deployment", "customk9-gateway");
        assertEquals(List.of(), ManifestChecks.unreachable(rendered, gateway, "http://customk9-auth:8080"));
    }

    @Test
    void letsOutOnlyToPostgresqlRedisKafkaOdooAndDns() {
        JsonNode egress = defaults.object("NetworkPolicy", AUTH).path("spec").path("egress");

        assertEquals(2, egress.size());
        assertTrue(egress.get(0).path("to").isMissingNode());
        assertEquals(List.of("TCP/5432", "TCP/6379", "TCP/9092", "TCP/8069"), ports(egress.get(0)));
        assertEquals("[{\"namespaceSelector\":{}}]", egress.get(1).path("to").toString(), "DNS inside the cluster only");
        assertEquals(List.of("UDP/53", "TCP/53"), ports(egress.get(1)));
    }

    @Test
    void egressFollowsTheInfrastructurePorts() {
        JsonNode egress = render(UMBRELLA, """
                global:
                  postgresql: {port: 6432}
                  redis: {port: 6380, tls: true}
                  kafka: {bootstrapServers: "b1.kafka:9093,b2.kafka:9093,b3.kafka:9094"}
                  odoo: {url: "https://erp.customk9.example/odoo"}
                auth:
                  networkPolicy:
                    extraEgressPorts: [587, 6432]
                """).object("NetworkPolicy", AUTH).path("spec").path("egress");

        assertEquals(List.of("TCP/6432", "TCP/6380", "TCP/9093", "TCP/9094", "TCP/443", "TCP/587"), ports(egress.get(0)));
        assertEquals(List.of("TCP/8070"), ports(render(UMBRELLA, """
                global:
                  odoo: {url: "http://odoo.erp:8070"}
                """).object("NetworkPolicy", AUTH).path("spec").path("egress").get(0)).subList(3, 4));
    }

    @Test
    void conditionSwitchesAuthOffAndLeavesTheGateway() {
        RenderedChart rendered = render(UMBRELLA, """
                auth:
                  enabled: false
                """);

        assertEquals(List.of(), rendered.ofChart("auth-0.1.0").objects());
        assertEquals(1, rendered.ofChart("gateway-0.1.0").objectsOfKind("Deployment").size());
        assertEquals(5, defaults.ofChart("auth-0.1.0").objects().size(), "Deployment, Service, HPA, PDB, NetworkPolicy");
    }

    private static JsonNode authContainer(RenderedChart rendered) {
        List<JsonNode> containers = containersOf(rendered.object("Deployment", AUTH));
        assertEquals(1, containers.size());
        return containers.get(0);
    }

    private static Map<String, JsonNode> authEnv(RenderedChart rendered) {
        return envOf(authContainer(rendered));
    }

    private static String value(Map<String, JsonNode> env, String name) {
        assertTrue(env.containsKey(name), () -> name + " is not set; env: " + env.keySet());
        return env.get(name).path("value").asText();
    }

    /** "secret/key" of an env var's secretKeyRef; empty when the value is not from a Secret. */
    private static String secretRef(JsonNode envVar) {
        JsonNode ref = envVar.path("valueFrom").path("secretKeyRef");
        return ref.isMissingNode() ? "" : ref.path("name").asText() + "/" + ref.path("key").asText();
    }

    private static JsonNode volume(JsonNode podSpec, String name) {
        return named(podSpec.path("volumes"), name);
    }

    private static JsonNode mount(JsonNode container, String name) {
        return named(container.path("volumeMounts"), name);
    }

    /** The pod label selectors of a rule's peers; fails on any other kind of peer. */
    private static List<Map<String, String>> peers(JsonNode rule) {
        return RenderedChart.list(rule.path("from")).stream().map(peer -> {
            assertEquals(List.of("podSelector"), RenderedChart.stringMap(peer).keySet().stream().toList(),
                    "only pods of this namespace");
            return RenderedChart.stringMap(peer.path("podSelector").path("matchLabels"));
        }).toList();
    }

    private static List<String> ports(JsonNode rule) {
        return RenderedChart.list(rule.path("ports")).stream()
                .map(port -> port.path("protocol").asText() + "/" + port.path("port").asText())
                .collect(Collectors.toList());
    }
}

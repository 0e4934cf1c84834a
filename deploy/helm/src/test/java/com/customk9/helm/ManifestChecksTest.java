package com.customk9.helm;

import static com.customk9.helm.RenderedChart.containersOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The checks the chart tests rely on notice each broken rule: a hand-written compliant service
 * passes, and breaking one rule yields the matching violation.
 */
class ManifestChecksTest {

    private static final String AUTH_URL = "http://customk9-auth:8080/.well-known/jwks.json";

    private RenderedChart service;

    @BeforeEach
    void loadCompliantService() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/manifests/compliant-service.yaml")) {
            service = RenderedChart.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void acceptsACompliantService() {
        assertEquals(List.of(), ManifestChecks.serviceViolations(service));
        assertEquals(List.of(), ManifestChecks.credentialLeaks(service));
    }

    @Test
    void reportsContainerWithoutProbes() {
        container().remove(List.of("livenessProbe", "readinessProbe"));

        assertViolations(ManifestChecks.serviceViolations(service), "has no livenessProbe", "has no readinessProbe");
    }

    @Test
    void reportsContainerWithoutResourceRequests() {
        container().remove("resources");

        assertViolations(ManifestChecks.serviceViolations(service), "has no cpu request", "has no memory request");
    }

    @Test
    void reportsContainerWithoutMemoryLimit() {
        ((ObjectNode) container().get("resources")).remove("limits");

        assertViolations(ManifestChecks.serviceViolations(service), "has no memory limit");
    }

    @Test
    void reportsReadOnlyRootFilesystemWithoutWritableTmp() {
        ObjectNode tmp = (ObjectNode) container().get("volumeMounts").get(0);
        tmp.put("readOnly", true);
        List<String> readOnlyTmp = ManifestChecks.serviceViolations(service);
        container().remove("volumeMounts");

        assertViolations(readOnlyTmp, "has no writable emptyDir at /tmp");
        assertViolations(ManifestChecks.serviceViolations(service), "has no writable emptyDir at /tmp");
    }

    @Test
    void reportsContainerSecurityContextThatIsNotRestricted() {
        ObjectNode securityContext = (ObjectNode) container().get("securityContext");
        securityContext.put("runAsNonRoot", false)
                .put("allowPrivilegeEscalation", true)
                .put("readOnlyRootFilesystem", false);
        securityContext.remove(List.of("capabilities", "seccompProfile"));

        assertViolations(ManifestChecks.serviceViolations(service), "runAsNonRoot", "allowPrivilegeEscalation",
                "readOnlyRootFilesystem", "drop ALL capabilities", "seccompProfile RuntimeDefault");
    }

    @Test
    void reportsContainerWithoutSecurityContext() {
        container().remove("securityContext");

        assertViolations(ManifestChecks.serviceViolations(service), "allowPrivilegeEscalation: false");
    }

    @Test
    void reportsDeploymentWithoutHpaPdbOrNetworkPolicy() {
        service = service.filter(o -> !List.of("HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy")
                .contains(o.path("kind").asText()));

        assertViolations(ManifestChecks.serviceViolations(service),
                "no HorizontalPodAutoscaler", "no PodDisruptionBudget", "no NetworkPolicy");
    }

    @Test
    void reportsNetworkPolicyThatLeavesEgressOpen() {
        ObjectNode spec = (ObjectNode) service.object("NetworkPolicy", "demo").get("spec");
        spec.putArray("policyTypes").add("Ingress");

        assertViolations(ManifestChecks.serviceViolations(service), "no NetworkPolicy for Ingress and Egress");
    }

    @Test
    void reportsServiceWithoutDeployment() {
        service = service.filter(o -> !"Deployment".equals(o.path("kind").asText()));

        assertViolations(ManifestChecks.serviceViolations(service), "renders no Deployment");
    }

    @Test
    void reportsObjectWithoutStandardLabels() {
        ObjectNode labels = (ObjectNode) service.object("ConfigMap", "demo-settings").path("metadata").get("labels");
        labels.remove("app.kubernetes.io/version");
        labels.put("app.kubernetes.io/part-of", "elsewhere");

        assertViolations(ManifestChecks.missingStandardLabels(service),
                "ConfigMap/demo-settings lacks label app.kubernetes.io/version", "not part-of customk9");
    }

    @Test
    void reportsLiteralPasswordInEnv() {
        ObjectNode password = (ObjectNode) container().get("env").get(0);
        password.remove("valueFrom");
        password.put("value", "hunter2");

        assertViolations(ManifestChecks.credentialLeaks(service), "sets QUARKUS_DATASOURCE_PASSWORD without a secretKeyRef");
    }

    @Test
    void tellsSettingsAboutASecretFromTheSecret() {
        ObjectNode ttl = (ObjectNode) container().get("env").get(2);
        List<String> asSetting = ManifestChecks.credentialLeaks(service);
        ttl.put("name", "CUSTOMK9_AUTH_JWT_ACCESS_TOKEN");

        assertEquals(List.of(), asSetting, "a _TTL is a setting, not a secret");
        assertViolations(ManifestChecks.credentialLeaks(service), "sets CUSTOMK9_AUTH_JWT_ACCESS_TOKEN without a secretKeyRef");
    }

    @Test
    void reportsLiteralCredentialInAnyValue() {
        ((ObjectNode) container().get("env").get(1)).put("value",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"hunter2\";");
        ((ObjectNode) service.object("ConfigMap", "demo-settings").get("data"))
                .put("ODOO_URL", "https://integration:hunter2@odoo.example");

        assertViolations(ManifestChecks.credentialLeaks(service), "env[1].value holds a literal credential", "data.ODOO_URL holds a literal credential");
    }

    @Test
    void reportsRenderedSecretAndSecretLookingConfigMapKey() {
        ((ObjectNode) service.object("ConfigMap", "demo-settings").get("data")).put("ODOO_API_KEY", "");
        service.objects().add(RenderedChart.parse("""
                apiVersion: v1
                kind: Secret
                metadata: {name: demo-login}
                stringData: {user: demo}
                """).objects().get(0));

        assertViolations(ManifestChecks.credentialLeaks(service), "Secret/demo-login is rendered", "holds ODOO_API_KEY");
    }

    @Test
    void findsTheGatewayAbleToReachAuth() {
        RenderedChart rendered = Charts.render(Charts.UMBRELLA);

        assertEquals(List.of(), ManifestChecks.unreachable(rendered, gateway(rendered), AUTH_URL));
    }

    @Test
    void reportsUnknownServiceOrPort() {
        RenderedChart rendered = Charts.render(Charts.UMBRELLA);

        assertViolations(ManifestChecks.unreachable(rendered, gateway(rendered), "http://customk9-nothing:8080"),
                "no Service named customk9-nothing");
        assertViolations(ManifestChecks.unreachable(rendered, gateway(rendered), "http://customk9-auth:8081"),
                "Service/customk9-auth has no port 8081");
    }

    @Test
    void reportsEgressThatStopsAtTheServicePort() {
        // The Service listens on 8080 but the policy sees the pod's 8081.
        RenderedChart rendered = Charts.render(Charts.UMBRELLA, """
                gateway:
                  networkPolicy:
                    egressPorts: [8080, 6379, 9092]
                """);

        assertViolations(ManifestChecks.unreachable(rendered, gateway(rendered), AUTH_URL),
                "no NetworkPolicy lets Deployment/customk9-gateway out to port 8081 of Deployment/customk9-auth");
    }

    @Test
    void reportsIngressThatAdmitsOtherPods() {
        RenderedChart rendered = Charts.render(Charts.UMBRELLA, """
                auth:
                  networkPolicy:
                    ingressFromPodLabels: {app.kubernetes.io/name: someone-else}
                    ingressFromReleasePods: false
                """);

        assertViolations(ManifestChecks.unreachable(rendered, gateway(rendered), AUTH_URL),
                "no NetworkPolicy lets Deployment/customk9-gateway in to port 8081 of Deployment/customk9-auth");
    }

    private static JsonNode gateway(RenderedChart rendered) {
        return rendered.object("Deployment", "customk9-gateway");
    }

    private ObjectNode container() {
        JsonNode deployment = service.object("Deployment", "demo");
        return (ObjectNode) containersOf(deployment).get(0);
    }

    private static void assertViolations(List<String> violations, String... expectedFragments) {
        for (String fragment : expectedFragments) {
            assertTrue(violations.stream().anyMatch(v -> v.contains(fragment)),
                    () -> "expected a violation mentioning \"" + fragment + "\" in " + violations);
        }
    }
}

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway subchart as the umbrella renders it: which certificates it trusts for https
 * upstreams. How it reaches the release's services is checked by {@link ServiceSubchartsTest},
 * the platform rules for every subchart there too.
 */
class GatewaySubchartTest {

    private static final String GATEWAY = "customk9-gateway";
    private static final String TRUST_ENV = "CUSTOMK9_GATEWAY_UPSTREAMS_TRUST_CERTIFICATES";

    private static RenderedChart defaults;

    @BeforeAll
    static void renderDefaults() {
        defaults = render(UMBRELLA);
    }

    @Test
    void trustsTheJdksCertificatesByDefault() {
        assertFalse(gatewayEnv(defaults).containsKey(TRUST_ENV));
        assertFalse(names(podSpec(defaults).path("volumes")).contains("upstream-trust"));
        assertFalse(names(gatewayContainer(defaults).path("volumeMounts")).contains("upstream-trust"));
    }

    @Test
    void trustsTheCertificatesOfAnExistingSecretMountedReadOnly() {
        RenderedChart rendered = render(UMBRELLA, """
                gateway:
                  upstreamTrust: {existingSecret: internal-ca, key: bundle.pem}
                """);
        JsonNode volume = named(podSpec(rendered).path("volumes"), "upstream-trust");
        JsonNode mount = named(gatewayContainer(rendered).path("volumeMounts"), "upstream-trust");

        assertEquals("internal-ca", volume.path("secret").path("secretName").asText());
        assertEquals("[{\"key\":\"bundle.pem\",\"path\":\"bundle.pem\"}]", volume.path("secret").path("items").toString(),
                "only the certificates' key of the Secret");
        assertFalse(volume.path("secret").path("optional").asBoolean(false), "a gateway told to trust a file needs it");
        assertTrue(mount.path("readOnly").asBoolean(false));
        assertTrue(mount.path("subPath").isMissingNode(), "a subPath mount would not see the Secret's updates");
        assertEquals(mount.path("mountPath").asText() + "/bundle.pem", gatewayEnv(rendered).get(TRUST_ENV).path("value").asText(),
                "the setting names the mounted file");
    }

    @Test
    void theSecretsKeyDefaultsToCaCrt() {
        RenderedChart rendered = render(UMBRELLA, """
                gateway:
                  upstreamTrust: {existingSecret: internal-ca}
                """);

        assertTrue(gatewayEnv(rendered).get(TRUST_ENV).path("value").asText().endsWith("/ca.crt"));
    }

    @Test
    void refusesAKeyThatIsNotAFileName() {
        for (String key : List.of("../etc/passwd", "a/b", "..", "")) {
            String message = Charts.renderFailure(UMBRELLA, """
                    gateway:
                      upstreamTrust: {existingSecret: internal-ca, key: "%s"}
                    """.formatted(key));
            assertTrue(message.contains("upstreamTrust") && message.contains("key"), key + ": " + message);
        }
        String message = Charts.renderFailure(UMBRELLA, """
                gateway:
                  upstreamTrust: {existingSecret: "Internal CA"}
                """);
        assertTrue(message.contains("existingSecret"), message);
    }

    @Test
    void notesListTheTrustSecretOnlyWhenOneIsSet() {
        String configured = Charts.notes(UMBRELLA, """
                gateway:
                  upstreamTrust: {existingSecret: internal-ca, key: bundle.pem}
                """);

        assertTrue(configured.contains("- internal-ca (key bundle.pem, PEM certificates): what the gateway trusts for https upstreams"),
                configured);
        assertFalse(Charts.notes(UMBRELLA, "").contains("https upstreams"));
    }

    private static JsonNode podSpec(RenderedChart rendered) {
        return podTemplateOf(rendered.object("Deployment", GATEWAY)).path("spec");
    }

    private static JsonNode gatewayContainer(RenderedChart rendered) {
        List<JsonNode> containers = containersOf(rendered.object("Deployment", GATEWAY));
        assertEquals(1, containers.size());
        return containers.get(0);
    }

    private static Map<String, JsonNode> gatewayEnv(RenderedChart rendered) {
        return envOf(gatewayContainer(rendered));
    }

    private static List<String> names(JsonNode list) {
        return RenderedChart.list(list).stream().map(item -> item.path("name").asText()).toList();
    }
}

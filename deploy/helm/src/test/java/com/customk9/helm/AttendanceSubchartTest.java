package com.customk9.helm;

import static com.customk9.helm.Charts.UMBRELLA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What is particular to attendance-service: the face models on a read-only volume, and no Odoo or Redis. */
class AttendanceSubchartTest {

    private static JsonNode volume(JsonNode deployment, String name) {
        for (JsonNode volume : RenderedChart.list(RenderedChart.podTemplateOf(deployment).path("spec").path("volumes"))) {
            if (name.equals(volume.path("name").asText())) {
                return volume;
            }
        }
        throw new AssertionError("no volume " + name);
    }

    @Test
    void mountsTheModelsReadOnlyAndTellsTheServiceWhere() {
        RenderedChart rendered = Charts.render(UMBRELLA);
        JsonNode attendance = rendered.object("Deployment", "customk9-attendance");
        JsonNode container = RenderedChart.containersOf(attendance).get(0);
        Map<String, JsonNode> env = RenderedChart.envOf(container);
        assertEquals("/models", env.get("CUSTOMK9_ATTENDANCE_FACE_MODELS_DIR").path("value").asText());
        assertEquals("0.40", env.get("CUSTOMK9_ATTENDANCE_FACE_RECOGNITION_THRESHOLD").path("value").asText());
        assertEquals("UTC", env.get("CUSTOMK9_ATTENDANCE_ZONE").path("value").asText());
        JsonNode mount = RenderedChart.list(container.path("volumeMounts")).stream()
                .filter(m -> "models".equals(m.path("name").asText())).findFirst().orElseThrow();
        assertEquals("/models", mount.path("mountPath").asText());
        assertTrue(mount.path("readOnly").asBoolean());
        // Without a claim: an empty folder (face endpoints answer 503), never a download.
        assertTrue(volume(attendance, "models").has("emptyDir"));
        assertFalse(env.containsKey("ODOO_URL"));
        assertFalse(env.containsKey("QUARKUS_REDIS_HOSTS"));
    }

    @Test
    void aClaimHoldsTheModelsWhenOneIsNamed() {
        RenderedChart rendered = Charts.render(UMBRELLA,
                "attendance:\n  models:\n    existingClaim: face-models\n    mountPath: /opt/models\n  zone: Europe/Paris\n");
        JsonNode attendance = rendered.object("Deployment", "customk9-attendance");
        JsonNode claim = volume(attendance, "models").path("persistentVolumeClaim");
        assertEquals("face-models", claim.path("claimName").asText());
        assertTrue(claim.path("readOnly").asBoolean());
        Map<String, JsonNode> env = RenderedChart.envOf(RenderedChart.containersOf(attendance).get(0));
        assertEquals("/opt/models", env.get("CUSTOMK9_ATTENDANCE_FACE_MODELS_DIR").path("value").asText());
        assertEquals("Europe/Paris", env.get("CUSTOMK9_ATTENDANCE_ZONE").path("value").asText());
    }

    @Test
    void theGatewayReachesItAndItReachesOnlyPostgresqlKafkaAndDns() {
        RenderedChart rendered = Charts.render(UMBRELLA);
        JsonNode gateway = rendered.object("Deployment", "customk9-gateway");
        assertEquals(List.of(), ManifestChecks.unreachable(rendered, gateway, "http://customk9-attendance:8080"));
        JsonNode policy = rendered.object("NetworkPolicy", "customk9-attendance");
        List<Integer> ports = RenderedChart.list(policy.path("spec").path("egress").get(0).path("ports")).stream()
                .map(port -> port.path("port").asInt()).toList();
        assertEquals(List.of(5432, 9092), ports);
    }

    @Test
    void refusesAThresholdOutsideZeroToOneAndAMountPathThatIsNotAbsolute() {
        String message = Charts.renderFailure(UMBRELLA, "attendance:\n  recognitionThreshold: \"1.5\"\n");
        assertTrue(message.contains("recognitionThreshold"), message);
        message = Charts.renderFailure(UMBRELLA, "attendance:\n  models:\n    existingClaim: \"\"\n    mountPath: models\n");
        assertTrue(message.contains("mountPath"), message);
    }
}

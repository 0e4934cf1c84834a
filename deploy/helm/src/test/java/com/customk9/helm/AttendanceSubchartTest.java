package com.customk9.helm;

import static com.customk9.helm.Charts.UMBRELLA;
import static com.customk9.helm.Charts.render;
import static com.customk9.helm.Charts.renderFailure;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What is particular to attendance-service: its own port (8085), database and Kafka but no Odoo,
 * Redis or JWT; the face models on a read-only volume; the site's zone and the recognition
 * threshold; a NetworkPolicy that lets in only the gateway and out only to PostgreSQL, Kafka and
 * DNS. The platform rules are checked for every subchart by {@link ServiceSubchartsTest}.
 */
class AttendanceSubchartTest {

    private static final String ATTENDANCE = "customk9-attendance";

    private static RenderedChart defaults;

    @BeforeAll
    static void renderDefaults() {
        defaults = render(UMBRELLA);
    }

    @Test
    void listensOnItsOwnPortBehindTheServicePortTheGatewayAssumes() {
        JsonNode container = attendanceContainer(defaults);
        Map<String, JsonNode> env = envOf(container);

        assertEquals("0.0.0.0", value(env, "QUARKUS_HTTP_HOST"));
        assertEquals("8085", value(env, "QUARKUS_HTTP_PORT"));
        assertEquals("[{\"name\":\"http\",\"containerPort\":8085,\"protocol\":\"TCP\"}]", container.path("ports").toString());
        assertEquals("/q/health/live", container.path("livenessProbe").path("httpGet").path("path").asText());
        assertEquals("/q/health/ready", container.path("readinessProbe").path("httpGet").path("path").asText());
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertEquals("http", container.path(probe).path("httpGet").path("port").asText(), probe);
        }
        assertEquals("[{\"name\":\"http\",\"port\":8080,\"targetPort\":\"http\",\"protocol\":\"TCP\"}]",
                defaults.object("Service", ATTENDANCE).path("spec").path("ports").toString());
    }

    @Test
    void usesItsOwnDatabaseAndKafkaButNeitherOdooNorRedisNorJwt() {
        Map<String, JsonNode> env = envOf(attendanceContainer(defaults));

        assertEquals("postgresql://postgresql:5432/customk9_attendance", value(env, "QUARKUS_DATASOURCE_REACTIVE_URL"));
        assertEquals("jdbc:postgresql://postgresql:5432/customk9_attendance?sslmode=require",
                value(env, "QUARKUS_DATASOURCE_JDBC_URL"));
        assertEquals("customk9-postgresql/username", secretRef(env.get("QUARKUS_DATASOURCE_USERNAME")));
        assertEquals("customk9-postgresql/password", secretRef(env.get("QUARKUS_DATASOURCE_PASSWORD")));
        assertEquals("kafka:9092", value(env, "KAFKA_BOOTSTRAP_SERVERS"));
        assertEquals(List.of(), env.keySet().stream()
                .filter(name -> name.startsWith("ODOO_") || name.startsWith("QUARKUS_REDIS_") || name.startsWith("MP_JWT_"))
                .toList());
    }

    @Test
    void mayUseADatabaseLoginOfItsOwn() {
        RenderedChart rendered = render(UMBRELLA, """
                attendance:
                  database: attendance
                  databaseExistingSecret: attendance-postgresql
                """);
        Map<String, JsonNode> env = envOf(attendanceContainer(rendered));

        assertEquals("postgresql://postgresql:5432/attendance", value(env, "QUARKUS_DATASOURCE_REACTIVE_URL"));
        assertEquals("attendance-postgresql/username", secretRef(env.get("QUARKUS_DATASOURCE_USERNAME")));
        assertEquals("attendance-postgresql/password", secretRef(env.get("QUARKUS_DATASOURCE_PASSWORD")));
    }

    @Test
    void siteZoneAndRecognitionThresholdHaveDefaultsAndAreValues() {
        Map<String, JsonNode> env = envOf(attendanceContainer(defaults));
        assertEquals("UTC", value(env, "CUSTOMK9_ATTENDANCE_ZONE"));
        assertEquals("0.4", value(env, "CUSTOMK9_ATTENDANCE_FACE_RECOGNITION_THRESHOLD"));

        Map<String, JsonNode> configured = envOf(attendanceContainer(render(UMBRELLA, """
                attendance:
                  zone: Europe/Berlin
                  face: {recognitionThreshold: 0.55}
                """)));
        assertEquals("Europe/Berlin", value(configured, "CUSTOMK9_ATTENDANCE_ZONE"));
        assertEquals("0.55", value(configured, "CUSTOMK9_ATTENDANCE_FACE_RECOGNITION_THRESHOLD"));
    }

    @Test
    void thePipelineDefaultsToTheFetchedModelsAndMayNameYuNetAndSFaceFiles() {
        Map<String, JsonNode> env = envOf(attendanceContainer(defaults));
        assertEquals("rfb320", value(env, "CUSTOMK9_ATTENDANCE_FACE_DETECTOR"));
        assertEquals("arcface", value(env, "CUSTOMK9_ATTENDANCE_FACE_RECOGNIZER"));
        assertFalse(env.containsKey("CUSTOMK9_ATTENDANCE_FACE_DETECTOR_MODEL"), env.keySet().toString());
        assertFalse(env.containsKey("CUSTOMK9_ATTENDANCE_FACE_RECOGNIZER_MODEL"), env.keySet().toString());

        Map<String, JsonNode> configured = envOf(attendanceContainer(render(UMBRELLA, """
                attendance:
                  face: {recognitionThreshold: 0.363, detector: yunet, recognizer: sface}
                  models: {existingClaim: face-models, detectorFile: yunet-2023mar.onnx, recognizerFile: sface_2021dec.onnx}
                """)));
        assertEquals("yunet", value(configured, "CUSTOMK9_ATTENDANCE_FACE_DETECTOR"));
        assertEquals("sface", value(configured, "CUSTOMK9_ATTENDANCE_FACE_RECOGNIZER"));
        assertEquals("yunet-2023mar.onnx", value(configured, "CUSTOMK9_ATTENDANCE_FACE_DETECTOR_MODEL"));
        assertEquals("sface_2021dec.onnx", value(configured, "CUSTOMK9_ATTENDANCE_FACE_RECOGNIZER_MODEL"));
        assertFalse(configured.containsKey("CUSTOMK9_ATTENDANCE_FACE_LANDMARKS_MODEL"), configured.keySet().toString());
    }

    @Test
    void withoutAClaimTheModelsDirectoryIsAnEmptyReadOnlyVolume() {
        JsonNode container = attendanceContainer(defaults);
        JsonNode pod = podTemplateOf(defaults.object("Deployment", ATTENDANCE)).path("spec");

        assertEquals("/models", value(envOf(container), "CUSTOMK9_ATTENDANCE_FACE_MODELS_DIR"));
        assertEquals("{\"name\":\"models\",\"mountPath\":\"/models\",\"readOnly\":true}", named(container.path("volumeMounts"), "models").toString());
        assertEquals("{\"name\":\"models\",\"emptyDir\":{}}", named(pod.path("volumes"), "models").toString());
    }

    @Test
    void modelsComeFromAnExistingClaimMountedReadOnly() {
        RenderedChart rendered = render(UMBRELLA, """
                attendance:
                  models:
                    existingClaim: face-models
                    mountPath: /opt/face-models
                """);
        JsonNode container = attendanceContainer(rendered);
        JsonNode pod = podTemplateOf(rendered.object("Deployment", ATTENDANCE)).path("spec");

        assertEquals("/opt/face-models", value(envOf(container), "CUSTOMK9_ATTENDANCE_FACE_MODELS_DIR"));
        JsonNode mount = named(container.path("volumeMounts"), "models");
        assertEquals("/opt/face-models", mount.path("mountPath").asText());
        assertTrue(mount.path("readOnly").asBoolean(), mount.toString());
        assertEquals("{\"name\":\"models\",\"persistentVolumeClaim\":{\"claimName\":\"face-models\",\"readOnly\":true}}",
                named(pod.path("volumes"), "models").toString());
        assertEquals(List.of(), ManifestChecks.serviceViolations(rendered.ofChart("attendance-0.1.0")));
    }

    @Test
    void requestsAndLimitsLeaveRoomForOpenCvAndTheModels() {
        JsonNode resources = attendanceContainer(defaults).path("resources");

        assertEquals("250m", resources.path("requests").path("cpu").asText());
        assertEquals("384Mi", resources.path("requests").path("memory").asText());
        assertEquals("2", resources.path("limits").path("cpu").asText());
        assertEquals("768Mi", resources.path("limits").path("memory").asText());
        // The heap (face templates) is half of the limit, not the JVM's default quarter.
        assertEquals("-XX:MaxRAMPercentage=50", value(envOf(attendanceContainer(defaults)), "JAVA_TOOL_OPTIONS"));
        assertEquals("-XX:MaxRAMPercentage=70", value(envOf(attendanceContainer(render(UMBRELLA, "attendance: {maxRamPercentage: 70}\n"))),
                "JAVA_TOOL_OPTIONS"));
    }

    @Test
    void theGatewayRoutesToItAndReachesIt() {
        JsonNode gateway = defaults.object("Deployment", "customk9-gateway");
        String upstream = value(envOf(containersOf(gateway).get(0)), "CUSTOMK9_GATEWAY_ROUTES_ATTENDANCE_UPSTREAM");

        assertEquals("http://customk9-attendance:8080", upstream);
        assertEquals(List.of(), ManifestChecks.unreachable(defaults, gateway, upstream + "/api/v1/status"));

        RenderedChart external = render(UMBRELLA, """
                gateway:
                  upstreams: {attendance: "http://attendance.site.example:8085"}
                """);
        assertEquals("http://attendance.site.example:8085", value(envOf(containersOf(
                external.object("Deployment", "customk9-gateway")).get(0)), "CUSTOMK9_GATEWAY_ROUTES_ATTENDANCE_UPSTREAM"));
    }

    @Test
    void letsInOnlyTheGatewayOnItsPort() {
        JsonNode ingress = defaults.object("NetworkPolicy", ATTENDANCE).path("spec").path("ingress");

        assertEquals(1, ingress.size());
        assertEquals("[{\"podSelector\":{\"matchLabels\":{\"app.kubernetes.io/instance\":\"customk9\","
                + "\"app.kubernetes.io/name\":\"gateway\"}}}]", ingress.get(0).path("from").toString());
        assertEquals("[{\"protocol\":\"TCP\",\"port\":\"http\"}]", ingress.get(0).path("ports").toString());
    }

    @Test
    void letsOutOnlyToPostgresqlKafkaAndDns() {
        JsonNode egress = defaults.object("NetworkPolicy", ATTENDANCE).path("spec").path("egress");

        assertEquals(2, egress.size());
        assertTrue(egress.get(0).path("to").isMissingNode());
        assertEquals(List.of("TCP/5432", "TCP/9092"), ports(egress.get(0)));
        assertEquals("[{\"namespaceSelector\":{}}]", egress.get(1).path("to").toString(), "DNS inside the cluster only");
        assertEquals(List.of("UDP/53", "TCP/53"), ports(egress.get(1)));
    }

    @Test
    void egressFollowsTheInfrastructurePorts() {
        JsonNode egress = render(UMBRELLA, """
                global:
                  postgresql: {port: 6432}
                  redis: {port: 6380}
                  kafka: {bootstrapServers: "b1.kafka:9093,b2.kafka:9093,b3.kafka:9094"}
                  odoo: {url: "https://erp.customk9.example"}
                attendance:
                  networkPolicy:
                    extraEgressPorts: [4317, 6432]
                """).object("NetworkPolicy", ATTENDANCE).path("spec").path("egress");

        assertEquals(List.of("TCP/6432", "TCP/9093", "TCP/9094", "TCP/4317"), ports(egress.get(0)));
    }

    @Test
    void conditionSwitchesAttendanceOffAndLeavesTheGateway() {
        RenderedChart rendered = render(UMBRELLA, "attendance:\n  enabled: false\n");

        assertEquals(List.of(), rendered.ofChart("attendance-0.1.0").objects());
        assertEquals(1, rendered.ofChart("gateway-0.1.0").objectsOfKind("Deployment").size());
        assertEquals(5, defaults.ofChart("attendance-0.1.0").objects().size(), "Deployment, Service, HPA, PDB, NetworkPolicy");
    }

    @Test
    void notesNameItsOwnLoginAndMissingModels() {
        String defaultNotes = Charts.notes(UMBRELLA, "");
        String configured = Charts.notes(UMBRELLA, """
                attendance:
                  databaseExistingSecret: attendance-postgresql
                  models: {existingClaim: face-models}
                """);

        assertTrue(defaultNotes.contains("attendance.models.existingClaim is empty"), defaultNotes);
        assertFalse(defaultNotes.contains("attendance's own PostgreSQL login"), defaultNotes);
        assertTrue(configured.contains("- attendance-postgresql (keys username, password): attendance's own PostgreSQL login"),
                configured);
        assertFalse(configured.contains("existingClaim is empty"), configured);
        assertFalse(Charts.notes(UMBRELLA, "attendance: {enabled: false}\n").contains("attendance"));
    }

    /** Each entry under attendance:, and the value Helm's schema error must name. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "models: {existingClaim: \"Face Models\"}    | '/models/existingClaim'",
        "models: {mountPath: models}                 | '/models/mountPath'",
        "models: {mountPath: /tmp}                   | '/models/mountPath'",
        "models: {mountPath: /}                      | '/models/mountPath'",
        "models: {password: hunter2}                 | 'password' not allowed",
        "face: {recognitionThreshold: 1.5}           | '/face/recognitionThreshold'",
        "face: {recognitionThreshold: \"0.4\"}       | '/face/recognitionThreshold'",
        "face: {apiKey: hunter2}                     | 'apiKey' not allowed",
        "face: {detector: haar}                      | '/face/detector'",
        "maxRamPercentage: 95                        | '/maxRamPercentage'",
        "face: {recognizer: lbph}                    | '/face/recognizer'",
        "models: {recognizerFile: ../etc/passwd}     | '/models/recognizerFile'",
        "models: {detectorFile: /abs/yunet.onnx}     | '/models/detectorFile'",
        "zone: \"Central European Time\"             | '/zone'",
        "databaseExistingSecret: \"Attendance DB\"   | '/databaseExistingSecret'",
        "jwksUrl: http://customk9-auth:8080/jwks     | 'jwksUrl' not allowed"
    })
    void refusesValuesThatWouldMisconfigureIt(String entry, String expected) {
        String message = renderFailure(UMBRELLA, "attendance:\n  " + entry.strip() + "\n");
        assertTrue(message.contains("attendance:") && message.contains(expected), message);
    }

    private static JsonNode attendanceContainer(RenderedChart rendered) {
        List<JsonNode> containers = containersOf(rendered.object("Deployment", ATTENDANCE));
        assertEquals(1, containers.size());
        return containers.get(0);
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

    private static List<String> ports(JsonNode rule) {
        return RenderedChart.list(rule.path("ports")).stream()
                .map(port -> port.path("protocol").asText() + "/" + port.path("port").asText())
                .collect(Collectors.toList());
    }
}

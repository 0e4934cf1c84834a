package com.customk9.helm;

import static com.customk9.helm.RenderedChart.containersOf;
import static com.customk9.helm.RenderedChart.describe;
import static com.customk9.helm.RenderedChart.envOf;
import static com.customk9.helm.RenderedChart.initContainersOf;
import static com.customk9.helm.RenderedChart.labelsOf;
import static com.customk9.helm.RenderedChart.nameOf;
import static com.customk9.helm.RenderedChart.podTemplateOf;
import static com.customk9.helm.RenderedChart.stringMap;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The platform's rules for rendered manifests (STYLE.md, Helm). Each check returns the violations
 * it finds as readable sentences; an empty list means compliant, so a failing assertion prints
 * exactly what is wrong.
 */
public final class ManifestChecks {

    public static final List<String> STANDARD_LABELS = List.of(
            "app.kubernetes.io/name",
            "app.kubernetes.io/instance",
            "app.kubernetes.io/version",
            "app.kubernetes.io/managed-by",
            "app.kubernetes.io/part-of",
            "helm.sh/chart");

    private static final Pattern SECRET_LOOKING_NAME =
            Pattern.compile("(?i).*(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|CREDENTIAL).*");

    /** "password=x", "token: x"... unless the value is only a $(VAR) reference. */
    private static final Pattern LITERAL_CREDENTIAL =
            Pattern.compile("(?i)(password|passwd|secret|token|api[_-]?key)\"?\\s*[=:]\\s*\"?(?!\\$\\()[^\\s\"';,}]+");

    /** "scheme://user:password@host". */
    private static final Pattern URL_WITH_PASSWORD = Pattern.compile("://[^/\\s:@]+:[^/\\s@]+@");

    private ManifestChecks() {
    }

    /** Every object carries the app.kubernetes.io/* and helm.sh/chart labels, and is part of customk9. */
    public static List<String> missingStandardLabels(RenderedChart chart) {
        List<String> violations = new ArrayList<>();
        for (JsonNode object : chart.objects()) {
            Map<String, String> labels = labelsOf(object);
            for (String label : STANDARD_LABELS) {
                if (labels.getOrDefault(label, "").isBlank()) {
                    violations.add(describe(object) + " lacks label " + label);
                }
            }
            if (labels.containsKey("app.kubernetes.io/part-of")
                    && !"customk9".equals(labels.get("app.kubernetes.io/part-of"))) {
                violations.add(describe(object) + " is not part-of customk9");
            }
        }
        return violations;
    }

    /**
     * No Secret is rendered, no credential is written literally, and every env var whose name looks
     * secret takes its value from a secretKeyRef.
     */
    public static List<String> credentialLeaks(RenderedChart chart) {
        List<String> violations = new ArrayList<>();
        for (JsonNode object : chart.objects()) {
            if ("Secret".equals(object.path("kind").asText())) {
                violations.add(describe(object) + " is rendered: credentials must come from an existingSecret");
            }
            if ("ConfigMap".equals(object.path("kind").asText())) {
                object.path("data").fieldNames().forEachRemaining(key -> {
                    if (SECRET_LOOKING_NAME.matcher(key).matches()) {
                        violations.add(describe(object) + " holds " + key + " in plain data");
                    }
                });
            }
            for (JsonNode container : allContainersOf(object)) {
                envOf(container).forEach((name, entry) -> {
                    if (SECRET_LOOKING_NAME.matcher(name).matches()
                            && entry.path("valueFrom").path("secretKeyRef").path("name").asText().isEmpty()) {
                        violations.add(describe(object) + " container " + container.path("name").asText()
                                + " sets " + name + " without a secretKeyRef");
                    }
                });
            }
            collectLiteralCredentials(object, describe(object), violations);
        }
        return violations;
    }

    /**
     * What every service subchart must render for each Deployment: probes, CPU and memory requests,
     * a restricted securityContext, and an HPA, a PodDisruptionBudget and a NetworkPolicy of its own.
     */
    public static List<String> serviceViolations(RenderedChart service) {
        List<String> violations = new ArrayList<>(missingStandardLabels(service));
        List<JsonNode> deployments = service.objectsOfKind("Deployment");
        if (deployments.isEmpty()) {
            violations.add("renders no Deployment");
        }
        for (JsonNode deployment : deployments) {
            String where = describe(deployment);
            Map<String, String> podLabels = stringMap(podTemplateOf(deployment).path("metadata").path("labels"));
            for (String label : STANDARD_LABELS) {
                if (!podLabels.containsKey(label)) {
                    violations.add(where + " pod template lacks label " + label);
                }
            }
            for (JsonNode container : containersOf(deployment)) {
                String inContainer = where + " container " + container.path("name").asText();
                for (String probe : List.of("livenessProbe", "readinessProbe")) {
                    if (!container.path(probe).isObject()) {
                        violations.add(inContainer + " has no " + probe);
                    }
                }
            }
            for (JsonNode container : allContainersOf(deployment)) {
                String inContainer = where + " container " + container.path("name").asText();
                JsonNode requests = container.path("resources").path("requests");
                for (String resource : List.of("cpu", "memory")) {
                    if (requests.path(resource).asText().isBlank()) {
                        violations.add(inContainer + " has no " + resource + " request");
                    }
                }
                violations.addAll(restrictedSecurityContextViolations(inContainer, container.path("securityContext")));
            }
            if (service.objectsOfKind("HorizontalPodAutoscaler").stream().noneMatch(hpa ->
                    "Deployment".equals(hpa.path("spec").path("scaleTargetRef").path("kind").asText())
                            && nameOf(deployment).equals(hpa.path("spec").path("scaleTargetRef").path("name").asText()))) {
                violations.add(where + " has no HorizontalPodAutoscaler");
            }
            if (service.objectsOfKind("PodDisruptionBudget").stream().noneMatch(pdb ->
                    selects(pdb.path("spec").path("selector"), podLabels))) {
                violations.add(where + " has no PodDisruptionBudget selecting its pods");
            }
            if (service.objectsOfKind("NetworkPolicy").stream().noneMatch(policy ->
                    selects(policy.path("spec").path("podSelector"), podLabels)
                            && stringList(policy.path("spec").path("policyTypes")).containsAll(List.of("Ingress", "Egress")))) {
                violations.add(where + " has no NetworkPolicy for Ingress and Egress selecting its pods");
            }
        }
        return violations;
    }

    static List<String> restrictedSecurityContextViolations(String where, JsonNode securityContext) {
        List<String> violations = new ArrayList<>();
        if (!securityContext.path("runAsNonRoot").asBoolean(false)) {
            violations.add(where + " does not set runAsNonRoot: true");
        }
        if (securityContext.path("allowPrivilegeEscalation").asBoolean(true)) {
            violations.add(where + " does not set allowPrivilegeEscalation: false");
        }
        if (!securityContext.path("readOnlyRootFilesystem").asBoolean(false)) {
            violations.add(where + " does not set readOnlyRootFilesystem: true");
        }
        if (securityContext.path("privileged").asBoolean(false)) {
            violations.add(where + " is privileged");
        }
        if (!stringList(securityContext.path("capabilities").path("drop")).contains("ALL")) {
            violations.add(where + " does not drop ALL capabilities");
        }
        if (!securityContext.path("capabilities").path("add").isEmpty()) {
            violations.add(where + " adds capabilities");
        }
        if (!"RuntimeDefault".equals(securityContext.path("seccompProfile").path("type").asText())) {
            violations.add(where + " does not use seccompProfile RuntimeDefault");
        }
        return violations;
    }

    /** A label selector with matchLabels, all of which the pod carries. */
    private static boolean selects(JsonNode selector, Map<String, String> podLabels) {
        Map<String, String> matchLabels = stringMap(selector.path("matchLabels"));
        return !matchLabels.isEmpty() && podLabels.entrySet().containsAll(matchLabels.entrySet());
    }

    private static List<JsonNode> allContainersOf(JsonNode object) {
        return Stream.concat(containersOf(object).stream(), initContainersOf(object).stream()).toList();
    }

    private static List<String> stringList(JsonNode node) {
        List<String> list = new ArrayList<>();
        node.forEach(item -> list.add(item.asText()));
        return list;
    }

    private static void collectLiteralCredentials(JsonNode node, String path, List<String> violations) {
        if (node.isTextual()) {
            if (LITERAL_CREDENTIAL.matcher(node.asText()).find() || URL_WITH_PASSWORD.matcher(node.asText()).find()) {
                violations.add(path + " holds a literal credential: " + node.asText());
            }
        } else if (node.isObject()) {
            node.properties().forEach(e -> collectLiteralCredentials(e.getValue(), path + "." + e.getKey(), violations));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectLiteralCredentials(node.get(i), path + "[" + i + "]", violations);
            }
        }
    }
}

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
import java.net.URI;
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

    /**
     * Settings about a secret rather than the secret: ..._ACCESS_TOKEN_TTL, ..._KEY_DIRECTORY,
     * ..._PASSWORD_RESET_LINK_BASE (a URL's value is still checked for an embedded password).
     */
    private static final Pattern SECRET_SETTING_NAME =
            Pattern.compile("(?i).*_(TTL|TIMEOUT|LIFETIME|MAX_AGE|DIRECTORY|PATH|FILE|URL|LINK_BASE)");

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
                    if (SECRET_LOOKING_NAME.matcher(name).matches() && !SECRET_SETTING_NAME.matcher(name).matches()
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
     * What every service subchart must render for each Deployment: probes, CPU and memory requests
     * and a memory limit, a restricted securityContext with a read-only root filesystem and a
     * writable emptyDir at /tmp, and an HPA, a PodDisruptionBudget and a NetworkPolicy of its own.
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
                if (container.path("resources").path("limits").path("memory").asText().isBlank()) {
                    violations.add(inContainer + " has no memory limit");
                }
                violations.addAll(restrictedSecurityContextViolations(inContainer, container.path("securityContext")));
                if (!mountsWritableEmptyDir(deployment, container, "/tmp")) {
                    violations.add(inContainer + " has no writable emptyDir at /tmp (its root filesystem is read-only)");
                }
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

    /** The container mounts, writable, a volume of the pod that is an emptyDir, at {@code path}. */
    private static boolean mountsWritableEmptyDir(JsonNode workload, JsonNode container, String path) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if (path.equals(mount.path("mountPath").asText()) && !mount.path("readOnly").asBoolean(false)) {
                for (JsonNode volume : podTemplateOf(workload).path("spec").path("volumes")) {
                    if (volume.path("name").asText().equals(mount.path("name").asText()) && volume.has("emptyDir")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Why {@code client}'s pods cannot reach {@code url} ("http://service:port/...") inside the
     * namespace: the Service, the port it forwards to, the pods behind it, and the NetworkPolicies
     * (egress of the client, ingress of the target) as Kubernetes evaluates them: at the pod's port,
     * allowed by any policy selecting the pod, or by none when no policy of that type selects it.
     * Empty: reachable. Peers with a namespaceSelector count as matching only when it is empty
     * (every namespace); ipBlock peers never match a pod.
     */
    public static List<String> unreachable(RenderedChart chart, JsonNode client, String url) {
        List<String> violations = new ArrayList<>();
        String where = describe(client) + " -> " + url;
        URI uri = URI.create(url);
        List<JsonNode> services = chart.objectsOfKind("Service").stream()
                .filter(service -> nameOf(service).equals(uri.getHost())).toList();
        if (services.isEmpty()) {
            return List.of(where + ": no Service named " + uri.getHost());
        }
        JsonNode service = services.get(0);
        int port = uri.getPort() < 0 ? ("https".equals(uri.getScheme()) ? 443 : 80) : uri.getPort();
        JsonNode servicePort = null;
        for (JsonNode candidate : service.path("spec").path("ports")) {
            if (candidate.path("port").asInt() == port) {
                servicePort = candidate;
            }
        }
        if (servicePort == null) {
            return List.of(where + ": Service/" + nameOf(service) + " has no port " + port);
        }
        Map<String, String> selector = stringMap(service.path("spec").path("selector"));
        List<JsonNode> targets = chart.objectsOfKind("Deployment").stream().filter(deployment -> !selector.isEmpty()
                && stringMap(podTemplateOf(deployment).path("metadata").path("labels")).entrySet()
                        .containsAll(selector.entrySet())).toList();
        if (targets.isEmpty()) {
            return List.of(where + ": Service/" + nameOf(service) + " selects no Deployment's pods");
        }
        Map<String, String> clientPod = stringMap(podTemplateOf(client).path("metadata").path("labels"));
        JsonNode targetPort = servicePort.path("targetPort").isMissingNode() ? servicePort.path("port") : servicePort.path("targetPort");
        for (JsonNode target : targets) {
            Map<String, String> targetPod = stringMap(podTemplateOf(target).path("metadata").path("labels"));
            JsonNode containerPort = containerPort(target, targetPort);
            if (containerPort == null) {
                violations.add(where + ": no container of " + describe(target) + " has port " + targetPort.asText());
                continue;
            }
            if (!allowedBy(chart, "Egress", clientPod, targetPod, containerPort)) {
                violations.add(where + ": no NetworkPolicy lets " + describe(client) + " out to port "
                        + containerPort.path("containerPort").asInt() + " of " + describe(target));
            }
            if (!allowedBy(chart, "Ingress", targetPod, clientPod, containerPort)) {
                violations.add(where + ": no NetworkPolicy lets " + describe(client) + " in to port "
                        + containerPort.path("containerPort").asInt() + " of " + describe(target));
            }
        }
        return violations;
    }

    /** The containerPort entry a Service targetPort (number or name) designates; null when none. */
    private static JsonNode containerPort(JsonNode workload, JsonNode targetPort) {
        for (JsonNode container : containersOf(workload)) {
            for (JsonNode port : container.path("ports")) {
                if (targetPort.isInt() ? port.path("containerPort").asInt() == targetPort.asInt()
                        : port.path("name").asText().equals(targetPort.asText())) {
                    return port;
                }
            }
        }
        return null;
    }

    /** Traffic of one direction between the selected pod and a peer pod of the namespace is allowed. */
    private static boolean allowedBy(RenderedChart chart, String type, Map<String, String> pod, Map<String, String> peer,
            JsonNode containerPort) {
        List<JsonNode> policies = chart.objectsOfKind("NetworkPolicy").stream()
                .filter(policy -> matches(policy.path("spec").path("podSelector"), pod)
                        && stringList(policy.path("spec").path("policyTypes")).contains(type)).toList();
        if (policies.isEmpty()) {
            return true;
        }
        String rules = "Ingress".equals(type) ? "ingress" : "egress";
        String peers = "Ingress".equals(type) ? "from" : "to";
        for (JsonNode policy : policies) {
            for (JsonNode rule : policy.path("spec").path(rules)) {
                boolean peerMatches = rule.path(peers).isEmpty();
                for (JsonNode candidate : rule.path(peers)) {
                    boolean namespaceMatches = !candidate.has("namespaceSelector") || candidate.path("namespaceSelector").isEmpty();
                    boolean podMatches = candidate.has("podSelector") ? matches(candidate.path("podSelector"), peer)
                            : candidate.has("namespaceSelector");
                    peerMatches |= namespaceMatches && podMatches;
                }
                boolean portMatches = rule.path("ports").isEmpty();
                for (JsonNode port : rule.path("ports")) {
                    boolean tcp = port.path("protocol").asText("TCP").equals("TCP");
                    JsonNode number = port.path("port");
                    portMatches |= tcp && (number.isMissingNode()
                            || (number.isInt() ? number.asInt() == containerPort.path("containerPort").asInt()
                                    : number.asText().equals(containerPort.path("name").asText())));
                }
                if (peerMatches && portMatches) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A label selector (matchLabels only; empty selects everything) the labels satisfy. */
    private static boolean matches(JsonNode selector, Map<String, String> labels) {
        return labels.entrySet().containsAll(stringMap(selector.path("matchLabels")).entrySet());
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

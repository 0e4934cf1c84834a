package com.customk9.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The objects of a {@code helm template} output, parsed from its YAML documents. */
public final class RenderedChart {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();

    private final String text;
    private final List<JsonNode> objects;

    private RenderedChart(String text, List<JsonNode> objects) {
        this.text = text;
        this.objects = objects;
    }

    public static RenderedChart parse(String manifests) {
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(manifests)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && document.isObject() && !document.isEmpty()) {
                    objects.add(document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("rendered manifests are not valid YAML", e);
        }
        return new RenderedChart(manifests, objects);
    }

    /** The manifests as Helm printed them. */
    public String text() {
        return text;
    }

    /** Every rendered object, in output order; the nodes are live, so tests may alter them. */
    public List<JsonNode> objects() {
        return objects;
    }

    public List<JsonNode> objectsOfKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    /** The one object of that kind and name; fails the test when absent. */
    public JsonNode object(String kind, String name) {
        return objectsOfKind(kind).stream()
                .filter(o -> name.equals(nameOf(o)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name + " in:\n" + text));
    }

    /** Only the objects rendered by one chart, told by their {@code helm.sh/chart} label ("name-version"). */
    public RenderedChart ofChart(String chartLabel) {
        return filter(o -> chartLabel.equals(labelsOf(o).get("helm.sh/chart")));
    }

    public RenderedChart filter(Predicate<JsonNode> predicate) {
        return new RenderedChart(text, objects.stream().filter(predicate).toList());
    }

    public static String nameOf(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    /** "Kind/name", to say which object an assertion is about. */
    public static String describe(JsonNode object) {
        return object.path("kind").asText() + "/" + nameOf(object);
    }

    public static Map<String, String> labelsOf(JsonNode object) {
        return stringMap(object.path("metadata").path("labels"));
    }

    /** The pod template of a Deployment, StatefulSet, DaemonSet or Job; missing node otherwise. */
    public static JsonNode podTemplateOf(JsonNode workload) {
        return workload.path("spec").path("template");
    }

    /** Containers (not init containers) of a workload's pod template. */
    public static List<JsonNode> containersOf(JsonNode workload) {
        return list(podTemplateOf(workload).path("spec").path("containers"));
    }

    public static List<JsonNode> initContainersOf(JsonNode workload) {
        return list(podTemplateOf(workload).path("spec").path("initContainers"));
    }

    /** The item of a list of named things (volumes, volume mounts, containers, env) with that name; fails when none is. */
    public static JsonNode named(JsonNode list, String name) {
        for (JsonNode item : list) {
            if (name.equals(item.path("name").asText())) {
                return item;
            }
        }
        throw new AssertionError("nothing named " + name + " in " + list);
    }

    /** Env var entries of a container, by name. */
    public static Map<String, JsonNode> envOf(JsonNode container) {
        Map<String, JsonNode> env = new LinkedHashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e));
        return env;
    }

    static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        node.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    static List<JsonNode> list(JsonNode node) {
        List<JsonNode> list = new ArrayList<>();
        node.forEach(list::add);
        return list;
    }
}

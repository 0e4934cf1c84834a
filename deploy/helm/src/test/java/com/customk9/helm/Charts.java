package com.customk9.helm;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the charts are and how the tests lint and render them (helm-java: Helm in-process, offline). */
public final class Charts {

    /** The umbrella chart; surefire runs the tests from the module directory. */
    public static final Path UMBRELLA = Path.of("customk9").toAbsolutePath();

    /** A service subchart that follows every platform rule, plugged in by the tests that need a service. */
    public static final Path SAMPLE_SERVICE = Path.of("src/test/resources/charts/sample").toAbsolutePath();

    public static final String RELEASE = "customk9";
    public static final String NAMESPACE = "customk9";

    private Charts() {
    }

    public static LintResult lintStrict(Path chart) {
        return new Helm(chart).lint().strict().call();
    }

    /** {@code helm template} with the chart's defaults. */
    public static RenderedChart render(Path chart) {
        return render(chart, "");
    }

    /** {@code helm template -f values}, the values given as YAML text. */
    public static RenderedChart render(Path chart, String valuesYaml) {
        Path valuesFile = valuesFile(valuesYaml);
        try {
            TemplateCommand template = new Helm(chart).template().withName(RELEASE).withNamespace(NAMESPACE);
            if (valuesFile != null) {
                template.withValuesFile(valuesFile);
            }
            return RenderedChart.parse(template.call());
        } finally {
            deleteQuietly(valuesFile);
        }
    }

    /** NOTES.txt as {@code helm install --dry-run=client} prints it (helm template leaves it out). */
    public static String notes(Path chart, String valuesYaml) {
        Path valuesFile = valuesFile(valuesYaml);
        try {
            InstallCommand install = new Helm(chart).install()
                    .withName(RELEASE).withNamespace(NAMESPACE).dryRun().clientOnly();
            if (valuesFile != null) {
                install.withValuesFile(valuesFile);
            }
            String output = install.call().getOutput();
            int notes = output.indexOf("NOTES:");
            if (notes < 0) {
                throw new AssertionError("no NOTES in the install output:\n" + output);
            }
            return output.substring(notes + "NOTES:".length());
        } finally {
            deleteQuietly(valuesFile);
        }
    }

    /** Renders expecting Helm to refuse (schema or template error); returns Helm's message. */
    public static String renderFailure(Path chart, String valuesYaml) {
        return assertThrows(IllegalStateException.class, () -> render(chart, valuesYaml),
                "Helm rendered values it should have refused:\n" + valuesYaml).getMessage();
    }

    /** Service subcharts of an umbrella: the chart directories under its charts/. */
    public static List<Path> serviceSubcharts(Path umbrella) {
        Path charts = umbrella.resolve("charts");
        if (!Files.isDirectory(charts)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(charts)) {
            return entries.filter(dir -> Files.isRegularFile(dir.resolve("Chart.yaml"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode chartYaml(Path chart) {
        try {
            return RenderedChart.YAML.readTree(chart.resolve("Chart.yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The helm.sh/chart label value of a chart's objects: "name-version". */
    public static String chartLabel(Path chart) {
        JsonNode chartYaml = chartYaml(chart);
        return chartYaml.path("name").asText() + "-" + chartYaml.path("version").asText().replace('+', '_');
    }

    /**
     * Copies the umbrella into {@code workDir} and plugs a service subchart into the copy the way
     * deploy/helm/README.md tells: the chart under charts/NAME, a Chart.yaml dependency with
     * {@code condition: NAME.enabled}, and NAME declared in values.schema.json.
     */
    public static Path umbrellaWithService(Path workDir, Path serviceChart) {
        try {
            Path umbrella = workDir.resolve("customk9");
            copyTree(UMBRELLA, umbrella);
            JsonNode service = chartYaml(serviceChart);
            String name = service.path("name").asText();
            copyTree(serviceChart, umbrella.resolve("charts").resolve(name));

            Path chartYamlFile = umbrella.resolve("Chart.yaml");
            ObjectNode chartYaml = (ObjectNode) RenderedChart.YAML.readTree(chartYamlFile.toFile());
            ArrayNode dependencies = chartYaml.has("dependencies")
                    ? (ArrayNode) chartYaml.get("dependencies") : chartYaml.putArray("dependencies");
            dependencies.addObject()
                    .put("name", name)
                    .put("version", service.path("version").asText())
                    .put("condition", name + ".enabled");
            RenderedChart.YAML.writeValue(chartYamlFile.toFile(), chartYaml);

            Path schemaFile = umbrella.resolve("values.schema.json");
            ObjectNode schema = (ObjectNode) RenderedChart.JSON.readTree(schemaFile.toFile());
            ((ObjectNode) schema.get("properties")).putObject(name).put("type", "object");
            RenderedChart.JSON.writerWithDefaultPrettyPrinter().writeValue(schemaFile.toFile(), schema);
            return umbrella;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    /** The values in a temporary file, or null when there are none. */
    private static Path valuesFile(String valuesYaml) {
        if (valuesYaml.isBlank()) {
            return null;
        }
        try {
            Path file = Files.createTempFile("values-", ".yaml");
            Files.writeString(file, valuesYaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
        }
    }
}

package com.customk9.helm;

import static com.customk9.helm.Charts.UMBRELLA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every service subchart under customk9/charts/ meets the platform rules. A new subchart is
 * picked up by being there; with none, there is nothing to check yet.
 */
class ServiceSubchartsTest {

    @TestFactory
    Stream<DynamicTest> everyServiceSubchartMeetsThePlatformRules() {
        return platformRules(UMBRELLA);
    }

    @Test
    void keepsServiceSubchartsAsChartDirectories() throws IOException {
        Path charts = UMBRELLA.resolve("charts");
        List<Path> others = List.of();
        if (Files.isDirectory(charts)) {
            try (Stream<Path> entries = Files.list(charts)) {
                others = entries.filter(entry -> !Charts.serviceSubcharts(UMBRELLA).contains(entry)).toList();
            }
        }

        assertEquals(List.of(), others, "charts/ may hold only chart directories, which these tests check");
    }

    /**
     * Every upstream the gateway is given by default that is a Service of this release (the JWKS
     * and the routes) is one it can reach: the Service has that port, forwards to a port of the
     * service's pods, and the NetworkPolicies let the gateway out to it and in there.
     */
    @Test
    void gatewayReachesTheServicesOfTheReleaseItRoutesTo() {
        RenderedChart rendered = Charts.render(UMBRELLA);
        JsonNode gateway = rendered.object("Deployment", "customk9-gateway");
        List<String> services = rendered.objectsOfKind("Service").stream().map(RenderedChart::nameOf).toList();

        List<String> checked = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        RenderedChart.envOf(RenderedChart.containersOf(gateway).get(0)).forEach((name, entry) -> {
            String url = entry.path("value").asText();
            if (name.matches("CUSTOMK9_GATEWAY_(ROUTES_.+_UPSTREAM|JWT_JWKS_URL)")
                    && services.contains(URI.create(url).getHost())) {
                checked.add(name);
                violations.addAll(ManifestChecks.unreachable(rendered, gateway, url));
            }
        });

        assertTrue(checked.containsAll(List.of("CUSTOMK9_GATEWAY_JWT_JWKS_URL", "CUSTOMK9_GATEWAY_ROUTES_AUTH_UPSTREAM",
                "CUSTOMK9_GATEWAY_ROUTES_AUTH_PUBLIC_UPSTREAM", "CUSTOMK9_GATEWAY_ROUTES_TRAINING_UPSTREAM",
                "CUSTOMK9_GATEWAY_ROUTES_FILES_UPSTREAM", "CUSTOMK9_GATEWAY_ROUTES_ATTENDANCE_UPSTREAM")),
                "the routes to the release's subcharts were not all checked: " + checked);
        assertEquals(List.of(), violations);
    }

    /** Per subchart of {@code umbrella}: it is a conditional dependency, and what it renders passes {@link ManifestChecks}. */
    static Stream<DynamicTest> platformRules(Path umbrella) {
        return Charts.serviceSubcharts(umbrella).stream().flatMap(subchart -> {
            String name = Charts.chartYaml(subchart).path("name").asText();
            return Stream.of(
                    dynamicTest(name + " is a dependency switched by " + name + ".enabled",
                            () -> assertEquals(name + ".enabled", conditionOf(umbrella, name))),
                    dynamicTest(name + " renders a compliant service", () -> {
                        RenderedChart service = Charts.render(umbrella, name + ":\n  enabled: true\n")
                                .ofChart(Charts.chartLabel(subchart));
                        assertFalse(service.objects().isEmpty(), name + " rendered nothing");
                        assertEquals(List.of(), ManifestChecks.serviceViolations(service));
                        assertEquals(List.of(), ManifestChecks.credentialLeaks(service));
                    }),
                    dynamicTest(name + "'s schema rejects unknown keys, such as a literal password", () -> {
                        for (String key : List.of("password", "notAValue")) {
                            String message = Charts.renderFailure(umbrella, name + ":\n  " + key + ": hunter2\n");
                            assertTrue(message.contains(name) && message.contains("'" + key + "' not allowed"), message);
                        }
                    }));
        });
    }

    private static String conditionOf(Path umbrella, String subchart) {
        for (JsonNode dependency : Charts.chartYaml(umbrella).path("dependencies")) {
            if (subchart.equals(dependency.path("name").asText())) {
                return dependency.path("condition").asText();
            }
        }
        return "(not listed in " + umbrella.resolve("Chart.yaml") + " dependencies)";
    }
}

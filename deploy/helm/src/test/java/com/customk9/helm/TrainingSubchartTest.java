package com.customk9.helm;

import static com.customk9.helm.Charts.UMBRELLA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What is particular to training-service: it checks tokens against auth-service's JWKS, and takes uploads. */
class TrainingSubchartTest {

    @Test
    void checksTokensAgainstTheJwksOfThisReleasesAuthService() {
        RenderedChart rendered = Charts.render(UMBRELLA);
        JsonNode training = rendered.object("Deployment", "customk9-training");
        Map<String, JsonNode> env = RenderedChart.envOf(RenderedChart.containersOf(training).get(0));

        String jwks = env.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION").path("value").asText();
        assertEquals("http://customk9-auth:8080/.well-known/jwks.json", jwks);
        assertEquals("customk9-auth", env.get("MP_JWT_VERIFY_ISSUER").path("value").asText());
        assertEquals("customk9", env.get("MP_JWT_VERIFY_AUDIENCES").path("value").asText());
        assertEquals(List.of(), ManifestChecks.unreachable(rendered, training, jwks));
    }

    @Test
    void anExternalJwksUrlAndUploadLimitAreValues() {
        RenderedChart rendered = Charts.render(UMBRELLA,
                "training:\n  jwksUrl: https://auth.customk9.example/.well-known/jwks.json\n  maxUploadSize: 20M\n"
                        + "  maxRequestBodySize: 21M\n");
        Map<String, JsonNode> env = RenderedChart.envOf(
                RenderedChart.containersOf(rendered.object("Deployment", "customk9-training")).get(0));

        assertEquals("https://auth.customk9.example/.well-known/jwks.json",
                env.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION").path("value").asText());
        assertEquals("20M", env.get("CUSTOMK9_FILES_MAX_SIZE").path("value").asText());
        assertEquals("21M", env.get("QUARKUS_HTTP_LIMITS_MAX_BODY_SIZE").path("value").asText());
    }

    @Test
    void refusesAnUploadLimitThatIsNotASize() {
        String message = Charts.renderFailure(UMBRELLA, "training:\n  maxUploadSize: lots\n");
        assertTrue(message.contains("maxUploadSize"), message);
    }
}

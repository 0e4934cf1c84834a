package com.customk9.emulator.fault;

import static com.customk9.emulator.jsonrpc.OdooTestClient.admin;
import static com.customk9.emulator.jsonrpc.OdooTestClient.executeKw;
import static com.customk9.emulator.jsonrpc.OdooTestClient.integrationApiKey;
import static com.customk9.emulator.jsonrpc.OdooTestClient.integrationUid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class RequestStatsTest {

    private static long calls(JsonPath stats, String surface, String model, String method) {
        List<Map<String, Object>> calls = stats.getList("calls");
        return calls.stream()
                .filter(c -> surface.equals(c.get("surface")) && java.util.Objects.equals(model, c.get("model"))
                        && method.equals(c.get("method")))
                .mapToLong(c -> ((Number) c.get("count")).longValue()).sum();
    }

    @Test
    void countsRequestsPerSurfaceModelAndMethod() {
        long uid = integrationUid();
        admin().delete("/emulator/stats").then().statusCode(200).body("total_requests", equalTo(0));

        for (int i = 0; i < 3; i++) {
            executeKw(uid, integrationApiKey(), "res.partner", "search_read", List.of(List.of()), Map.of("limit", 1));
        }
        executeKw(uid, integrationApiKey(), "customk9.dog", "search_count", List.of(List.of()), Map.of());
        given().header("api-key", integrationApiKey()).get("/api/v2/search/res.partner?limit=1").then().statusCode(200);
        given().get("/api/v2/test").then().statusCode(200);

        JsonPath stats = admin().get("/emulator/stats").then().statusCode(200).extract().jsonPath();
        assertThat(stats.getLong("total_requests")).isEqualTo(6);
        assertThat(stats.getLong("requests.jsonrpc")).isEqualTo(4);
        assertThat(stats.getLong("requests.api_v2")).isEqualTo(2);
        assertThat(calls(stats, "jsonrpc", "res.partner", "search_read")).isEqualTo(3);
        assertThat(calls(stats, "jsonrpc", "customk9.dog", "search_count")).isEqualTo(1);
        assertThat(calls(stats, "api_v2", "res.partner", "search")).isEqualTo(1);
        assertThat(calls(stats, "api_v2", null, "test")).isEqualTo(1);
    }

    @Test
    void adminCallsAreNotCounted() {
        admin().delete("/emulator/stats").then().statusCode(200);
        admin().get("/emulator/faults").then().statusCode(200);
        admin().get("/emulator/stats").then().body("total_requests", equalTo(0));
    }
}

package com.customk9.training.support;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The Odoo emulator embedded in the test application: its admin endpoints, and Odoo itself as a client sees it. */
public final class Emulator {

    private static final String ADMIN_TOKEN_HEADER = "X-Emulator-Admin-Token";
    private static final String ADMIN_TOKEN = "customk9-emulator-local-admin";
    private static final String INTEGRATION_KEY = "ck9-local-integration-key";

    private Emulator() {
    }

    public static void clearFaults() {
        admin().delete("/emulator/faults").then().statusCode(200);
    }

    /** Odoo down: "close" (connections dropped), "502" or "503". */
    public static void outage(String mode) {
        admin().body(Map.of("mode", mode)).put("/emulator/faults/outage").then().statusCode(200);
    }

    /** Requests under {@code pathPrefix} take {@code ms} longer (e.g. to widen a race window). */
    public static void latency(int ms, String pathPrefix) {
        admin().body(Map.of("ms", ms, "path_prefix", pathPrefix)).put("/emulator/faults/latency").then().statusCode(200);
    }

    /** Every request under {@code pathPrefix} fails as Odoo reports server errors. */
    public static void failRequests(String pathPrefix) {
        admin().body(Map.of("rate", 1.0, "style", "odoo", "path_prefix", pathPrefix, "seed", 1))
                .put("/emulator/faults/error-rate").then().statusCode(200);
    }

    public static void clearStats() {
        admin().delete("/emulator/stats").then().statusCode(200);
    }

    /** Calls of {@code method} on {@code model} through {@code surface} ("api_v2", "jsonrpc", "web") since the stats were cleared. */
    public static long calls(String surface, String model, String method) {
        java.util.List<Map<String, Object>> calls = admin().get("/emulator/stats").then().statusCode(200)
                .extract().jsonPath().getList("calls");
        return calls.stream()
                .filter(call -> surface.equals(call.get("surface")) && model.equals(call.get("model"))
                        && method.equals(call.get("method")))
                .mapToLong(call -> ((Number) call.get("count")).longValue())
                .sum();
    }

    /** Records of a model as the integration user reads them through /api/v2 (the {@code data} of the answer). */
    public static RequestSpecification asIntegration() {
        return given().header("api-key", INTEGRATION_KEY);
    }

    private static RequestSpecification admin() {
        return given().header(ADMIN_TOKEN_HEADER, ADMIN_TOKEN).contentType(ContentType.JSON);
    }
}

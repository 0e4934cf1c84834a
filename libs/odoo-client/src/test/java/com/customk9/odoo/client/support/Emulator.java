package com.customk9.odoo.client.support;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;

/**
 * The embedded odoo-emulator's admin controls (faults, request counts, reset), the demo data the
 * tests rely on, and a blocking wait for a client call.
 */
public final class Emulator {

    public static final String ADMIN_TOKEN_HEADER = "X-Emulator-Admin-Token";
    public static final String ADMIN_TOKEN = "customk9-emulator-local-admin";

    public static final String ADMIN_LOGIN = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    public static final String TRAINER_LOGIN = "sarah.trainer@customk9.example";
    public static final String TRAINER_PASSWORD = "trainer";
    public static final String CLIENT_LOGIN = "anna.client@customk9.example";
    public static final String CLIENT_PASSWORD = "client";
    public static final long ANNA_UID = 6;
    public static final long ANNA_PARTNER = 7;
    public static final long BEN_PARTNER = 8;
    public static final long DOG_REX = 1;
    public static final long DOG_BELLA = 2;
    public static final long DOG_MAX = 3;

    /** quarkus.http.test-port: the emulator answers on the test application's port. */
    public static final int PORT = 18070;

    public static final Duration WAIT = Duration.ofSeconds(20);

    private Emulator() {
    }

    public static <T> T await(Uni<T> uni) {
        return uni.await().atMost(WAIT);
    }

    public static void reset() {
        admin().post("/emulator/reset").then().statusCode(200);
    }

    public static void clearFaults() {
        admin().delete("/emulator/faults").then().statusCode(200);
    }

    public static void clearStats() {
        admin().delete("/emulator/stats").then().statusCode(200);
    }

    public static void latency(long millis, String pathPrefix) {
        admin().body(Map.of("ms", millis, "path_prefix", pathPrefix)).put("/emulator/faults/latency").then().statusCode(200);
    }

    /** A share of requests on {@code pathPrefix} fails: "odoo" as Odoo reports errors, "http" as bare 500 pages. */
    public static void errorRate(double rate, String style, String pathPrefix) {
        errorRate(rate, style, pathPrefix, 42);
    }

    /** The same with the seed of the emulator's random draws, for a predictable sequence. */
    public static void errorRate(double rate, String style, String pathPrefix, long seed) {
        admin().body(Map.of("rate", rate, "style", style, "path_prefix", pathPrefix, "seed", seed))
                .put("/emulator/faults/error-rate").then().statusCode(200);
    }

    /** Odoo down: "close" (connections dropped), "502" or "503". */
    public static void outage(String mode) {
        admin().body(Map.of("mode", mode)).put("/emulator/faults/outage").then().statusCode(200);
    }

    public static void endOutage() {
        admin().delete("/emulator/faults/outage").then().statusCode(200);
    }

    public static void serializationFailures(int count) {
        admin().body(Map.of("count", count)).post("/emulator/faults/serialization-failures").then().statusCode(200);
    }

    public static void expireSessions(boolean beyondGrace) {
        admin().body(Map.of("beyond_grace", beyondGrace)).post("/emulator/faults/expire-sessions").then().statusCode(200);
    }

    public static JsonPath stats() {
        return admin().get("/emulator/stats").then().statusCode(200).extract().jsonPath();
    }

    /** Requests that reached a surface ("api_v2", "jsonrpc", "web") since the stats were cleared. */
    public static long requests(String surface) {
        return stats().getLong("requests." + surface);
    }

    public static long totalRequests() {
        return stats().getLong("total_requests");
    }

    /** Calls of {@code method} on {@code model} through {@code surface}, as the emulator understood them. */
    public static long calls(String surface, String model, String method) {
        List<Map<String, Object>> calls = stats().getList("calls");
        return calls.stream()
                .filter(call -> surface.equals(call.get("surface")) && model.equals(call.get("model"))
                        && method.equals(call.get("method")))
                .mapToLong(call -> ((Number) call.get("count")).longValue())
                .sum();
    }

    /**
     * Waits until the emulator has handled {@code count} calls of {@code method}: a request the client
     * gave up on (timeout) still lands later, and must not land in the next test.
     */
    public static void awaitCalls(String surface, String model, String method, long count) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> calls(surface, model, method) >= count);
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().baseUri("http://127.0.0.1").port(PORT)
                .header(ADMIN_TOKEN_HEADER, ADMIN_TOKEN).contentType(ContentType.JSON);
    }
}

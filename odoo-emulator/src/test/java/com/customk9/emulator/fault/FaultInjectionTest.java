package com.customk9.emulator.fault;

import static com.customk9.emulator.jsonrpc.OdooTestClient.ADMIN_LOGIN;
import static com.customk9.emulator.jsonrpc.OdooTestClient.ADMIN_PASSWORD;
import static com.customk9.emulator.jsonrpc.OdooTestClient.DB;
import static com.customk9.emulator.jsonrpc.OdooTestClient.admin;
import static com.customk9.emulator.jsonrpc.OdooTestClient.clearFaults;
import static com.customk9.emulator.jsonrpc.OdooTestClient.envelope;
import static com.customk9.emulator.jsonrpc.OdooTestClient.executeKw;
import static com.customk9.emulator.jsonrpc.OdooTestClient.integrationApiKey;
import static com.customk9.emulator.jsonrpc.OdooTestClient.integrationUid;
import static com.customk9.emulator.jsonrpc.OdooTestClient.rpc;
import static com.customk9.emulator.jsonrpc.OdooTestClient.sessionToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class FaultInjectionTest {

    @TestHTTPResource("/")
    URI base;

    @AfterEach
    void faultsOff() {
        clearFaults();
    }

    private static long timed(Runnable call) {
        long started = System.nanoTime();
        call.run();
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }

    @Test
    void latencyDelaysTheOdooSurfaces() {
        admin().body(Map.of("ms", 400)).put("/emulator/faults/latency").then().statusCode(200);
        assertThat(timed(() -> rpc("common", "version").then().statusCode(200))).isGreaterThanOrEqualTo(400);
        assertThat(timed(() -> given().get("/api/v2/test").then().statusCode(200))).isGreaterThanOrEqualTo(400);
        assertThat(timed(() -> admin().get("/emulator/faults").then().statusCode(200))).isLessThan(400);
    }

    @Test
    void latencyKeepsRequestBodiesIntact() {
        admin().body(Map.of("ms", 200)).put("/emulator/faults/latency").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("username", ADMIN_LOGIN, "password", ADMIN_PASSWORD))
                .post("/api/v2/auth/login").then().statusCode(200);
        executeKw(integrationUid(), integrationApiKey(), "res.partner", "search_count", List.of(List.of()), Map.of())
                .then().body("result", org.hamcrest.Matchers.greaterThanOrEqualTo(0));
    }

    @Test
    void latencyCanTargetOnePathPrefix() {
        admin().body(Map.of("ms", 400, "path_prefix", "/jsonrpc")).put("/emulator/faults/latency").then().statusCode(200);
        assertThat(timed(() -> rpc("common", "version").then().statusCode(200))).isGreaterThanOrEqualTo(400);
        assertThat(timed(() -> given().get("/api/v2/test").then().statusCode(200))).isLessThan(400);
    }

    @Test
    void errorRateOneMakesJsonRpcAnswerOdooServerErrors() {
        admin().body(Map.of("rate", 1.0)).put("/emulator/faults/error-rate").then().statusCode(200);
        rpc("common", "version").then().statusCode(200)
                .body("error.code", equalTo(200))
                .body("error.message", equalTo("Odoo Server Error"));
        given().get("/api/v2/test").then().statusCode(500)
                .body("success", equalTo(false)).body("error.code", equalTo("INTERNAL_ERROR"));
        given().contentType("application/json").body(envelope(Map.of())).post("/web/webclient/version_info").then()
                .statusCode(200).body("error.message", equalTo("Odoo Server Error"));
    }

    @Test
    void httpStyleErrorsAreBare500Pages() {
        admin().body(Map.of("rate", 1.0, "style", "http")).put("/emulator/faults/error-rate").then().statusCode(200);
        rpc("common", "version").then().statusCode(500).body(containsString("500 Internal Server Error"));
        given().get("/api/v2/test").then().statusCode(500);
    }

    @Test
    void errorRateFailsAboutThatFraction() {
        admin().body(Map.of("rate", 0.5, "seed", 7)).put("/emulator/faults/error-rate").then().statusCode(200);
        int failures = 0;
        for (int i = 0; i < 200; i++) {
            if (given().get("/api/v2/test").then().extract().statusCode() == 500) {
                failures++;
            }
        }
        assertThat(failures).isBetween(60, 140);
    }

    @Test
    void outageClosesConnectionsUnanswered() {
        admin().body(Map.of("mode", "close")).put("/emulator/faults/outage").then().statusCode(200);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(base.resolve("/api/v2/test")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(java.io.IOException.class);
        admin().get("/emulator/faults").then().statusCode(200).body("outage", equalTo("close"));
    }

    @Test
    void outageCanLookLikeAProxyInFrontOfADownOdoo() {
        admin().body(Map.of("mode", "502")).put("/emulator/faults/outage").then().statusCode(200);
        rpc("common", "version").then().statusCode(502).body(containsString("502 Bad Gateway"));
        admin().body(Map.of("mode", "503")).put("/emulator/faults/outage").then().statusCode(200);
        given().get("/api/v2/test").then().statusCode(503);
        admin().delete("/emulator/faults/outage").then().statusCode(200);
        given().get("/api/v2/test").then().statusCode(200);
    }

    @Test
    void faultsNeverTouchTheEmulatorsOwnOrOtherPaths() {
        admin().body(Map.of("mode", "503")).put("/emulator/faults/outage").then().statusCode(200);
        admin().get("/emulator/stats").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/api/v2x").then().statusCode(org.hamcrest.Matchers.not(503));
    }

    @Test
    void serializationFailuresHitTheNextWritesOnly() {
        admin().body(Map.of("count", 2)).post("/emulator/faults/serialization-failures").then().statusCode(200);
        long uid = integrationUid();
        for (int i = 0; i < 2; i++) {
            executeKw(uid, integrationApiKey(), "res.partner", "create", List.of(Map.of("name", "Retry me")), Map.of()).then()
                    .statusCode(200)
                    .body("error.code", equalTo(200))
                    .body("error.data.name", equalTo("psycopg2.errors.SerializationFailure"))
                    .body("error.data.message", equalTo("could not serialize access due to concurrent update"));
        }
        executeKw(uid, integrationApiKey(), "res.partner", "search_count", List.of(List.of()), Map.of()).then()
                .body("result", org.hamcrest.Matchers.greaterThanOrEqualTo(0));
        executeKw(uid, integrationApiKey(), "res.partner", "create", List.of(Map.of("name", "Retry me")), Map.of()).then()
                .body("result", greaterThan(0));
    }

    @Test
    void serializationFailureOnApiV2WriteIsAConflict() {
        admin().body(Map.of("count", 1)).post("/emulator/faults/serialization-failures").then().statusCode(200);
        given().header("api-key", integrationApiKey()).contentType(ContentType.JSON).body(Map.of("name", "Conflict"))
                .post("/api/v2/create/res.partner").then().statusCode(409).body("error.code", equalTo("SERIALIZATION_FAILURE"));
        given().header("api-key", integrationApiKey()).contentType(ContentType.JSON).body(Map.of("name", "Conflict"))
                .post("/api/v2/create/res.partner").then().statusCode(201);
    }

    @Test
    void expiringSessionsEndsWebSessionsAndExpiresTokens() {
        String sid = given().contentType("application/json")
                .body(envelope(Map.of("db", DB, "login", ADMIN_LOGIN, "password", ADMIN_PASSWORD)))
                .post("/web/session/authenticate").then().statusCode(200).extract().cookie("session_id");
        String token = sessionToken(ADMIN_LOGIN, ADMIN_PASSWORD);

        admin().post("/emulator/faults/expire-sessions").then().statusCode(200)
                .body("expired_session_tokens", greaterThan(0));

        given().contentType("application/json").cookie("session_id", sid).body(envelope(Map.of()))
                .post("/web/session/get_session_info").then().body("error.code", equalTo(100));
        given().header("session-token", token).get("/api/v2/auth/me").then().statusCode(401)
                .body("error.code", equalTo("SESSION_EXPIRED"));
        given().header("session-token", token).post("/api/v2/auth/refresh").then().statusCode(200);
    }

    @Test
    void expiringSessionsBeyondGraceForcesANewLogin() {
        String token = sessionToken(ADMIN_LOGIN, ADMIN_PASSWORD);
        admin().body(Map.of("beyond_grace", true)).post("/emulator/faults/expire-sessions").then().statusCode(200);
        given().header("session-token", token).post("/api/v2/auth/refresh").then().statusCode(401)
                .body("error.code", equalTo("SESSION_EXPIRED"));
        sessionToken(ADMIN_LOGIN, ADMIN_PASSWORD);
    }

    @Test
    void faultEndpointsNeedTheAdminToken() {
        given().contentType(ContentType.JSON).body(Map.of("mode", "503")).put("/emulator/faults/outage").then().statusCode(401);
        given().post("/emulator/reset").then().statusCode(401);
        given().get("/emulator/stats").then().statusCode(401);
        given().get("/api/v2/test").then().statusCode(200);
    }

    @Test
    void invalidFaultSettingsAreRefused() {
        admin().body(Map.of("rate", 2)).put("/emulator/faults/error-rate").then().statusCode(400);
        admin().body(Map.of("rate", 0.5, "style", "weird")).put("/emulator/faults/error-rate").then().statusCode(400);
        admin().body(Map.of("mode", "sideways")).put("/emulator/faults/outage").then().statusCode(400);
        admin().body(Map.of("ms", -1)).put("/emulator/faults/latency").then().statusCode(400);
        admin().body("{nope").put("/emulator/faults/latency").then().statusCode(400);
    }

    @Test
    void clearingAllFaultsRestoresService() {
        admin().body(Map.of("mode", "503")).put("/emulator/faults/outage").then().statusCode(200);
        admin().body(Map.of("rate", 1.0)).put("/emulator/faults/error-rate").then().statusCode(200);
        admin().delete("/emulator/faults").then().statusCode(200).body("outage", equalTo(null));
        given().get("/api/v2/test").then().statusCode(200);
    }
}

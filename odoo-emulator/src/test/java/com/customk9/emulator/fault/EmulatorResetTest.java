package com.customk9.emulator.fault;

import static com.customk9.emulator.jsonrpc.OdooTestClient.ADMIN_LOGIN;
import static com.customk9.emulator.jsonrpc.OdooTestClient.ADMIN_PASSWORD;
import static com.customk9.emulator.jsonrpc.OdooTestClient.admin;
import static com.customk9.emulator.jsonrpc.OdooTestClient.call;
import static com.customk9.emulator.jsonrpc.OdooTestClient.reset;
import static com.customk9.emulator.jsonrpc.OdooTestClient.sessionToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class EmulatorResetTest {

    @Test
    void resetRestoresTheSeededOdoo() {
        Number id = call("res.partner", "create", List.of(Map.of("name", "Before reset")), Map.of());
        String token = sessionToken(ADMIN_LOGIN, ADMIN_PASSWORD);
        admin().body(Map.of("mode", "503")).put("/emulator/faults/outage").then().statusCode(200);
        admin().body(Map.of("models", List.of("res.partner"), "url", "http://127.0.0.1:9/x")).post("/emulator/webhooks")
                .then().statusCode(201);

        reset();

        admin().get("/emulator/faults").then().body("outage", equalTo(null));
        admin().get("/emulator/webhooks").then().body("targets.findAll { !it.configured }.size()", equalTo(0));
        given().header("session-token", token).get("/api/v2/auth/me").then().statusCode(401);
        Integer left = call("res.partner", "search_count", List.of(List.of(List.of("id", "=", id))), Map.of());
        assertThat(left).isZero();
        admin().get("/emulator/stats").then().body("total_requests", org.hamcrest.Matchers.lessThan(5));
    }

    @Test
    void clockCanBeMovedAndReset() {
        admin().body(Map.of("seconds", 3600)).post("/emulator/clock/advance").then().statusCode(200)
                .body("offset_seconds", equalTo(3600.0f));
        admin().delete("/emulator/clock").then().statusCode(200).body("offset_seconds", equalTo(0.0f));
        admin().body(Map.of("seconds", -5)).post("/emulator/clock/advance").then().statusCode(400);
    }
}

package com.customk9.attendance.key;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.customk9.attendance.support.Api;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ApiKeyTest {

    @Test
    void anAdminKeyCreatesAKeyThatWorksUntilItIsRevoked() {
        var created = Api.admin().body(Map.of("name", "Odoo Integration Key", "permissions", List.of("person:read"),
                "expires_in_days", 365)).post("/api/v1/keys").then().statusCode(201)
                .body("success", equalTo(true))
                .body("data.key", matchesPattern("sk_[A-Za-z0-9_-]{43}"))
                .body("data.permissions[0]", equalTo("person:read"))
                .extract().jsonPath();
        String secret = created.getString("data.key");
        long id = created.getLong("data.id");
        given().header("X-API-Key", secret).get("/api/v1/persons").then().statusCode(200);
        given().header("X-API-Key", secret).get("/api/v1/attendance").then().statusCode(403)
                .body("details.required_permission", equalTo("attendance:read"));
        Api.admin().delete("/api/v1/keys/" + id).then().statusCode(200).body("data.status", equalTo("revoked"));
        given().header("X-API-Key", secret).get("/api/v1/persons").then().statusCode(401)
                .body("code", equalTo("API_KEY_REVOKED"));
        Api.admin().queryParam("status", "revoked").get("/api/v1/keys").then().statusCode(200);
    }

    @Test
    void expiredUnknownAndMalformedKeysAre401() {
        String expired = Api.key(OffsetDateTime.now().minusMinutes(1), "*");
        given().header("X-API-Key", expired).get("/api/v1/persons").then().statusCode(401).body("code", equalTo("API_KEY_EXPIRED"));
        given().header("Authorization", "Bearer sk_unknown").get("/api/v1/persons").then().statusCode(401)
                .body("code", equalTo("API_KEY_INVALID"));
        given().header("Authorization", "Basic dXNlcjpwYXNz").get("/api/v1/persons").then().statusCode(401)
                .body("code", equalTo("API_KEY_MISSING"));
        given().header("X-API-Key", "x".repeat(5000)).get("/api/v1/persons").then().statusCode(401);
    }

    @Test
    void keysNeedTheirOwnPermissionsAndValidBodies() {
        String reader = Api.key("person:read");
        given().header("X-API-Key", reader).get("/api/v1/keys").then().statusCode(403);
        Api.admin().body(Map.of("name", "x", "permissions", List.of("everything:now"))).post("/api/v1/keys").then()
                .statusCode(400).body("success", equalTo(false));
        Api.admin().body(Map.of("permissions", List.of("*"))).post("/api/v1/keys").then().statusCode(400)
                .body("details.name[0]", equalTo("must not be blank"));
        Api.admin().delete("/api/v1/keys/987654321").then().statusCode(404);
    }

    /** deploy/local/attendance-key makes the first key straight in PostgreSQL; the service accepts it. */
    @Test
    void theCommandLineMakesKeysTheServiceAccepts() throws Exception {
        java.nio.file.Path script = java.nio.file.Path.of("..", "deploy", "local", "attendance-key");
        ProcessBuilder create = new ProcessBuilder(script.toString(), "create", "Odoo from the CLI", "person:read")
                .redirectErrorStream(true);
        create.environment().put("ATTENDANCE_DATABASE", "customk9_attendance_test");
        Process process = create.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(process.waitFor()).as(output).isZero();
        String secret = output.lines().filter(line -> line.startsWith("sk_")).findFirst().orElseThrow();
        given().header("Authorization", "Bearer " + secret).get("/api/v1/persons").then().statusCode(200);
        given().header("Authorization", "Bearer " + secret).get("/api/v1/keys").then().statusCode(403);
    }
}

package com.customk9.attendance.person;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.customk9.attendance.support.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Malformed and hostile input gets a clear 4xx in the seed's shape, and nothing stored changes. */
@QuarkusTest
class HostileInputTest {

    @Test
    void malformedJsonWrongTypesAndMissingFields() {
        Api.admin().body("{\"person_id\": \"A1\", \"name\": ").post("/api/v1/persons").then().statusCode(400)
                .body("success", equalTo(false)).body("code", equalTo("MALFORMED_JSON"));
        Api.admin().body("{\"person_id\": [1,2], \"name\": {\"a\": 1}}").post("/api/v1/persons").then().statusCode(400)
                .log().ifValidationFails().body("success", equalTo(false));
        Api.admin().body(Map.of("name", "No Id")).post("/api/v1/persons").then().statusCode(400)
                .body("details", hasKey("person_id"));
        Api.admin().body(Map.of("person_id", "X1", "name", "Bad Mail", "email", "not-an-address")).post("/api/v1/persons")
                .then().statusCode(400).body("details", hasKey("email"));
    }

    @Test
    void injectionAndOversizedStringsAreRefusedAndStoreNothing() {
        Api.admin().body(Map.of("person_id", "1'; drop table person; --", "name", "Bobby")).post("/api/v1/persons").then()
                .statusCode(400).body("details", hasKey("person_id"));
        Api.admin().body(Map.of("person_id", Api.newPersonId(), "name", "n".repeat(5000))).post("/api/v1/persons").then()
                .statusCode(400).body("details", hasKey("name"));
        Api.admin().queryParam("person_id", "' or 1=1 --").get("/api/v1/attendance").then().statusCode(200)
                .body("data.total", equalTo(0));
        Api.admin().get("/api/v1/persons").then().statusCode(200);
    }

    @Test
    void aDuplicatePersonIs409AndTheFirstStaysAsItWas() {
        String id = Api.newPersonId();
        Api.createPerson(id, "First");
        Api.admin().body(Map.of("person_id", id, "name", "Second")).post("/api/v1/persons").then().statusCode(409)
                .body("code", equalTo("PERSON_EXISTS"));
        Api.admin().get("/api/v1/persons/" + id).then().body("data.name", equalTo("First"));
    }

    @Test
    void badParametersUnknownPathsMethodsAndTypes() {
        Api.admin().queryParam("limit", -1).get("/api/v1/persons").then().statusCode(400).body("success", equalTo(false));
        Api.admin().queryParam("limit", "lots").get("/api/v1/persons").then().log().ifValidationFails().statusCode(400).body("success", equalTo(false));
        Api.admin().queryParam("status", "everyone").get("/api/v1/persons").then().statusCode(400);
        Api.admin().queryParam("start_date", "2025-13-45").get("/api/v1/attendance").then().statusCode(400)
                .body("details", hasKey("start_date"));
        Api.admin().queryParam("start_date", "2025-02-01").queryParam("end_date", "2025-01-01").get("/api/v1/attendance")
                .then().statusCode(400);
        Api.admin().get("/api/v1/reports/daily-summary/yesterday").then().statusCode(400);
        Api.admin().get("/api/v1/nothing-here").then().statusCode(404).body("success", equalTo(false));
        Api.admin().patch("/api/v1/persons").then().statusCode(405).body("success", equalTo(false));
        Api.admin().contentType(ContentType.XML).body("<person/>").post("/api/v1/persons").then().statusCode(415)
                .body("success", equalTo(false));
        given().get("/api/v1/attendance/abc").then().statusCode(401);
    }

    @Test
    void configRefusesUnknownKeysAndWrongTypes() {
        Api.admin().body(Map.of("key", "drop_everything", "value", 1)).post("/api/v1/config").then().statusCode(400)
                .body("details", hasKey("key"));
        Api.admin().body(Map.of("key", "duplicate_window_minutes", "value", "ten")).post("/api/v1/config").then()
                .statusCode(400);
        Api.admin().body(Map.of("key", "recognition_threshold", "value", 3)).post("/api/v1/config").then().statusCode(400);
        Api.admin().body(Map.of("key", "working_hours_start", "value", "25:00")).post("/api/v1/config").then().statusCode(400);
        Api.admin().body(Map.of("key", "auto_mark_enabled", "value", "yes")).post("/api/v1/config").then().statusCode(400);
    }
}

package com.customk9.attendance.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.customk9.attendance.support.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Every request/response example of seed 004, replayed: the field names, their JSON types and the
 * envelopes the Odoo Face Attendance module reads.
 */
@QuarkusTest
class SeedContractTest {

    private static final String DATE_TIME = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}";
    private static final String ISO = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}";

    @Test
    void healthNeedsNoKey() {
        given().get("/api/v1/health").then().statusCode(200)
                .body("success", equalTo(true))
                .body("status", equalTo("healthy"))
                .body("timestamp", matchesPattern(ISO))
                .body("version", instanceOf(String.class));
    }

    @Test
    void personsCreateListGetUpdateDelete() {
        String id = Api.newPersonId();
        // The seed's create body, with our id
        Api.admin().body(Map.of("person_id", id, "name", "John Doe", "email", "john@example.com",
                "department", "Engineering", "position", "Developer"))
                .post("/api/v1/persons").then().statusCode(201)
                .body("success", equalTo(true))
                .body("data.person_id", equalTo(id))
                .body("data.status", equalTo("active"));

        Map<String, Object> person = Api.admin().queryParam("limit", 1000).get("/api/v1/persons").then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.total", instanceOf(Integer.class))
                .extract().jsonPath().<Map<String, Object>>getList("data.persons").stream()
                .filter(p -> id.equals(p.get("person_id"))).findFirst().orElseThrow();
        assertThat(person).containsOnlyKeys("person_id", "name", "email", "department", "position", "status", "created_at",
                "metadata");
        assertThat(person.get("created_at").toString()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(person.get("metadata")).isInstanceOf(Map.class);

        Api.admin().get("/api/v1/persons/" + id).then().statusCode(200).body("data.name", equalTo("John Doe"))
                .body("data.email", equalTo("john@example.com"));

        // The seed's update body
        Api.admin().body(Map.of("department", "Sales", "position", "Manager")).put("/api/v1/persons/" + id)
                .then().statusCode(200)
                .body("data.department", equalTo("Sales"))
                .body("data.position", equalTo("Manager"))
                .body("data.name", equalTo("John Doe"));

        Api.admin().delete("/api/v1/persons/" + id).then().statusCode(200).body("data.status", equalTo("deleted"));
        Api.admin().get("/api/v1/persons/" + id).then().statusCode(200).body("data.status", equalTo("deleted"));
        assertThat(Api.admin().queryParam("limit", 1000).get("/api/v1/persons").then().statusCode(200)
                .extract().jsonPath().<String>getList("data.persons.person_id")).doesNotContain(id);
        assertThat(Api.admin().queryParam("status", "deleted").queryParam("limit", 1000).get("/api/v1/persons").then()
                .statusCode(200).extract().jsonPath().<String>getList("data.persons.person_id")).contains(id);
    }

    @Test
    void attendanceMarkListGetCheckout() {
        Api.config("duplicate_window_minutes", 0);
        String id = Api.newPersonId();
        Api.createPerson(id, "John Doe");
        // The seed's mark body
        int recordId = Api.admin().body(Map.of("person_id", id, "person_name", "John Doe", "marked_by", "manual",
                "notes", "Late arrival"))
                .post("/api/v1/attendance/mark").then().statusCode(201)
                .body("success", equalTo(true))
                .body("data.status", equalTo("checked_in"))
                .body("data.check_out", nullValue())
                .extract().path("data.id");

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Map<String, Object> record = Api.admin().queryParam("start_date", today).queryParam("end_date", today)
                .queryParam("person_id", id).queryParam("limit", 1000)
                .get("/api/v1/attendance").then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.total", equalTo(1))
                .extract().jsonPath().getMap("data.records[0]");
        assertThat(record).containsKeys("id", "person_id", "person_name", "check_in", "check_out", "date", "duration_minutes",
                "status", "source", "confidence", "marked_by");
        assertThat(record.get("id")).isEqualTo(recordId);
        assertThat(record.get("person_id")).isEqualTo(id);
        assertThat(record.get("person_name")).isEqualTo("John Doe");
        assertThat(record.get("check_in").toString()).matches(DATE_TIME);
        assertThat(record.get("date")).isEqualTo(today);
        assertThat(record.get("source")).isEqualTo("manual");
        assertThat(record.get("marked_by")).isEqualTo("manual");

        Api.admin().post("/api/v1/attendance/" + recordId + "/checkout").then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.status", equalTo("checked_out"))
                .body("data.check_out", matchesPattern(DATE_TIME))
                .body("data.duration_minutes", instanceOf(Integer.class));
        Api.admin().get("/api/v1/attendance/" + recordId).then().statusCode(200)
                .body("data.id", equalTo(recordId))
                .body("data.status", equalTo("checked_out"));
    }

    @Test
    void dailySummaryAndItsAlias() {
        Api.config("duplicate_window_minutes", 0);
        String id = Api.newPersonId();
        Api.createPerson(id, "Summary Person");
        int recordId = Api.admin().body(Map.of("person_id", id)).post("/api/v1/attendance/mark").then().statusCode(201)
                .extract().path("data.id");
        Api.admin().post("/api/v1/attendance/" + recordId + "/checkout").then().statusCode(200);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Map<String, Object> summary = Api.admin().get("/api/v1/reports/daily-summary/" + today).then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.date", equalTo(today))
                .body("data.earliest_checkin", matchesPattern("\\d{2}:\\d{2}:\\d{2}"))
                .body("data.latest_checkout", matchesPattern("\\d{2}:\\d{2}:\\d{2}"))
                .extract().jsonPath().getMap("data");
        assertThat(summary).containsOnlyKeys("date", "present_count", "total_persons", "avg_duration_hours", "earliest_checkin",
                "latest_checkout");
        assertThat((Integer) summary.get("present_count")).isPositive();
        assertThat((Integer) summary.get("total_persons")).isGreaterThanOrEqualTo((Integer) summary.get("present_count"));
        assertThat(summary.get("avg_duration_hours")).isInstanceOf(Number.class);
        Api.admin().queryParam("date", today).get("/api/v1/reports/daily").then().statusCode(200)
                .body("data", equalTo(summary));
        Api.admin().get("/api/v1/reports/daily-summary/2001-01-01").then().statusCode(200)
                .body("data.present_count", equalTo(0))
                .body("data.earliest_checkin", nullValue());
    }

    @Test
    void keysAreListedWithoutTheirSecret() {
        String secret = Api.key("person:read");
        Map<String, Object> key = Api.admin().get("/api/v1/keys").then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.total", instanceOf(Integer.class))
                .extract().jsonPath().getMap("data.keys[0]");
        assertThat(key).containsOnlyKeys("id", "name", "permissions", "status", "created_at", "last_used", "expires_at");
        assertThat(key.get("permissions")).isInstanceOf(List.class);
        assertThat(key.get("created_at").toString()).matches(ISO);
        String all = Api.admin().get("/api/v1/keys").then().extract().asString();
        assertThat(all).doesNotContain(secret).doesNotContain("key_hash");
    }

    @Test
    void statusReportsTheSeedFieldsAndTheModels() {
        Api.admin().get("/api/v1/status").then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.background_recognition_running", instanceOf(Boolean.class))
                .body("data.snapshot_analysis_running", instanceOf(Boolean.class))
                .body("data.active_video_stream", instanceOf(Boolean.class))
                .body("data.current_source", instanceOf(String.class))
                .body("data.uptime_seconds", instanceOf(Integer.class))
                .body("data.models.loaded", equalTo(true))
                .body("data.models.embedding.file", equalTo("fr_feature.onnx"))
                .body("data.models.embedding.sha256", matchesPattern("[0-9a-f]{64}"));
    }

    @Test
    void configReadAndTheSeedsUpdate() {
        Api.admin().get("/api/v1/config").then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.config.duplicate_window_minutes", instanceOf(Integer.class))
                .body("data.config.auto_mark_enabled", instanceOf(Boolean.class))
                .body("data.config.working_hours_start", matchesPattern("\\d{2}:\\d{2}"))
                .body("data.config.working_hours_end", matchesPattern("\\d{2}:\\d{2}"))
                .body("data.config.recognition_threshold", instanceOf(Float.class));
        // The seed's update body
        Api.admin().body(Map.of("key", "duplicate_window_minutes", "value", 10,
                "description", "Prevent duplicates within 10 minutes"))
                .post("/api/v1/config").then().statusCode(200)
                .body("data.config.duplicate_window_minutes", equalTo(10));
        Api.admin().get("/api/v1/config").then().body("data.config.duplicate_window_minutes", equalTo(10));
        Api.config("duplicate_window_minutes", 5);
    }

    @Test
    void logsFilterByCategoryAndLevel() {
        Api.createPerson(Api.newPersonId(), "Logged Person");
        Api.admin().queryParam("category", "sync").queryParam("limit", 50).get("/api/v1/logs").then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.logs[0].category", equalTo("sync"))
                .body("data.logs[0]", hasKey("timestamp"))
                .body("data.logs[0]", hasKey("message"));
        given().header("X-API-Key", "sk_nothing").get("/api/v1/persons").then().statusCode(401);
        Api.admin().queryParam("level", "warning").queryParam("category", "api").get("/api/v1/logs").then().statusCode(200)
                .body("data.logs.level", not(contains("info")))
                .body("data.logs[0].message", equalTo("Request with an unknown API key"));
    }

    @Test
    void bothAuthenticationHeadersAreAccepted() {
        String key = Api.key("person:read");
        given().header("X-API-Key", key).get("/api/v1/persons").then().statusCode(200);
        given().header("Authorization", "Bearer " + key).get("/api/v1/persons").then().statusCode(200);
        given().get("/api/v1/persons").then().statusCode(401)
                .body("success", equalTo(false))
                .body("code", equalTo("API_KEY_MISSING"))
                .body("error", notNullValue())
                .body("message", notNullValue());
    }

    @Test
    void errorsUseTheSeedsShape() {
        Api.admin().get("/api/v1/persons/NOBODY").then().statusCode(404)
                .contentType(ContentType.JSON)
                .body("$", aMapWithSize(5))
                .body("success", equalTo(false))
                .body("code", equalTo("NOT_FOUND"))
                .body("details", instanceOf(Map.class));
    }
}

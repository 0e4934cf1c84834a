package com.customk9.attendance.record;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.customk9.attendance.support.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The Odoo module's four sync workflows, as its scheduled jobs run them, with a key it would hold. */
@QuarkusTest
class SyncWorkflowTest {

    private final String odooKey = Api.key("person:read", "attendance:read", "report:read");

    @Test
    void personsPullPagesThroughEveryoneOnceWhileNewPersonsArrive() {
        for (int i = 0; i < 7; i++) {
            Api.createPerson(Api.newPersonId(), "Pulled " + i);
        }
        List<String> pulled = new ArrayList<>();
        int offset = 0;
        int arrivals = 0;
        long total = -1;
        while (true) {
            JsonPath page = given().header("Authorization", "Bearer " + odooKey).queryParam("limit", 3).queryParam("offset", offset)
                    .get("/api/v1/persons").then().statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("data.persons.person_id");
            if (total < 0) {
                total = page.getLong("data.total");
            }
            if (ids.isEmpty()) {
                break;
            }
            pulled.addAll(ids);
            offset += ids.size();
            if (arrivals < 3) {
                Api.createPerson(Api.newPersonId(), "Arrived during the pull");
                arrivals++;
            }
        }
        assertThat(new HashSet<>(pulled)).as("no person twice").hasSameSizeAs(pulled);
        assertThat((long) pulled.size()).as("everyone there was, and those who arrived").isEqualTo(total + 3);
    }

    @Test
    void attendancePullWithADateRangeNeitherSkipsNorRepeatsWhileRecordsArrive() {
        Api.config("duplicate_window_minutes", 0);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = Api.newPersonId();
            Api.createPerson(id, "Attendee " + i);
            people.add(id);
            Api.admin().body(Map.of("person_id", id)).post("/api/v1/attendance/mark").then().statusCode(201);
        }
        long before = given().header("Authorization", "Bearer " + odooKey).queryParam("start_date", today)
                .queryParam("end_date", today).queryParam("limit", 1).get("/api/v1/attendance").then().statusCode(200)
                .extract().jsonPath().getLong("data.total");
        List<Integer> pulled = new ArrayList<>();
        int offset = 0;
        int arrivals = 0;
        while (true) {
            List<Integer> ids = given().header("Authorization", "Bearer " + odooKey).queryParam("start_date", today)
                    .queryParam("end_date", today).queryParam("limit", 2).queryParam("offset", offset)
                    .get("/api/v1/attendance").then().statusCode(200).extract().jsonPath().getList("data.records.id");
            if (ids.isEmpty()) {
                break;
            }
            pulled.addAll(ids);
            offset += ids.size();
            if (arrivals < 3) {
                String id = Api.newPersonId();
                Api.createPerson(id, "Late " + arrivals++);
                Api.admin().body(Map.of("person_id", id)).post("/api/v1/attendance/mark").then().statusCode(201);
            }
        }
        assertThat(new HashSet<>(pulled)).as("no record twice").hasSameSizeAs(pulled);
        assertThat(pulled).as("in id order").isSorted();
        assertThat((long) pulled.size()).as("every record there was, and those that arrived").isEqualTo(before + 3);
        given().header("Authorization", "Bearer " + odooKey).queryParam("start_date", "2001-01-01")
                .queryParam("end_date", "2001-01-31").get("/api/v1/attendance").then().statusCode(200)
                .body("data.total", equalTo(0));
    }

    @Test
    void dailySummaryAndHealthCheck() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        given().header("Authorization", "Bearer " + odooKey).get("/api/v1/reports/daily-summary/" + today).then()
                .statusCode(200).body("success", equalTo(true)).body("data.date", equalTo(today));
        given().get("/api/v1/health").then().statusCode(200).body("status", equalTo("healthy"));
        given().header("Authorization", "Bearer " + odooKey).get("/api/v1/config").then().statusCode(403);
    }
}

package com.customk9.attendance.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.customk9.attendance.support.Api;
import com.customk9.platform.testing.EventsTopic;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MarkingTest {

    private static final String TOPIC = "customk9.attendance.events";

    @Test
    void aSecondMarkWithinTheDuplicateWindowIsRefusedAndNamesTheRecord() {
        Api.config("duplicate_window_minutes", 5);
        String id = Api.newPersonId();
        Api.createPerson(id, "Window Person");
        int recordId = Api.admin().body(Map.of("person_id", id)).post("/api/v1/attendance/mark").then().statusCode(201)
                .extract().path("data.id");
        Api.admin().body(Map.of("person_id", id)).post("/api/v1/attendance/mark").then().statusCode(409)
                .body("success", equalTo(false))
                .body("code", equalTo("DUPLICATE_ATTENDANCE"))
                .body("details.record_id", equalTo(recordId));
        Api.admin().queryParam("person_id", id).get("/api/v1/attendance").then().body("data.total", equalTo(1));
    }

    @Test
    void concurrentMarksOfOnePersonMakeOneRecord() {
        Api.config("duplicate_window_minutes", 5);
        String id = Api.newPersonId();
        Api.createPerson(id, "Busy Person");
        String key = Api.key("attendance:write");
        List<Integer> statuses = IntStream.range(0, 6).mapToObj(i -> CompletableFuture.supplyAsync(() -> Api.as(key)
                .body(Map.of("person_id", id)).post("/api/v1/attendance/mark").statusCode())).toList()
                .stream().map(CompletableFuture::join).toList();
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
    }

    @Test
    void aManualMarkWhileCheckedInIsRefusedAndCheckoutHappensOnce() {
        Api.config("duplicate_window_minutes", 0);
        String id = Api.newPersonId();
        Api.createPerson(id, "Double Person");
        int recordId = Api.admin().body(Map.of("person_id", id)).post("/api/v1/attendance/mark").then().statusCode(201)
                .extract().path("data.id");
        Api.admin().body(Map.of("person_id", id)).post("/api/v1/attendance/mark").then().statusCode(409)
                .body("code", equalTo("ALREADY_CHECKED_IN"));
        Api.admin().post("/api/v1/attendance/" + recordId + "/checkout").then().statusCode(200);
        Api.admin().post("/api/v1/attendance/" + recordId + "/checkout").then().statusCode(409)
                .body("code", equalTo("ALREADY_CHECKED_OUT"));
        Api.admin().post("/api/v1/attendance/999999999/checkout").then().statusCode(404);
        Api.admin().body(Map.of("person_id", id)).post("/api/v1/attendance/mark").then().statusCode(201);
    }

    @Test
    void unknownAndInactivePersonsCannotBeMarked() {
        Api.admin().body(Map.of("person_id", "NOBODY-HERE")).post("/api/v1/attendance/mark").then().statusCode(404);
        String id = Api.newPersonId();
        Api.createPerson(id, "Resting Person");
        Api.admin().body(Map.of("status", "inactive")).put("/api/v1/persons/" + id).then().statusCode(200);
        Api.admin().body(Map.of("person_id", id)).post("/api/v1/attendance/mark").then().statusCode(409)
                .body("code", equalTo("PERSON_NOT_ACTIVE"));
    }

    @Test
    void markAndCheckoutArePublishedExactlyOnce() {
        Api.config("duplicate_window_minutes", 0);
        String id = Api.newPersonId();
        Api.createPerson(id, "Event Person");
        int recordId = Api.admin().body(Map.of("person_id", id)).post("/api/v1/attendance/mark").then().statusCode(201)
                .extract().path("data.id");
        Api.admin().post("/api/v1/attendance/" + recordId + "/checkout").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(EventsTopic.events(TOPIC, "person:" + id, "com.customk9.attendance.marked")).hasSize(1);
            assertThat(EventsTopic.events(TOPIC, "person:" + id, "com.customk9.attendance.checked-out")).hasSize(1);
        });
        Map<String, Object> marked = EventsTopic.events(TOPIC, "person:" + id, "com.customk9.attendance.marked").get(0);
        assertThat(marked.get("source")).isEqualTo("/customk9/attendance");
        assertThat(((Map<?, ?>) marked.get("data")).get("id")).isEqualTo(recordId);
    }
}

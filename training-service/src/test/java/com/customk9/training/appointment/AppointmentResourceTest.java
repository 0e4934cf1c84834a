package com.customk9.training.appointment;

import static com.customk9.training.support.Clients.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.customk9.odoo.client.OdooClient;
import com.customk9.training.support.Clients;
import com.customk9.training.support.Clients.Client;
import com.customk9.training.support.Emulator;
import com.customk9.training.support.TestTokens;
import com.customk9.training.support.TestTrainers;
import com.customk9.training.support.TestTrainers.Trainer;
import com.customk9.training.support.TrainingEventsTopic;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class AppointmentResourceTest {

    private static final long DEMO_REX_SESSION = 1;
    private static final long DEMO_BELLA_PAST_SESSION = 3;

    @AfterEach
    void healOdoo() {
        Emulator.clearFaults();
        odoo().resetBreaker();
    }

    private static OdooClient odoo() {
        return Arc.container().instance(OdooClient.class).get();
    }

    @Test
    void booksASessionWithATrainerForMyDog() {
        Client client = Clients.newClient();
        Trainer trainer = TestTrainers.newTrainer("America/New_York");
        long dog = newDog(client, "Nala");
        OffsetDateTime start = at(4, 14, 0);

        int id = client.request().body(Map.of("trainer_id", trainer.userId(), "dog_id", dog,
                        "start", start.toString(), "duration", 60, "notes", "Pulls on the leash <a lot>"))
                .post("/api/appointments").then().statusCode(201)
                .header("Location", containsString("/api/appointments/"))
                .body("name", equalTo("Training session: Nala"))
                .body("start", equalTo(start.toInstant().toString()))
                .body("stop", equalTo(start.plusHours(1).toInstant().toString()))
                .body("duration_minutes", equalTo(60))
                .body("trainer.id", equalTo((int) trainer.userId())).body("trainer.name", equalTo("Test Trainer"))
                .body("dog.id", equalTo((int) dog)).body("dog.name", equalTo("Nala"))
                .body("notes", equalTo("Pulls on the leash <a lot>")).body("cancelled", equalTo(false))
                .extract().path("id");

        JsonPath event = Emulator.asIntegration()
                .get("/api/v2/search/calendar.event/" + id + "?fields=user_id,partner_ids,res_model,res_id,show_as")
                .then().statusCode(200).extract().jsonPath();
        assertThat(event.getList("data.record.partner_ids", Integer.class))
                .containsExactlyInAnyOrder((int) client.partnerId(), (int) trainer.partnerId());
        assertThat(event.getInt("data.record.user_id[0]")).isEqualTo((int) trainer.userId());
        assertThat(event.getString("data.record.res_model")).isEqualTo("customk9.dog");
        assertThat(event.getInt("data.record.res_id")).isEqualTo((int) dog);

        client.request().get("/api/appointments/" + id).then().statusCode(200).body("dog.name", equalTo("Nala"));
        client.request().get("/api/appointments").then().statusCode(200).header("Cache-Control", "no-store")
                .body("items.id", contains(id)).body("total", equalTo(1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                TrainingEventsTopic.events("appointment:" + id, AppointmentEvents.BOOKED)).hasSize(1));
    }

    @Test
    void listsOnlyUpcomingAppointmentsSoonestFirst() {
        Client client = Clients.newClient();
        Trainer trainer = TestTrainers.newTrainer(null);
        long dog = newDog(client, "Kira");
        int later = book(client, trainer, dog, at(6, 10, 0), 60).then().statusCode(201).extract().path("id");
        int sooner = book(client, trainer, dog, at(3, 10, 0), 30).then().statusCode(201).extract().path("id");

        client.request().get("/api/appointments").then().statusCode(200)
                .body("items.id", contains(sooner, later)).body("total", equalTo(2));
        client.request().queryParam("limit", 1).queryParam("offset", 1).get("/api/appointments").then()
                .body("items.id", contains(later)).body("total", equalTo(2));

        // the demo's past session (seeded days ago) is no longer upcoming
        as(TestTokens.client(Clients.ANNA_UID, Clients.ANNA_PARTNER)).get("/api/appointments").then().statusCode(200)
                .body("items.id", not(hasItem((int) DEMO_BELLA_PAST_SESSION)));
        as(TestTokens.client(Clients.ANNA_UID, Clients.ANNA_PARTNER)).get("/api/appointments/" + DEMO_BELLA_PAST_SESSION)
                .then().statusCode(200).body("dog.name", equalTo("Bella")).body("trainer.name", equalTo("Sarah Trainer"));
    }

    @Test
    void rejectsBookingThatOverlapsTheTrainersCalendarWithTheSlot() {
        Trainer trainer = TestTrainers.newTrainer(null);
        Client first = Clients.newClient();
        Client second = Clients.newClient();
        OffsetDateTime start = at(5, 10, 0);
        book(first, trainer, newDog(first, "Ace"), start, 60).then().statusCode(201);

        book(second, trainer, newDog(second, "Bo"), start.plusMinutes(30), 60).then().statusCode(409)
                .body("error.code", equalTo("CONFLICT"))
                .body("error.details.start", equalTo(start.toInstant().toString()))
                .body("error.details.stop", equalTo(start.plusHours(1).toInstant().toString()))
                .body("error.details.calendar", equalTo("trainer"))
                .body("error.details", not(hasKey("appointment_id")));
        // touching is not overlapping
        book(second, trainer, newDog(second, "Cy"), start.plusHours(1), 60).then().statusCode(201);
        second.request().get("/api/appointments").then().body("total", equalTo(1));
    }

    @Test
    void rejectsBookingThatOverlapsMyOwnCalendar() {
        Client client = Clients.newClient();
        long dog = newDog(client, "Dot");
        OffsetDateTime start = at(5, 13, 0);
        int mine = book(client, TestTrainers.newTrainer(null), dog, start, 90).then().statusCode(201).extract().path("id");

        book(client, TestTrainers.newTrainer(null), dog, start.plusHours(1), 60).then().statusCode(409)
                .body("error.details.calendar", equalTo("client"))
                .body("error.details.appointment_id", equalTo(mine))
                .body("error.details.start", equalTo(start.toInstant().toString()));
    }

    @Test
    void concurrentBookingsOfOneSlotLetExactlyOneThrough() throws Exception {
        Trainer trainer = TestTrainers.newTrainer(null);
        OffsetDateTime start = at(7, 11, 0);
        List<Callable<Integer>> bookings = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Client client = Clients.newClient();
            long dog = newDog(client, "Racer " + i);
            bookings.add(() -> book(client, trainer, dog, start, 60).then().extract().statusCode());
        }
        // Odoo takes its time to create: without a lock every booking would find the slot free first
        Emulator.latency(300, "/api/v2/create/calendar.event");
        ExecutorService pool = Executors.newFixedThreadPool(bookings.size());
        try {
            CountDownLatch ready = new CountDownLatch(bookings.size());
            List<Future<Integer>> answers = new ArrayList<>();
            for (Callable<Integer> booking : bookings) {
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    ready.await();
                    return booking.call();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsOnly(201, 409).filteredOn(status -> status == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        List<Object> events = Emulator.asIntegration().queryParam("domain", "[[\"partner_ids\", \"in\", ["
                + trainer.partnerId() + "]]]").queryParam("fields", "start").get("/api/v2/search/calendar.event")
                .then().statusCode(200).extract().jsonPath().getList("data.records");
        assertThat(events).hasSize(1);
    }

    @Test
    void availabilityOffersFreeStartTimesWithinWorkingHoursInTheTrainersZone() {
        Trainer trainer = TestTrainers.newTrainer("Europe/Berlin");
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        LocalDate day = LocalDate.now(berlin).plusDays(8);
        Client client = Clients.newClient();
        book(client, trainer, newDog(client, "Taken"), day.atTime(10, 0).atZone(berlin).toOffsetDateTime(), 60)
                .then().statusCode(201);

        JsonPath free = client.request().queryParam("trainer_id", trainer.userId()).queryParam("date", day.toString())
                .queryParam("duration", 60).get("/api/appointments/availability").then().statusCode(200)
                .body("zone", equalTo("Europe/Berlin")).body("duration", equalTo(60))
                .body("trainer.id", equalTo((int) trainer.userId())).body("date", equalTo(day.toString()))
                .extract().jsonPath();
        List<String> starts = free.getList("slots.start", String.class).stream()
                .map(start -> OffsetDateTime.parse(start).atZoneSameInstant(berlin).toLocalTime().toString()).toList();
        assertThat(starts).containsExactly("09:00", "11:00", "11:30", "12:00", "12:30", "13:00", "13:30", "14:00",
                "14:30", "15:00", "15:30", "16:00");
        assertThat(OffsetDateTime.parse(free.getString("slots[0].stop")).atZoneSameInstant(berlin).toLocalTime())
                .hasToString("10:00");

        Trainer utc = TestTrainers.newTrainer(null);
        client.request().queryParam("trainer_id", utc.userId()).queryParam("date", day.toString())
                .queryParam("duration", 240).get("/api/appointments/availability").then().statusCode(200)
                .body("zone", equalTo("UTC"))
                .body("slots.start", contains(day + "T09:00:00Z", day + "T09:30:00Z", day + "T10:00:00Z",
                        day + "T10:30:00Z", day + "T11:00:00Z", day + "T11:30:00Z", day + "T12:00:00Z",
                        day + "T12:30:00Z", day + "T13:00:00Z"));
        client.request().queryParam("trainer_id", utc.userId()).queryParam("date", LocalDate.now().minusDays(2).toString())
                .get("/api/appointments/availability").then().statusCode(200).body("slots", org.hamcrest.Matchers.empty());
    }

    @Test
    void validatesFieldByField() {
        Client client = Clients.newClient();
        Trainer trainer = TestTrainers.newTrainer(null);
        long dog = newDog(client, "Valid");

        client.request().body(Map.of()).post("/api/appointments").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details", hasKey("trainer_id")).body("error.details", hasKey("dog_id"))
                .body("error.details", hasKey("start"));
        client.request().body(Map.of("trainer_id", trainer.userId(), "dog_id", dog, "start", at(-1, 10, 0).toString(),
                        "duration", 300)).post("/api/appointments").then().statusCode(400)
                .body("error.details", hasKey("start")).body("error.details", hasKey("duration"));
        client.request().body(Map.of("trainer_id", trainer.userId(), "dog_id", dog, "start", "next tuesday",
                        "duration", 60)).post("/api/appointments").then().statusCode(400)
                .body("error.details", hasKey("start"));
        client.request().body(Map.of("trainer_id", trainer.userId(), "dog_id", dog, "start", "2030-01-01T10:00:00",
                        "duration", 60)).post("/api/appointments").then().statusCode(400)
                .body("error.details", hasKey("start"));
        client.request().body(Map.of("trainer_id", trainer.userId(), "dog_id", dog, "start", at(3, 10, 0).toString(),
                        "duration", 10)).post("/api/appointments").then().statusCode(400)
                .body("error.details", hasKey("duration"));
        client.request().body(Map.of("trainer_id", trainer.userId(), "dog_id", dog, "start", at(3, 10, 0).toString()))
                .post("/api/appointments").then().statusCode(400).body("error.details", hasKey("duration"));
        client.request().body(Map.of("trainer_id", trainer.userId(), "dog_id", dog, "start", at(3, 10, 0).toString(),
                        "stop", at(3, 9, 0).toString())).post("/api/appointments").then().statusCode(400)
                .body("error.details", hasKey("stop"));
        client.request().body(Map.of("trainer_id", trainer.userId(), "dog_id", dog, "start", at(3, 10, 0).toString(),
                        "stop", at(3, 15, 0).toString())).post("/api/appointments").then().statusCode(400)
                .body("error.details", hasKey("stop"));
        client.request().body(Map.of("trainer_id", trainer.userId(), "dog_id", dog, "start", at(3, 10, 0).toString(),
                        "stop", at(3, 11, 0).toString(), "duration", 60)).post("/api/appointments").then().statusCode(400)
                .body("error.details", hasKey("stop"));
        client.request().body(Map.of("trainer_id", TestTrainers.newEmployee().userId(), "dog_id", Clients.DOG_REX,
                        "start", at(3, 10, 0).toString(), "duration", 60)).post("/api/appointments").then().statusCode(400)
                .body("error.details.trainer_id", contains("is not a trainer"))
                .body("error.details.dog_id", contains("is not one of your dogs"));
        client.request().body(Map.of("trainer_id", Clients.ANNA_UID, "dog_id", dog,
                        "start", at(3, 10, 0).toString(), "duration", 60)).post("/api/appointments").then().statusCode(400)
                .body("error.details", hasKey("trainer_id")).body("error.details", not(hasKey("dog_id")));

        client.request().queryParam("date", "2030-13-01").queryParam("duration", 5)
                .get("/api/appointments/availability").then().statusCode(400)
                .body("error.details", hasKey("trainer_id")).body("error.details", hasKey("date"))
                .body("error.details", hasKey("duration"));
        client.request().queryParam("trainer_id", Clients.ANNA_UID).queryParam("date", "2030-01-02")
                .get("/api/appointments/availability").then().statusCode(400)
                .body("error.details.trainer_id", contains("is not a trainer"));
        client.request().body(Map.of("start", "soon")).patch("/api/appointments/" + DEMO_REX_SESSION).then()
                .statusCode(400);
        client.request().get("/api/appointments/not-a-number").then().statusCode(400);
        client.request().get("/api/appointments").then().body("total", equalTo(0));
    }

    @Test
    void anotherClientsAppointmentIsNotFoundForEveryVerb() {
        Client stranger = Clients.newClient();

        stranger.request().get("/api/appointments/" + DEMO_REX_SESSION).then().statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"));
        stranger.request().body(Map.of("start", at(20, 10, 0).toString(), "duration", 60))
                .patch("/api/appointments/" + DEMO_REX_SESSION).then().statusCode(404);
        stranger.request().delete("/api/appointments/" + DEMO_REX_SESSION).then().statusCode(404);
        stranger.request().get("/api/appointments/99999999").then().statusCode(404);
        as(TestTokens.client(Clients.ANNA_UID, Clients.ANNA_PARTNER)).get("/api/appointments/" + DEMO_REX_SESSION)
                .then().statusCode(200).body("cancelled", equalTo(false)).body("dog.name", equalTo("Rex"));
    }

    @Test
    void reschedulesIntoAFreeSlotAndPublishesMoved() {
        Client client = Clients.newClient();
        Trainer trainer = TestTrainers.newTrainer(null);
        long dog = newDog(client, "Mover");
        OffsetDateTime start = at(9, 9, 0);
        int id = book(client, trainer, dog, start, 60).then().statusCode(201).extract().path("id");
        Client other = Clients.newClient();
        book(other, trainer, newDog(other, "Blocker"), at(9, 14, 0), 60).then().statusCode(201);

        // overlapping only itself is fine: keeps its length
        client.request().body(Map.of("start", start.plusMinutes(30).toString())).patch("/api/appointments/" + id)
                .then().statusCode(200).body("start", equalTo(start.plusMinutes(30).toInstant().toString()))
                .body("duration_minutes", equalTo(60));
        client.request().body(Map.of("start", at(9, 13, 30).toString(), "duration", 60))
                .patch("/api/appointments/" + id).then().statusCode(409)
                .body("error.details.calendar", equalTo("trainer"))
                .body("error.details.start", equalTo(at(9, 14, 0).toInstant().toString()));
        client.request().body(Map.of("start", at(9, 15, 0).toString(), "stop", at(9, 16, 30).toString()))
                .patch("/api/appointments/" + id).then().statusCode(200)
                .body("start", equalTo(at(9, 15, 0).toInstant().toString())).body("duration_minutes", equalTo(90));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                TrainingEventsTopic.events("appointment:" + id, AppointmentEvents.MOVED)).hasSize(2));
    }

    @Test
    void cancelsByArchivingTheEventAndFreesItsSlot() {
        Client client = Clients.newClient();
        Trainer trainer = TestTrainers.newTrainer(null);
        OffsetDateTime start = at(10, 10, 0);
        int id = book(client, trainer, newDog(client, "Bye"), start, 60).then().statusCode(201).extract().path("id");

        client.request().delete("/api/appointments/" + id).then().statusCode(204);
        client.request().delete("/api/appointments/" + id).then().statusCode(204);
        client.request().get("/api/appointments/" + id).then().statusCode(200).body("cancelled", equalTo(true));
        client.request().get("/api/appointments").then().body("total", equalTo(0));
        Emulator.asIntegration().get("/api/v2/search/calendar.event/" + id + "?fields=active").then().statusCode(200)
                .body("data.record.active", equalTo(false));
        client.request().body(Map.of("start", at(11, 10, 0).toString())).patch("/api/appointments/" + id).then()
                .statusCode(409);

        Client next = Clients.newClient();
        book(next, trainer, newDog(next, "Hello"), start, 60).then().statusCode(201);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                TrainingEventsTopic.events("appointment:" + id, AppointmentEvents.CANCELLED)).hasSize(1));
    }

    @Test
    void aStartedAppointmentCanNeitherMoveNorBeCancelled() {
        var anna = as(TestTokens.client(Clients.ANNA_UID, Clients.ANNA_PARTNER));
        anna.delete("/api/appointments/" + DEMO_BELLA_PAST_SESSION).then().statusCode(409)
                .body("error.code", equalTo("CONFLICT"));
        as(TestTokens.client(Clients.ANNA_UID, Clients.ANNA_PARTNER))
                .body(Map.of("start", at(12, 10, 0).toString(), "duration", 60))
                .patch("/api/appointments/" + DEMO_BELLA_PAST_SESSION).then().statusCode(409);
        as(TestTokens.client(Clients.ANNA_UID, Clients.ANNA_PARTNER)).get("/api/appointments/" + DEMO_BELLA_PAST_SESSION)
                .then().statusCode(200).body("cancelled", equalTo(false));
    }

    @Test
    void anIdempotencyKeyBooksOnceAndReplaysTheFirstAnswer() {
        Client client = Clients.newClient();
        Trainer trainer = TestTrainers.newTrainer(null);
        Map<String, Object> body = body(trainer, newDog(client, "Once"), at(6, 15, 0), 45);

        int first = client.request().header("Idempotency-Key", "book-once").body(body).post("/api/appointments")
                .then().statusCode(201).extract().path("id");
        client.request().header("Idempotency-Key", "book-once").body(body).post("/api/appointments")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        client.request().get("/api/appointments").then().body("total", equalTo(1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                TrainingEventsTopic.events("appointment:" + first, AppointmentEvents.BOOKED)).hasSize(1));
    }

    @Test
    void writesFailWith502WhenOdooIsDown() {
        Client client = Clients.newClient();
        Trainer trainer = TestTrainers.newTrainer(null);
        long dog = newDog(client, "Offline");
        int id = book(client, trainer, dog, at(8, 9, 0), 60).then().statusCode(201).extract().path("id");
        Emulator.outage("close");

        book(client, trainer, dog, at(8, 12, 0), 60).then().statusCode(502)
                .body("error.code", equalTo("ODOO_CONNECTION_ERROR"));
        client.request().delete("/api/appointments/" + id).then().statusCode(502);
        Emulator.clearFaults();
        odoo().resetBreaker();
        client.request().get("/api/appointments").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].cancelled", equalTo(false));
    }

    @Test
    void notesAreOptionalAndTheOpenApiDocumentNamesTheEndpoints() {
        Client client = Clients.newClient();
        book(client, TestTrainers.newTrainer(null), newDog(client, "Quiet"), at(5, 16, 0), 30).then().statusCode(201)
                .body("notes", nullValue());
        io.restassured.RestAssured.given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/api/appointments/availability"))
                .body("paths.'/api/appointments/{id}'", hasKey("patch"))
                .body("paths.'/api/bookings'", hasKey("post")).body("paths", hasKey("/api/invoices/{id}"));
    }

    static long newDog(Client client, String name) {
        return ((Number) client.request().body(Map.of("name", name)).post("/api/dogs").then().statusCode(201)
                .extract().path("id")).longValue();
    }

    static OffsetDateTime at(int days, int hour, int minute) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(days).atTime(hour, minute).atOffset(ZoneOffset.UTC);
    }

    private static io.restassured.response.Response book(Client client, Trainer trainer, long dog, OffsetDateTime start,
            int minutes) {
        return client.request().body(body(trainer, dog, start, minutes)).post("/api/appointments");
    }

    private static Map<String, Object> body(Trainer trainer, long dog, OffsetDateTime start, int minutes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("trainer_id", trainer.userId());
        body.put("dog_id", dog);
        body.put("start", start.toString());
        body.put("duration", minutes);
        return body;
    }
}

package com.customk9.training.note;

import static com.customk9.training.support.Clients.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.customk9.training.support.Clients;
import com.customk9.training.support.Clients.Client;
import com.customk9.training.support.Emulator;
import com.customk9.training.support.Kennel;
import com.customk9.training.support.TestTokens;
import com.customk9.training.support.TrainingEventsTopic;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ProgressNoteResourceTest {

    private static final String NOTE = "customk9.progress.note";

    private Client trainer;
    private Client owner;
    private long dog;
    private String notes;

    @BeforeEach
    void aDogWithItsTrainer() {
        trainer = Kennel.trainer();
        owner = Kennel.client();
        dog = Kennel.dog(owner, trainer);
        notes = "/api/dogs/" + dog + "/progress-notes";
    }

    @Test
    void theOwnerAndTheTrainerAddNotesAndReadTheHistoryNewestFirst() {
        int plan = trainer.request().body(Map.of("dog_id", dog, "name", "Recall")).post("/api/training-plans").then()
                .statusCode(201).extract().path("id");

        int ownNote = owner.request().body(Map.of("note", "Came back twice at the park", "rating", 4)).post(notes)
                .then().statusCode(201).header("Location", containsString(notes + "/"))
                .body("date", equalTo(today().toString())).body("rating", equalTo(4))
                .body("author.id", equalTo((int) owner.userId())).body("dog.id", equalTo((int) dog))
                .body("plan", nullValue())
                .extract().path("id");
        int trainerNote = trainer.request().body(Map.of("note", "Recall at 20 m", "rating", 5, "plan_id", plan,
                "date", today().minusDays(3).toString())).post(notes).then().statusCode(201)
                .body("plan.id", equalTo(plan)).body("plan.name", equalTo("Recall"))
                .body("author.id", equalTo((int) trainer.userId()))
                .extract().path("id");
        int unrated = trainer.request().body(Map.of("note", "Tired today", "date", today().minusDays(1).toString()))
                .post(notes).then().statusCode(201).body("rating", nullValue()).extract().path("id");

        owner.request().get(notes).then().statusCode(200).header("Cache-Control", "no-store")
                .body("items.id", contains(ownNote, unrated, trainerNote)).body("total", equalTo(3));
        owner.request().queryParam("limit", 1).queryParam("offset", 1).get(notes).then().statusCode(200)
                .body("items.id", contains(unrated)).body("total", equalTo(3)).body("limit", equalTo(1))
                .body("offset", equalTo(1));
        trainer.request().queryParam("plan_id", plan).get(notes).then().body("items.id", contains(trainerNote))
                .body("total", equalTo(1));
        owner.request().get(notes + "/" + trainerNote).then().statusCode(200).body("note", equalTo("Recall at 20 m"));
    }

    @Test
    void readsTheSeededHistory() {
        as(TestTokens.client(Clients.ANNA_UID, Clients.ANNA_PARTNER)).get("/api/dogs/" + Clients.DOG_REX
                + "/progress-notes").then().statusCode(200).body("total", equalTo(3))
                .body("items[0].author.name", equalTo("Sarah Trainer"));
    }

    @Test
    void validatesBeforeOdooSeesTheNote() {
        int otherPlan = trainer.request().body(Map.of("dog_id", Kennel.dog(owner, trainer), "name", "Other dog's"))
                .post("/api/training-plans").then().statusCode(201).extract().path("id");
        Emulator.clearStats();

        owner.request().body(Map.of("rating", 3)).post(notes).then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR")).body("error.details", hasKey("note"));
        owner.request().body(Map.of("note", " ", "rating", 6)).post(notes).then().statusCode(400)
                .body("error.details", hasKey("note")).body("error.details", hasKey("rating"));
        owner.request().body(Map.of("note", "Zero", "rating", 0)).post(notes).then().statusCode(400)
                .body("error.details", hasKey("rating"));
        owner.request().body(Map.of("note", "x".repeat(4001))).post(notes).then().statusCode(400)
                .body("error.details", hasKey("note"));
        owner.request().body(Map.of("note", "Tomorrow", "date", today().plusDays(2).toString())).post(notes).then()
                .statusCode(400).body("error.details", hasKey("date"));
        owner.request().body(Map.of("note", "Wrong plan", "plan_id", otherPlan)).post(notes).then().statusCode(400)
                .body("error.details.plan_id[0]", equalTo("must be a training plan of this dog"));
        owner.request().queryParam("limit", 0).get(notes).then().statusCode(400);

        assertThat(Emulator.calls("api_v2", NOTE, "create") + Emulator.calls("jsonrpc", NOTE, "create")).isZero();
        owner.request().get(notes).then().body("total", equalTo(0));
    }

    @Test
    void anotherClientsDogIsNotFound() {
        Client stranger = Kennel.client();
        Client otherTrainer = Kennel.trainer();
        int note = owner.request().body(Map.of("note", "Private")).post(notes).then().statusCode(201)
                .extract().path("id");

        stranger.request().get(notes).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        stranger.request().get(notes + "/" + note).then().statusCode(404);
        stranger.request().body(Map.of("note", "Mine now")).post(notes).then().statusCode(404);
        otherTrainer.request().body(Map.of("note", "Not my dog")).post(notes).then().statusCode(404);
        owner.request().get("/api/dogs/" + Kennel.dog(stranger, trainer) + "/progress-notes/" + note).then()
                .statusCode(404);
        owner.request().get(notes).then().body("total", equalTo(1));
    }

    @Test
    void anIdempotencyKeyAddsTheNoteOnce() {
        Map<String, Object> body = Map.of("note", "Once", "rating", 3);

        int first = owner.request().header("Idempotency-Key", "note-once").body(body).post(notes).then()
                .statusCode(201).extract().path("id");
        owner.request().header("Idempotency-Key", "note-once").body(body).post(notes).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));

        owner.request().get(notes).then().body("total", equalTo(1));
    }

    @Test
    void publishesProgressNoteAdded() {
        int id = owner.request().body(Map.of("note", "Evented", "rating", 5)).post(notes).then().statusCode(201)
                .extract().path("id");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(TrainingEventsTopic.events("dog:" + dog,
                "com.customk9.training.progress-note.added")).singleElement().satisfies(event -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> data = (Map<String, Object>) event.get("data");
                    assertThat(data).containsEntry("dog_id", (int) dog);
                    assertThat(data.get("note")).asInstanceOf(InstanceOfAssertFactories.MAP)
                            .containsEntry("id", id).containsEntry("rating", 5);
                }));
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}

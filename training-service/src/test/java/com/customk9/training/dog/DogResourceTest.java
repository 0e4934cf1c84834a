package com.customk9.training.dog;

import static com.customk9.training.support.Clients.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.customk9.training.support.Clients;
import com.customk9.training.support.Clients.Client;
import com.customk9.training.support.Emulator;
import com.customk9.training.support.TestTokens;
import com.customk9.training.support.TrainingEventsTopic;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DogResourceTest {

    @AfterEach
    void healOdoo() {
        Emulator.clearFaults();
    }

    @Test
    void listsOnlyMyDogsByNameWithPaging() {
        as(TestTokens.client(Clients.ANNA_UID, Clients.ANNA_PARTNER)).get("/api/dogs").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("items.name", contains("Bella", "Rex"))
                .body("items[1].owner.id", equalTo((int) Clients.ANNA_PARTNER))
                .body("items[1].trainer.name", equalTo("Sarah Trainer"))
                .body("total", equalTo(2));
        as(TestTokens.client(Clients.ANNA_UID, Clients.ANNA_PARTNER)).queryParam("limit", 1).queryParam("offset", 1)
                .get("/api/dogs").then().statusCode(200).body("items.name", contains("Rex")).body("total", equalTo(2));
    }

    @Test
    void aTrainerSeesTheDogsTheyTrain() {
        as(TestTokens.trainer(Clients.SARAH_UID, Clients.SARAH_PARTNER)).get("/api/dogs").then().statusCode(200)
                .body("items.name", contains("Bella", "Rex"));
    }

    @Test
    void createsReadsUpdatesAndArchivesADog() {
        Client client = Clients.newClient();

        int id = client.request().body(Map.of("name", "Nala", "breed", "Vizsla", "birth_date", "2023-03-01",
                        "gender", "female", "weight", 21.5, "training_level", "beginner"))
                .post("/api/dogs").then().statusCode(201)
                .header("Location", containsString("/api/dogs/"))
                .body("name", equalTo("Nala")).body("owner.id", equalTo((int) client.partnerId()))
                .body("training_level", equalTo("beginner")).body("active", equalTo(true))
                .extract().path("id");

        client.request().body(Map.of("training_level", "intermediate", "notes", "Loves water"))
                .patch("/api/dogs/" + id).then().statusCode(200)
                .body("training_level", equalTo("intermediate")).body("notes", equalTo("Loves water"))
                .body("breed", equalTo("Vizsla"));
        client.request().get("/api/dogs/" + id).then().statusCode(200).body("training_level", equalTo("intermediate"));

        client.request().delete("/api/dogs/" + id).then().statusCode(204);
        client.request().get("/api/dogs").then().statusCode(200).body("total", equalTo(0));
        client.request().get("/api/dogs/" + id).then().statusCode(200).body("active", equalTo(false));
        client.request().queryParam("include_archived", true).get("/api/dogs").then().body("total", equalTo(1));
    }

    @Test
    void anotherClientsDogIsNotFoundForEveryVerb() {
        Client stranger = Clients.newClient();
        long rex = Clients.DOG_REX;

        stranger.request().get("/api/dogs/" + rex).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        stranger.request().body(Map.of("name", "Mine now")).patch("/api/dogs/" + rex).then().statusCode(404);
        stranger.request().delete("/api/dogs/" + rex).then().statusCode(404);
        as(TestTokens.client(Clients.ANNA_UID, Clients.ANNA_PARTNER)).get("/api/dogs/" + rex).then().statusCode(200)
                .body("name", equalTo("Rex")).body("active", equalTo(true));
    }

    @Test
    void theOwnerIsAlwaysTheCallerWhateverTheBodySays() {
        Client client = Clients.newClient();
        client.request().body(Map.of("name", "Sneaky", "owner_id", Clients.ANNA_PARTNER, "owner", Map.of("id", 7)))
                .post("/api/dogs").then().statusCode(201).body("owner.id", equalTo((int) client.partnerId()));
    }

    @Test
    void validatesFieldByField() {
        Client client = Clients.newClient();
        client.request().body(Map.of("breed", "No Name")).post("/api/dogs").then().statusCode(400)
                .body("error.details", hasKey("name"));
        client.request().body(Map.of("name", "Old", "age", 31, "weight", -1, "training_level", "expert",
                        "birth_date", LocalDate.now().plusDays(3).toString(), "gender", "other"))
                .post("/api/dogs").then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details", hasKey("age")).body("error.details", hasKey("weight"))
                .body("error.details", hasKey("training_level")).body("error.details", hasKey("birth_date"))
                .body("error.details", hasKey("gender"));
        client.request().body(Map.of("name", "x".repeat(65))).post("/api/dogs").then().statusCode(400);
        client.request().body("{\"name\": ").post("/api/dogs").then().statusCode(400)
                .body("error.code", equalTo("MALFORMED_JSON"));
        client.request().queryParam("limit", 1000).get("/api/dogs").then().statusCode(400);
        client.request().get("/api/dogs/not-a-number").then().statusCode(400);
        client.request().get("/api/dogs").then().body("total", equalTo(0));
    }

    @Test
    void needsAValidToken() {
        given().get("/api/dogs").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        given().header("Authorization", "Bearer forged.token.here").get("/api/dogs").then().statusCode(401);
    }

    @Test
    void anIdempotencyKeyCreatesOnceAndReplaysTheFirstAnswer() {
        Client client = Clients.newClient();
        Map<String, Object> body = Map.of("name", "Once");

        int first = client.request().header("Idempotency-Key", "create-once-1").body(body).post("/api/dogs")
                .then().statusCode(201).extract().path("id");
        client.request().header("Idempotency-Key", "create-once-1").body(body).post("/api/dogs")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        client.request().header("Idempotency-Key", "create-once-1").body(Map.of("name", "Other")).post("/api/dogs")
                .then().statusCode(422);

        client.request().get("/api/dogs").then().body("total", equalTo(1));
        Clients.newClient().request().header("Idempotency-Key", "create-once-1").body(body).post("/api/dogs")
                .then().statusCode(201).body("id", org.hamcrest.Matchers.not(equalTo(first)));
    }

    @Test
    void publishesDogCreatedExactlyOnce() {
        Client client = Clients.newClient();
        int id = client.request().header("Idempotency-Key", "event-once").body(Map.of("name", "Echo"))
                .post("/api/dogs").then().statusCode(201).extract().path("id");
        client.request().header("Idempotency-Key", "event-once").body(Map.of("name", "Echo")).post("/api/dogs")
                .then().statusCode(201);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                TrainingEventsTopic.events("dog:" + id, "com.customk9.training.dog.created")).hasSize(1));
    }

    @Test
    void writesFailFastWith502WhenOdooIsDown() {
        Client client = Clients.newClient();
        Emulator.outage("close");

        client.request().body(Map.of("name", "Offline")).post("/api/dogs").then().statusCode(502)
                .body("error.code", equalTo("ODOO_CONNECTION_ERROR"));
    }

    @Test
    void readsServeCachedDataWhileOdooIsDown() {
        Client client = Clients.newClient();
        client.request().body(Map.of("name", "Cached")).post("/api/dogs").then().statusCode(201);
        client.request().get("/api/dogs").then().statusCode(200).body("items.name", contains("Cached"));
        Emulator.outage("close");

        client.request().get("/api/dogs").then().statusCode(200).body("items.name", contains("Cached"));
    }
}

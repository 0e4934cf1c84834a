package com.customk9.training.plan;

import static com.customk9.training.support.Clients.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.customk9.training.support.Clients;
import com.customk9.training.support.Clients.Client;
import com.customk9.training.support.Emulator;
import com.customk9.training.support.Kennel;
import com.customk9.training.support.TestTokens;
import com.customk9.training.support.TrainingEventsTopic;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class PlanResourceTest {

    private static final String PLAN = "customk9.training.plan";
    private static final String EXERCISE = "customk9.training.exercise";

    private Client trainer;
    private Client owner;
    private long dog;

    @BeforeEach
    void aDogWithItsTrainer() {
        trainer = Kennel.trainer();
        owner = Kennel.client();
        dog = Kennel.dog(owner, trainer);
    }

    @Test
    void createsAPlanWithItsExercisesInOneOdooCall() {
        Emulator.clearStats();

        int id = trainer.request().body(plan("Basic Obedience", "Sit", "Down", "Stay"))
                .post("/api/training-plans").then().statusCode(201)
                .header("Location", containsString("/api/training-plans/"))
                .body("name", equalTo("Basic Obedience")).body("dog.id", equalTo((int) dog))
                .body("owner.id", equalTo((int) owner.partnerId())).body("trainer.id", equalTo((int) trainer.userId()))
                .body("state", equalTo("draft")).body("start_date", equalTo(today().toString()))
                .body("progress", equalTo(0.0f)).body("exercise_count", equalTo(3))
                .body("exercises.name", contains("Sit", "Down", "Stay"))
                .body("exercises.sequence", contains(10, 20, 30))
                .body("exercises.completed", contains(false, false, false))
                .extract().path("id");

        assertThat(Emulator.calls("api_v2", PLAN, "create") + Emulator.calls("jsonrpc", PLAN, "create")).isEqualTo(1);
        assertThat(Emulator.calls("api_v2", EXERCISE, "create") + Emulator.calls("jsonrpc", EXERCISE, "create")).isZero();
        assertThat(Emulator.calls("jsonrpc", PLAN, "write") + Emulator.calls("jsonrpc", EXERCISE, "write")).isZero();
        owner.request().get("/api/training-plans/" + id).then().statusCode(200).body("exercise_count", equalTo(3));
    }

    @Test
    void theOwnerReadsTheirDogsPlansByDogAndByPlan() {
        int first = create(trainer, Map.of("dog_id", dog, "name", "First", "start_date", "2026-01-05"));
        int second = create(trainer, Map.of("dog_id", dog, "name", "Second", "start_date", "2026-02-01",
                "end_date", "2026-03-01", "state", "active", "objectives", "Loose-leash walking",
                "exercises", List.of(Map.of("name", "Heel", "description", "By the left leg", "duration_minutes", 15,
                        "repetitions", 5))));

        owner.request().get("/api/dogs/" + dog + "/training-plans").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("items.id", contains(second, first)).body("total", equalTo(2))
                .body("items[0].exercise_count", equalTo(1)).body("items[0]", not(hasKey("exercises")));
        owner.request().queryParam("dog_id", dog).queryParam("state", "active").get("/api/training-plans")
                .then().statusCode(200).body("items.id", contains(second)).body("total", equalTo(1));
        owner.request().queryParam("limit", 1).queryParam("offset", 1).get("/api/training-plans").then()
                .statusCode(200).body("items.id", contains(first)).body("total", equalTo(2));
        owner.request().get("/api/training-plans/" + second).then().statusCode(200)
                .body("objectives", equalTo("Loose-leash walking")).body("end_date", equalTo("2026-03-01"))
                .body("exercises[0].description", equalTo("By the left leg"))
                .body("exercises[0].duration_minutes", equalTo(15)).body("exercises[0].repetitions", equalTo(5))
                .body("exercises[0].completion_date", nullValue());
        trainer.request().get("/api/training-plans").then().statusCode(200).body("total", equalTo(2));
    }

    @Test
    void readsTheSeededPlanWithOdoosProgress() {
        as(TestTokens.client(Clients.ANNA_UID, Clients.ANNA_PARTNER)).get("/api/dogs/" + Clients.DOG_REX
                + "/training-plans").then().statusCode(200)
                .body("items.name", contains("Basic Obedience")).body("items[0].progress", equalTo(50.0f))
                .body("items[0].trainer.name", equalTo("Sarah Trainer"));
    }

    @Test
    void theOwnerCannotCreateOrChangePlans() {
        int id = create(trainer, plan("Trainer's plan", "Sit"));
        long exercise = exerciseIds(id).get(0);

        owner.request().body(plan("Mine", "Sit")).post("/api/training-plans").then().statusCode(403)
                .body("error.code", equalTo("FORBIDDEN"));
        owner.request().body(Map.of("name", "Renamed")).patch("/api/training-plans/" + id).then().statusCode(403);
        owner.request().body(Map.of("name", "Roll over")).post("/api/training-plans/" + id + "/exercises").then()
                .statusCode(403);
        owner.request().body(Map.of("name", "Sit!")).patch("/api/training-plans/" + id + "/exercises/" + exercise)
                .then().statusCode(403);
        owner.request().delete("/api/training-plans/" + id + "/exercises/" + exercise).then().statusCode(403);
        owner.request().body(Map.of("exercise_ids", List.of(exercise))).put("/api/training-plans/" + id
                + "/exercises/order").then().statusCode(403);
        owner.request().get("/api/training-plans/" + id).then().statusCode(200).body("name", equalTo("Trainer's plan"))
                .body("exercises.name", contains("Sit"));
    }

    @Test
    void aTrainerPlansOnlyForTheDogsTheyTrain() {
        Client otherTrainer = Kennel.trainer();
        int id = create(trainer, plan("Trainer's plan", "Sit"));

        otherTrainer.request().body(plan("Not mine", "Sit")).post("/api/training-plans").then().statusCode(404);
        otherTrainer.request().get("/api/training-plans/" + id).then().statusCode(404);
        otherTrainer.request().body(Map.of("name", "Taken")).patch("/api/training-plans/" + id).then().statusCode(404);

        // a trainer's own dog, trained by someone else: theirs to read, not to plan
        long ownDog = Kennel.dog(otherTrainer, trainer);
        otherTrainer.request().body(Map.of("dog_id", ownDog, "name", "Self-made")).post("/api/training-plans").then()
                .statusCode(403);
    }

    @Test
    void anotherClientsPlanOrDogIsNotFoundForEveryVerb() {
        Client stranger = Kennel.client();
        int id = create(trainer, plan("Private", "Sit"));
        long exercise = exerciseIds(id).get(0);
        String path = "/api/training-plans/" + id;

        stranger.request().get(path).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        stranger.request().get("/api/dogs/" + dog + "/training-plans").then().statusCode(404);
        stranger.request().queryParam("dog_id", dog).get("/api/training-plans").then().statusCode(200)
                .body("items", empty()).body("total", equalTo(0));
        stranger.request().body(plan("Sneaky", "Sit")).post("/api/training-plans").then().statusCode(404);
        stranger.request().body(Map.of("name", "Mine now")).patch(path).then().statusCode(404);
        stranger.request().post(path + "/exercises/" + exercise + "/complete").then().statusCode(404);
        stranger.request().delete(path + "/exercises/" + exercise + "/complete").then().statusCode(404);
        stranger.request().delete(path + "/exercises/" + exercise).then().statusCode(404);
        owner.request().get(path).then().statusCode(200).body("exercises[0].completed", equalTo(false));
    }

    @Test
    void theOwnerMarksExercisesCompletedAndProgressFollows() {
        int id = create(trainer, plan("Progress", "Sit", "Down", "Stay"));
        List<Long> exercises = exerciseIds(id);
        String path = "/api/training-plans/" + id + "/exercises/";

        given().header("Authorization", "Bearer " + owner.token()).post(path + exercises.get(0) + "/complete").then()
                .statusCode(200).body("exercises[0].completed", equalTo(true))
                .body("exercises[0].completion_date", equalTo(today().toString()))
                .body("progress", equalTo(33.33f));
        trainer.request().body(Map.of("completion_date", "2026-01-10")).post(path + exercises.get(1) + "/complete")
                .then().statusCode(200).body("exercises[1].completion_date", equalTo("2026-01-10"))
                .body("progress", equalTo(66.67f));
        owner.request().get("/api/dogs/" + dog + "/training-plans").then().body("items[0].progress", equalTo(66.67f));

        owner.request().delete(path + exercises.get(0) + "/complete").then().statusCode(200)
                .body("exercises[0].completed", equalTo(false)).body("exercises[0].completion_date", nullValue())
                .body("progress", equalTo(33.33f));
        owner.request().get("/api/training-plans/" + id).then().body("progress", equalTo(33.33f));
    }

    @Test
    void completionIsValidatedAndScopedToThePlan() {
        int id = create(trainer, plan("Checked", "Sit"));
        int other = create(trainer, plan("Other", "Down"));
        long exercise = exerciseIds(id).get(0);
        long otherExercise = exerciseIds(other).get(0);
        Emulator.clearStats();

        owner.request().body(Map.of("completion_date", today().plusDays(2).toString()))
                .post("/api/training-plans/" + id + "/exercises/" + exercise + "/complete").then().statusCode(400)
                .body("error.details", hasKey("completion_date"));
        owner.request().post("/api/training-plans/" + id + "/exercises/" + otherExercise + "/complete").then()
                .statusCode(404).body("error.details.resource", equalTo("exercise"));
        assertThat(Emulator.calls("jsonrpc", EXERCISE, "write")).isZero();
    }

    @Test
    void completingTwiceChangesNothingTheSecondTime() {
        int id = create(trainer, plan("Twice", "Sit", "Down"));
        long exercise = exerciseIds(id).get(0);
        String complete = "/api/training-plans/" + id + "/exercises/" + exercise + "/complete";

        owner.request().body(Map.of("completion_date", "2026-01-10")).post(complete).then().statusCode(200);
        Emulator.clearStats();
        owner.request().post(complete).then().statusCode(200)
                .body("exercises[0].completion_date", equalTo("2026-01-10")).body("progress", equalTo(50.0f));
        assertThat(Emulator.calls("jsonrpc", EXERCISE, "write")).isZero();
    }

    @Test
    void addsChangesAndRemovesExercisesInOneOdooWrite() {
        int id = create(trainer, plan("Edited", "Sit", "Down", "Stay"));
        List<Long> exercises = exerciseIds(id);
        Emulator.clearStats();

        trainer.request().body(Map.of("name", "Edited again", "state", "active", "exercises", Map.of(
                        "add", List.of(Map.of("name", "Recall"), Map.of("name", "Place")),
                        "update", List.of(Map.of("id", exercises.get(2), "sequence", 5, "name", "Stay!")),
                        "remove", List.of(exercises.get(1)))))
                .patch("/api/training-plans/" + id).then().statusCode(200)
                .body("name", equalTo("Edited again")).body("state", equalTo("active"))
                .body("exercises.name", contains("Stay!", "Sit", "Recall", "Place"))
                .body("exercises.sequence", contains(5, 10, 40, 50)).body("exercise_count", equalTo(4));

        assertThat(Emulator.calls("jsonrpc", PLAN, "write")).isEqualTo(1);
        assertThat(Emulator.calls("jsonrpc", EXERCISE, "write") + Emulator.calls("jsonrpc", EXERCISE, "unlink")
                + Emulator.calls("jsonrpc", EXERCISE, "create") + Emulator.calls("api_v2", EXERCISE, "create")).isZero();
    }

    @Test
    void addsReordersEditsAndRemovesSingleExercises() {
        int id = create(trainer, plan("One by one", "Sit", "Down"));
        String path = "/api/training-plans/" + id + "/exercises";

        JsonPath added = trainer.request().body(Map.of("name", "Stay", "repetitions", 3)).post(path).then()
                .statusCode(201).body("exercises.name", contains("Sit", "Down", "Stay"))
                .body("exercises.sequence", contains(10, 20, 30)).extract().jsonPath();
        List<Long> ids = added.getList("exercises.id", Long.class);

        trainer.request().body(Map.of("exercise_ids", List.of(ids.get(2), ids.get(0), ids.get(1))))
                .put(path + "/order").then().statusCode(200)
                .body("exercises.name", contains("Stay", "Sit", "Down")).body("exercises.sequence", contains(10, 20, 30));
        trainer.request().body(Map.of("name", "Down (long)", "duration_minutes", 10)).patch(path + "/" + ids.get(1))
                .then().statusCode(200).body("exercises[2].name", equalTo("Down (long)"))
                .body("exercises[2].duration_minutes", equalTo(10));
        trainer.request().delete(path + "/" + ids.get(0)).then().statusCode(200)
                .body("exercises.name", contains("Stay", "Down (long)")).body("exercise_count", equalTo(2));
        trainer.request().delete(path + "/" + ids.get(0)).then().statusCode(404);

        trainer.request().body(Map.of("exercise_ids", List.of(ids.get(2)))).put(path + "/order").then()
                .statusCode(400).body("error.details", hasKey("exercise_ids"));
    }

    @Test
    void validatesBeforeOdooSeesTheRequest() {
        Emulator.clearStats();

        trainer.request().body(Map.of("dog_id", dog)).post("/api/training-plans").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR")).body("error.details", hasKey("name"));
        trainer.request().body(Map.of("name", "No dog")).post("/api/training-plans").then().statusCode(400)
                .body("error.details", hasKey("dog_id"));
        trainer.request().body(Map.of("dog_id", dog, "name", "x".repeat(129), "state", "paused",
                        "exercises", List.of(Map.of("name", "Sit"), Map.of("description", "no name"))))
                .post("/api/training-plans").then().statusCode(400)
                .body("error.details", hasKey("name")).body("error.details", hasKey("state"))
                .body("error.details", hasKey("exercises[1].name"));
        trainer.request().body(Map.of("dog_id", dog, "name", "Backwards", "start_date", "2026-03-01",
                "end_date", "2026-02-01")).post("/api/training-plans").then().statusCode(400)
                .body("error.details.end_date[0]", equalTo("must not be before start_date"));
        List<Map<String, Object>> tooMany = new ArrayList<>();
        IntStream.range(0, 101).forEach(i -> tooMany.add(Map.of("name", "Exercise " + i)));
        trainer.request().body(Map.of("dog_id", dog, "name", "Too long", "exercises", tooMany))
                .post("/api/training-plans").then().statusCode(400).body("error.details", hasKey("exercises"));
        trainer.request().queryParam("state", "paused").get("/api/training-plans").then().statusCode(400);

        assertThat(Emulator.calls("api_v2", PLAN, "create") + Emulator.calls("jsonrpc", PLAN, "create")).isZero();
    }

    @Test
    void validatesChangesAgainstThePlanAsItIs() {
        int id = create(trainer, Map.of("dog_id", dog, "name", "Dated", "start_date", "2026-03-01",
                "exercises", List.of(Map.of("name", "Sit"))));
        Emulator.clearStats();

        trainer.request().body(Map.of("end_date", "2026-02-01")).patch("/api/training-plans/" + id).then()
                .statusCode(400).body("error.details", hasKey("end_date"));
        trainer.request().body(Map.of("name", " ")).patch("/api/training-plans/" + id).then().statusCode(400)
                .body("error.details", hasKey("name"));
        trainer.request().body(Map.of("exercises", Map.of("remove", List.of(999_999))))
                .patch("/api/training-plans/" + id).then().statusCode(404);
        trainer.request().body(Map.of("exercises", Map.of("update", List.of(Map.of("name", "No id")))))
                .patch("/api/training-plans/" + id).then().statusCode(400)
                .body("error.details", hasKey("exercises.update[0].id"));
        List<Map<String, Object>> hundred = new ArrayList<>();
        IntStream.range(0, 100).forEach(i -> hundred.add(Map.of("name", "Exercise " + i)));
        trainer.request().body(Map.of("exercises", Map.of("add", hundred))).patch("/api/training-plans/" + id).then()
                .statusCode(400).body("error.details", hasKey("exercises"));

        assertThat(Emulator.calls("jsonrpc", PLAN, "write")).isZero();
    }

    @Test
    void anIdempotencyKeyCreatesThePlanOnce() {
        Map<String, Object> body = plan("Once", "Sit");

        int first = trainer.request().header("Idempotency-Key", "plan-once").body(body).post("/api/training-plans")
                .then().statusCode(201).extract().path("id");
        trainer.request().header("Idempotency-Key", "plan-once").body(body).post("/api/training-plans").then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));

        owner.request().get("/api/dogs/" + dog + "/training-plans").then().body("total", equalTo(1));
    }

    @Test
    void publishesPlanCreatedUpdatedAndExerciseCompleted() {
        int id = create(trainer, plan("Evented", "Sit", "Down"));
        long exercise = exerciseIds(id).get(0);
        trainer.request().body(Map.of("state", "active")).patch("/api/training-plans/" + id).then().statusCode(200);
        owner.request().post("/api/training-plans/" + id + "/exercises/" + exercise + "/complete").then()
                .statusCode(200);
        owner.request().post("/api/training-plans/" + id + "/exercises/" + exercise + "/complete").then()
                .statusCode(200);

        String subject = "plan:" + id;
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(TrainingEventsTopic.events(subject, "com.customk9.training.plan.created")).singleElement()
                    .satisfies(event -> assertThat(data(event)).containsEntry("dog_id", (int) dog));
            assertThat(TrainingEventsTopic.events(subject, "com.customk9.training.plan.updated")).singleElement()
                    .satisfies(event -> assertThat(data(event).get("changed")).isEqualTo(List.of("state")));
            assertThat(TrainingEventsTopic.events(subject, "com.customk9.training.exercise.completed")).singleElement()
                    .satisfies(event -> assertThat(data(event)).containsEntry("dog_id", (int) dog)
                            .containsEntry("exercise_id", (int) exercise).containsEntry("progress", 50.0)
                            .containsEntry("completion_date", today().toString()));
        });
    }

    private Map<String, Object> plan(String name, String... exercises) {
        return Map.of("dog_id", dog, "name", name,
                "exercises", List.of(exercises).stream().map(exercise -> Map.of("name", exercise)).toList());
    }

    private static int create(Client trainer, Map<String, Object> body) {
        return trainer.request().body(body).post("/api/training-plans").then().statusCode(201).extract().path("id");
    }

    private List<Long> exerciseIds(int plan) {
        return owner.request().get("/api/training-plans/" + plan).then().statusCode(200).extract().jsonPath()
                .getList("exercises.id", Long.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> event) {
        return (Map<String, Object>) event.get("data");
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}

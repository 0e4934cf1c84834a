package com.customk9.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.customk9.e2e.support.Suite;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * The client area's journeys, black-box, through the gateway only: the packaged emulator,
 * auth-service, training-service and gateway run as processes ({@link Suite}). Journeys 1 to 8 are
 * independent of one another; the last one stops auth-service, so it runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JourneysIT {

    private static final String ANNA = "anna.client@customk9.example";
    private static final String BEN = "ben.client@customk9.example";
    private static final String SARAH = "sarah.trainer@customk9.example";
    private static final String TRAINER_PASSWORD = "trainer";
    /** Anna's dog Rex in the demo data, trained by Sarah. */
    private static final int REX = 1;
    /** The demo data's "Private Training Session": a sellable service at 95.00. */
    private static final int PRIVATE_TRAINING_SESSION = 4;
    private static final String DEMO_PASSWORD = "client";
    private static final String STRONG_PASSWORD = "Walkies-2026!";
    private static final String NEW_PASSWORD = "Heelwork-2027?";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** No call may hang: connecting and every read are bounded. */
    private static final RestAssuredConfig HTTP = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.connection.timeout", 5_000)
            .setParam("http.socket.timeout", 20_000));

    private static Suite suite;

    @BeforeAll
    static void startSuite() {
        suite = Suite.start();
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.stop();
        }
    }

    @Test
    @Order(1)
    void aDemoClientSignsInAndCallsWithTheToken() {
        String requestId = "e2e-" + UUID.randomUUID();
        Response login = gateway().header("X-Request-Id", requestId)
                .body(Map.of("email", ANNA, "password", DEMO_PASSWORD))
                .post("/api/auth/login");
        withSecurityHeaders(login.then().statusCode(200))
                .header("X-Request-Id", requestId)
                .header("RateLimit-Limit", String.valueOf(Suite.ANONYMOUS_LIMIT))
                .header("X-RateLimit-Limit", String.valueOf(Suite.ANONYMOUS_LIMIT))
                .body("access", not(emptyOrNullString()))
                .body("refresh", not(emptyOrNullString()))
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(900))
                .body("user.email", equalTo(ANNA))
                .body("user.roles", hasItem("client"));
        assertThat(Integer.parseInt(login.header("RateLimit-Remaining"))).isBetween(0, Suite.ANONYMOUS_LIMIT - 1);
        assertThat(Integer.parseInt(login.header("RateLimit-Reset"))).isBetween(0, 60);

        String access = login.path("access");
        JsonNode header = jwtPart(access, 0);
        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        assertThat(header.path("kid").asText()).isEqualTo(suite.signingKey().keyId());
        JsonNode claims = jwtPart(access, 1);
        assertThat(claims.path("iss").asText()).isEqualTo("customk9-auth");
        assertThat(claims.path("sub").asText()).isEqualTo(String.valueOf((Integer) login.path("user.id")));

        // The caller's own bucket once the token verified.
        withSecurityHeaders(bearer(access).get("/api/auth/me").then().statusCode(200))
                .header("RateLimit-Limit", "100")
                .header("X-Request-Id", not(emptyOrNullString()))
                .header("Cache-Control", containsString("no-store"))
                .body("email", equalTo(ANNA))
                .body("name", equalTo("Anna Client"))
                .body("id", equalTo((Integer) login.path("user.id")))
                .body("partner_id", equalTo((Integer) login.path("user.partner_id")));

        // Refused by the gateway itself (its message), never reaching auth-service.
        withSecurityHeaders(gateway().get("/api/auth/me").then().statusCode(401))
                .header("WWW-Authenticate", "Bearer")
                .header("RateLimit-Limit", String.valueOf(Suite.ANONYMOUS_LIMIT))
                .body("error.code", equalTo("UNAUTHORIZED"))
                .body("error.message", equalTo("Authentication required"));

        gateway().get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys.kid", hasItem(suite.signingKey().keyId()))
                .body("keys[0].kid", equalTo(suite.signingKey().keyId()))
                .body("keys[0].kty", equalTo("RSA"))
                .body("keys[0].n", equalTo(suite.signingKey().jwkModulus()));
    }

    @Test
    @Order(2)
    void aNewClientRegistersSignsInAndKeepsTheirSettings() throws Exception {
        String email = newEmail();
        Response registered = gateway()
                .body(Map.of("name", "Erin Walker", "email", email, "password", STRONG_PASSWORD, "phone", "+1 555-0142"))
                .post("/api/auth/register");
        withSecurityHeaders(registered.then().statusCode(201))
                .body("access", not(emptyOrNullString()))
                .body("user.email", equalTo(email))
                .body("user.name", equalTo("Erin Walker"))
                .body("user.roles", equalTo(List.of("client")));
        int userId = registered.path("user.id");

        String access = login(email, STRONG_PASSWORD).path("access");
        bearer(access).get("/api/auth/me").then().statusCode(200).body("id", equalTo(userId)).body("email", equalTo(email));

        bearer(access).body(Map.of("theme", "dark", "language", "fr_FR", "timezone", "Europe/Brussels"))
                .put("/api/settings").then().statusCode(200)
                .body("theme", equalTo("dark")).body("language", equalTo("fr_FR"));
        bearer(access).get("/api/settings").then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("theme", equalTo("dark"))
                .body("language", equalTo("fr_FR"))
                .body("timezone", equalTo("Europe/Brussels"));

        // The other services learn of the new client through auth-service's outbox.
        ConsumerRecord<String, String> event = suite.kafka().awaitRecord(Suite.AUTH_EVENTS_TOPIC,
                record -> record.value().contains("com.customk9.auth.user.registered") && record.value().contains(email),
                Duration.ofSeconds(30));
        JsonNode cloudEvent = JSON.readTree(event.value());
        assertThat(cloudEvent.path("subject").asText()).isEqualTo("user:" + userId);
        assertThat(cloudEvent.path("data").path("email").asText()).isEqualTo(email);
    }

    @Test
    @Order(3)
    void refreshRotatesAndReusingARotatedTokenKillsTheFamily() {
        String firstRefresh = login(ANNA, DEMO_PASSWORD).path("refresh");

        Response rotated = gateway().body(Map.of("refresh", firstRefresh)).post("/api/auth/refresh");
        rotated.then().statusCode(200).body("access", not(emptyOrNullString())).body("user.email", equalTo(ANNA));
        String secondRefresh = rotated.path("refresh");
        assertThat(secondRefresh).isNotBlank().isNotEqualTo(firstRefresh);
        bearer(rotated.path("access")).get("/api/auth/me").then().statusCode(200).body("email", equalTo(ANNA));

        // The spent token again (a thief's copy): refused, and the whole family with it.
        gateway().body(Map.of("refresh", firstRefresh)).post("/api/auth/refresh").then().statusCode(401)
                .body("error.code", equalTo("UNAUTHORIZED"));
        gateway().body(Map.of("refresh", secondRefresh)).post("/api/auth/refresh").then().statusCode(401)
                .body("error.code", equalTo("UNAUTHORIZED"));
    }

    @Test
    @Order(4)
    void afterLogoutTheGatewayRefusesTheSameAccessToken() {
        Response login = login(ANNA, DEMO_PASSWORD);
        String access = login.path("access");
        bearer(access).get("/api/auth/me").then().statusCode(200);

        bearer(access).post("/api/auth/logout").then().statusCode(200)
                .body("access_token_revoked", is(true));

        // The gateway's own answer: the jti auth-service put in Redis, found in the rate-limit script.
        bearer(access).get("/api/auth/me").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .body("error.code", equalTo("UNAUTHORIZED"))
                .body("error.message", equalTo("The access token has been revoked"));
        bearer(access).get("/api/settings").then().statusCode(401)
                .body("error.message", equalTo("The access token has been revoked"));
        gateway().body(Map.of("refresh", login.path("refresh"))).post("/api/auth/refresh").then().statusCode(401);
    }

    @Test
    @Order(5)
    void aClientChangesTheirPasswordAndSignsInWithTheNewOne() {
        String email = newEmail();
        String access = gateway().body(Map.of("name", "Fran Heeler", "email", email, "password", STRONG_PASSWORD))
                .post("/api/auth/register").then().statusCode(201).extract().path("access");
        String otherDevice = login(email, STRONG_PASSWORD).path("refresh");

        bearer(access).body(Map.of("current_password", STRONG_PASSWORD, "new_password", NEW_PASSWORD))
                .put("/api/auth/password").then().statusCode(200)
                .body("message", equalTo("Password changed"));

        gateway().body(Map.of("email", email, "password", STRONG_PASSWORD)).post("/api/auth/login").then().statusCode(401)
                .body("error.code", equalTo("UNAUTHORIZED"));
        login(email, NEW_PASSWORD).then().body("user.email", equalTo(email));
        // Every other session ended with the change; this one goes on.
        gateway().body(Map.of("refresh", otherDevice)).post("/api/auth/refresh").then().statusCode(401);
        bearer(access).get("/api/auth/me").then().statusCode(200).body("email", equalTo(email));
    }

    @Test
    @Order(6)
    void anOdooChangeReachesKafkaThroughTheSignedWebhook() throws Exception {
        // Odoo's automation rule: writes of customk9.dog, signed, to the gateway's webhook. Odoo sends no
        // operation field: the gateway reads it from the action's name in _action ("...: dog write(#100)").
        String targetId = emulatorAdmin()
                .body(Map.of("models", List.of("customk9.dog"), "url", suite.gatewayUrl() + "/api/odoo/webhook",
                        "fields", List.of("name", "owner_id"), "secret", Suite.WEBHOOK_SECRET, "on", List.of("write"),
                        "action_name", "Notify the gateway: dog write"))
                .post("/emulator/webhooks").then().statusCode(201).extract().path("id");
        try {
            int adminUid = jsonRpc("common", "login", List.of("customk9", "admin", "admin")).getInt("result");
            String name = "Rex " + UUID.randomUUID().toString().substring(0, 8);
            assertThat(jsonRpc("object", "execute_kw", List.of("customk9", adminUid, "admin", "customk9.dog", "write",
                    List.of(List.of(1), Map.of("name", name)))).getBoolean("result")).isTrue();

            ConsumerRecord<String, String> record = suite.kafka().awaitRecord(Suite.WEBHOOK_TOPIC,
                    candidate -> "customk9.dog:1".equals(candidate.key()) && candidate.value().contains(name),
                    Duration.ofSeconds(30));
            JsonNode event = JSON.readTree(record.value());
            assertThat(event.path("specversion").asText()).isEqualTo("1.0");
            assertThat(event.path("source").asText()).isEqualTo("/customk9/gateway");
            assertThat(event.path("type").asText()).isEqualTo("com.customk9.odoo.webhook.write");
            assertThat(event.path("subject").asText()).isEqualTo("customk9.dog:1");
            assertThat(event.path("data").path("_model").asText()).isEqualTo("customk9.dog");
            assertThat(event.path("data").path("_id").asInt()).isEqualTo(1);
            assertThat(event.path("data").path("name").asText()).isEqualTo(name);
            assertThat(event.path("data").path("owner_id").asInt()).isEqualTo(7);
            // The emulator saw the gateway accept it.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> emulatorAdmin().get("/emulator/stats").then()
                    .statusCode(200).body("webhooks.delivered", equalTo(1)).body("webhooks.failed", equalTo(0)));
        } finally {
            emulatorAdmin().delete("/emulator/webhooks/" + targetId).then().statusCode(204);
        }

        // The same check as Odoo's signature, made by hand: a forged one is refused, a replay too.
        String body = "{\"_action\": \"Send Webhook Notification(#100)\", \"_id\": 3, \"_model\": \"customk9.dog\", \"id\": 3}";
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String signature = "sha256=" + hmacSha256Hex(Suite.WEBHOOK_SECRET, timestamp + "." + body);
        webhook(body, timestamp, "sha256=" + hmacSha256Hex("not-the-secret", timestamp + "." + body)).then().statusCode(401);
        webhook(body, timestamp, signature).then().statusCode(202).body("subject", equalTo("customk9.dog:3"));
        webhook(body, timestamp, signature).then().statusCode(409);
        suite.kafka().awaitRecord(Suite.WEBHOOK_TOPIC, candidate -> "customk9.dog:3".equals(candidate.key()),
                Duration.ofSeconds(10));
        // training-service consumes odoo.webhooks (cache invalidation): the gateway's structured
        // CloudEvents must neither stop that channel nor take the service out of liveness.
        org.awaitility.Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> io.restassured.RestAssured.given().get(suite.trainingService().url() + "/q/health/live")
                        .statusCode() == 200);
    }

    @Test
    @Order(7)
    void aClientTrainsAndBooksForTheirDogsThroughTheGateway() throws Exception {
        // --- Anna signs in and adds a dog
        Response annaLogin = login(ANNA, DEMO_PASSWORD);
        String anna = annaLogin.path("access");
        String dogName = "Pip " + UUID.randomUUID().toString().substring(0, 6);
        Response addedDog = bearer(anna)
                .body(Map.of("name", dogName, "breed", "Whippet", "birth_date", LocalDate.now(ZoneOffset.UTC).minusYears(2)
                        .toString(), "gender", "female", "weight", 12.5, "training_level", "beginner"))
                .post("/api/dogs");
        withSecurityHeaders(addedDog.then().statusCode(201))
                .body("name", equalTo(dogName))
                .body("breed", equalTo("Whippet"))
                .body("training_level", equalTo("beginner"))
                .body("owner.id", equalTo((Integer) annaLogin.path("user.partner_id")))
                .body("trainer", nullValue())
                .body("active", is(true));
        int dogId = addedDog.path("id");
        assertThat(addedDog.header("Location")).endsWith("/api/dogs/" + dogId);
        bearer(anna).get("/api/dogs").then().statusCode(200)
                .body("items.id", hasItems(REX, dogId))
                .body("items.find { it.id == " + dogId + " }.name", equalTo(dogName));

        // --- Sarah, Rex's trainer, makes him a plan of three exercises; Anna, his owner, may not
        Response sarahLogin = login(SARAH, TRAINER_PASSWORD);
        sarahLogin.then().body("user.roles", hasItem("trainer"));
        String sarah = sarahLogin.path("access");
        int sarahId = sarahLogin.path("user.id");
        bearer(anna).get("/api/dogs/" + REX).then().statusCode(200).body("trainer.id", equalTo(sarahId));
        Map<String, Object> planRequest = Map.of("dog_id", REX, "name", "Street Manners", "state", "active",
                "objectives", "Calm walking in town.", "exercises", List.of(
                        Map.of("name", "Wait at the kerb", "duration_minutes", 10, "repetitions", 5),
                        Map.of("name", "Pass a cafe terrace", "duration_minutes", 15),
                        Map.of("name", "Settle on a mat", "duration_minutes", 20)));
        bearer(anna).body(planRequest).post("/api/training-plans").then().statusCode(403)
                .body("error.code", equalTo("FORBIDDEN"));
        Response createdPlan = bearer(sarah).body(planRequest).post("/api/training-plans");
        createdPlan.then().statusCode(201)
                .body("name", equalTo("Street Manners"))
                .body("dog.id", equalTo(REX))
                .body("trainer.id", equalTo(sarahId))
                .body("state", equalTo("active"))
                .body("exercise_count", equalTo(3))
                .body("exercises.name", contains("Wait at the kerb", "Pass a cafe terrace", "Settle on a mat"))
                .body("exercises.completed", contains(false, false, false));
        assertThat(createdPlan.jsonPath().getDouble("progress")).isZero();
        int planId = createdPlan.path("id");
        List<Integer> exercises = createdPlan.path("exercises.id");

        // --- Anna completes two of them and sees the plan two thirds done
        // one today (no date given), one yesterday (in the past whatever the machine's zone)
        bearer(anna).body(Map.of()).post("/api/training-plans/" + planId + "/exercises/" + exercises.get(0) + "/complete")
                .then().statusCode(200)
                .body("exercises[0].completed", is(true))
                .body("exercises[0].completion_date", not(emptyOrNullString()));
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        bearer(anna).body(Map.of("completion_date", yesterday))
                .post("/api/training-plans/" + planId + "/exercises/" + exercises.get(1) + "/complete").then().statusCode(200)
                .body("exercises[1].completed", is(true))
                .body("exercises[1].completion_date", equalTo(yesterday));
        Response annasPlan = bearer(anna).get("/api/training-plans/" + planId);
        withSecurityHeaders(annasPlan.then().statusCode(200))
                .body("id", equalTo(planId))
                .body("owner.id", equalTo((Integer) annaLogin.path("user.partner_id")))
                .body("exercises.completed", contains(true, true, false));
        assertThat(annasPlan.jsonPath().getDouble("progress")).isCloseTo(66.67, within(0.005));
        bearer(anna).queryParam("dog_id", REX).get("/api/training-plans").then().statusCode(200)
                .body("items.id", hasItem(planId));

        // --- Anna books a session with Sarah for Rex a few days ahead, then moves it
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(4);
        List<Map<String, String>> free = freeSlots(anna, sarahId, day);
        assertThat(free).as("Sarah's free hours on " + day).isNotEmpty();
        Map<String, String> first = free.get(0);
        // a later free hour that does not overlap the first one
        Map<String, String> later = free.stream()
                .filter(slot -> !OffsetDateTime.parse(slot.get("start")).isBefore(OffsetDateTime.parse(first.get("stop"))))
                .findFirst().orElseThrow(() -> new AssertionError("Sarah has one free hour only on " + day + ": " + free));
        Response booked = bearer(anna).body(Map.of("trainer_id", sarahId, "dog_id", REX, "start", first.get("start"),
                "duration", 60, "notes", "Kerb work in town")).post("/api/appointments");
        withSecurityHeaders(booked.then().statusCode(201))
                .body("trainer.id", equalTo(sarahId))
                .body("dog.id", equalTo(REX))
                .body("duration_minutes", equalTo(60))
                .body("notes", equalTo("Kerb work in town"))
                .body("cancelled", is(false));
        int appointmentId = booked.path("id");
        assertThat(Instant.parse(booked.path("start"))).isEqualTo(OffsetDateTime.parse(first.get("start")).toInstant());
        assertThat(freeStarts(anna, sarahId, day)).doesNotContain(first.get("start"));
        // the same slot again: taken
        bearer(anna).body(Map.of("trainer_id", sarahId, "dog_id", REX, "start", first.get("start"), "duration", 60))
                .post("/api/appointments").then().statusCode(409).body("error.code", equalTo("CONFLICT"));

        Response moved = bearer(anna).body(Map.of("start", later.get("start"))).patch("/api/appointments/" + appointmentId);
        moved.then().statusCode(200).body("id", equalTo(appointmentId)).body("duration_minutes", equalTo(60))
                .body("cancelled", is(false));
        assertThat(Instant.parse(moved.path("start"))).isEqualTo(OffsetDateTime.parse(later.get("start")).toInstant());
        assertThat(Instant.parse(moved.path("stop"))).isEqualTo(OffsetDateTime.parse(later.get("stop")).toInstant());
        List<String> afterMove = freeStarts(anna, sarahId, day);
        assertThat(afterMove).contains(first.get("start")).doesNotContain(later.get("start"));
        Response upcoming = bearer(anna).queryParam("limit", 100).get("/api/appointments");
        upcoming.then().statusCode(200).body("items.id", hasItem(appointmentId));
        assertThat(Instant.parse(upcoming.path("items.find { it.id == " + appointmentId + " }.start")))
                .isEqualTo(OffsetDateTime.parse(later.get("start")).toInstant());

        // --- Anna files a PDF for her new dog and downloads it back as it was
        byte[] pdf = ("%PDF-1.4\n% " + dogName + ": vaccination card\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
        Response uploaded = given().config(HTTP).baseUri(suite.gatewayUrl()).accept(ContentType.JSON)
                .header("Authorization", "Bearer " + anna)
                .multiPart("file", "vaccination-card.pdf", pdf, "application/pdf")
                .multiPart("dog_id", String.valueOf(dogId))
                .multiPart("description", "Vaccination card")
                .post("/api/files");
        withSecurityHeaders(uploaded.then().statusCode(201))
                .body("name", equalTo("vaccination-card.pdf"))
                .body("mimetype", equalTo("application/pdf"))
                .body("size", equalTo(pdf.length))
                .body("description", equalTo("Vaccination card"))
                .body("dog.id", equalTo(dogId));
        int fileId = uploaded.path("id");
        assertThat((String) uploaded.path("sha1")).isEqualToIgnoringCase(sha1Hex(pdf));
        assertThat((String) uploaded.path("content_url")).isEqualTo("/api/files/" + fileId + "/content");
        Response download = given().config(HTTP).baseUri(suite.gatewayUrl()).header("Authorization", "Bearer " + anna)
                .get("/api/files/" + fileId + "/content");
        download.then().statusCode(200)
                .header("Content-Type", startsWith("application/pdf"))
                .header("Content-Disposition", startsWith("attachment; filename=\"vaccination-card.pdf\""));
        assertThat(download.asByteArray()).isEqualTo(pdf);
        bearer(anna).queryParam("dog_id", dogId).get("/api/files").then().statusCode(200)
                .body("items.id", contains(fileId)).body("total", equalTo(1));

        // --- Anna books a paid service for her new dog: billed with a draft invoice she sees
        Response booking = bearer(anna).body(Map.of("name", "Private session for " + dogName, "dog_id", dogId,
                "service_id", PRIVATE_TRAINING_SESSION, "description", "First assessment")).post("/api/bookings");
        withSecurityHeaders(booking.then().statusCode(201))
                .body("name", equalTo("Private session for " + dogName))
                .body("dog.id", equalTo(dogId))
                .body("service.id", equalTo(PRIVATE_TRAINING_SESSION))
                .body("cancelled", is(false))
                .body("invoice.state", equalTo("draft"))
                .body("invoice.payment_state", equalTo("not_paid"));
        int bookingId = booking.path("id");
        int invoiceId = booking.path("invoice.id");
        assertThat(booking.jsonPath().getDouble("invoice.amount_total")).isEqualTo(95.0);
        assertThat((String) booking.path("invoice.origin")).isEqualTo("Ticket #" + bookingId);
        Response invoices = bearer(anna).queryParam("limit", 100).get("/api/invoices");
        withSecurityHeaders(invoices.then().statusCode(200)).body("items.id", hasItem(invoiceId));
        String invoice = "items.find { it.id == " + invoiceId + " }";
        assertThat((String) invoices.path(invoice + ".state")).isEqualTo("draft");
        assertThat((String) invoices.path(invoice + ".origin")).isEqualTo("Ticket #" + bookingId);
        assertThat(invoices.jsonPath().getDouble(invoice + ".amount_total")).isEqualTo(95.0);
        bearer(anna).get("/api/invoices/" + invoiceId).then().statusCode(200)
                .body("lines[0].product.id", equalTo(PRIVATE_TRAINING_SESSION))
                .body("lines[0].description", equalTo("Private Training Session - " + dogName));

        // --- Another client sees none of it: 404, as if it did not exist
        String ben = login(BEN, DEMO_PASSWORD).path("access");
        for (String path : List.of("/api/dogs/" + dogId, "/api/training-plans/" + planId, "/api/appointments/" + appointmentId,
                "/api/files/" + fileId, "/api/files/" + fileId + "/content", "/api/bookings/" + bookingId,
                "/api/invoices/" + invoiceId)) {
            bearer(ben).get(path).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        }
        bearer(ben).get("/api/dogs").then().statusCode(200).body("items.id", not(hasItem(dogId)));
    }

    @Test
    @Order(8)
    void trainingServiceTellsTheOthersThroughKafka() throws Exception {
        String anna = login(ANNA, DEMO_PASSWORD).path("access");
        String name = "Scout " + UUID.randomUUID().toString().substring(0, 6);
        int dogId = bearer(anna).body(Map.of("name", name, "breed", "Beagle")).post("/api/dogs")
                .then().statusCode(201).extract().path("id");
        bearer(anna).delete("/api/dogs/" + dogId).then().statusCode(204);

        // The outbox relays both, keyed by the dog: in order on one partition.
        String key = "dog:" + dogId;
        ConsumerRecord<String, String> created = suite.kafka().awaitRecord(Suite.TRAINING_EVENTS_TOPIC,
                record -> key.equals(record.key()) && record.value().contains("com.customk9.training.dog.created"),
                Duration.ofSeconds(30));
        JsonNode event = JSON.readTree(created.value());
        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.path("source").asText()).isEqualTo("/customk9/training");
        assertThat(event.path("type").asText()).isEqualTo("com.customk9.training.dog.created");
        assertThat(event.path("subject").asText()).isEqualTo(key);
        assertThat(event.path("data").path("dog").path("id").asInt()).isEqualTo(dogId);
        assertThat(event.path("data").path("dog").path("name").asText()).isEqualTo(name);
        ConsumerRecord<String, String> archived = suite.kafka().awaitRecord(Suite.TRAINING_EVENTS_TOPIC,
                record -> key.equals(record.key()) && record.value().contains("com.customk9.training.dog.archived"),
                Duration.ofSeconds(30));
        assertThat(archived.partition()).isEqualTo(created.partition());
        assertThat(archived.offset()).isGreaterThan(created.offset());
        assertThat(JSON.readTree(archived.value()).path("data").path("dog_id").asInt()).isEqualTo(dogId);
    }

    @Test
    @Order(9)
    void anOdooFaceAttendanceModuleEnrolsRecognisesAndPullsThroughTheGateway() throws Exception {
        // The first API key, as the README makes it: the command line, straight in PostgreSQL.
        ProcessBuilder create = new ProcessBuilder("../deploy/local/attendance-key", "create", "Odoo Integration Key")
                .redirectErrorStream(true);
        create.environment().put("ATTENDANCE_DATABASE", "customk9_attendance_test");
        create.environment().put("PGOPTIONS", "-c search_path=" + Suite.ATTENDANCE_SCHEMA);
        Process process = create.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        String key = output.lines().filter(line -> line.startsWith("sk_")).findFirst().orElseThrow();

        // Health needs no key; everything else does, as Bearer (Odoo's default) or X-API-Key.
        gateway().get("/api/v1/health").then().statusCode(200).body("status", equalTo("healthy"));
        gateway().get("/api/v1/persons").then().statusCode(401).body("success", equalTo(false));
        String person = "E2E" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        gateway().header("Authorization", "Bearer " + key)
                .body(Map.of("person_id", person, "name", "John Simm", "department", "Training"))
                .post("/api/v1/persons").then().statusCode(201).body("data.person_id", equalTo(person));
        gateway().header("X-API-Key", key).body(Map.of("key", "duplicate_window_minutes", "value", 0))
                .post("/api/v1/config").then().statusCode(200);

        // Enrol one photo, recognise another photo of the same man: attendance marked from his face.
        java.nio.file.Path photos = Suite.faceAssets().resolve("photos/johns/John_Simm");
        List<java.nio.file.Path> files;
        try (var listing = java.nio.file.Files.list(photos)) {
            files = listing.sorted().toList();
        }
        given().config(HTTP).baseUri(suite.gatewayUrl()).header("Authorization", "Bearer " + key)
                .multiPart("image", "enrol.jpg", framed(files.get(0)), "image/jpeg")
                .post("/api/v1/persons/" + person + "/faces").then().statusCode(201).body("data.total", equalTo(1));
        given().config(HTTP).baseUri(suite.gatewayUrl()).header("Authorization", "Bearer " + key)
                .multiPart("image", "frame.jpg", framed(files.get(6)), "image/jpeg")
                .post("/api/v1/recognize").then().statusCode(200)
                .body("data.faces[0].person_id", equalTo(person))
                .body("data.faces[0].attendance.action", equalTo("check_in"));

        // Odoo's scheduled pull: the record, with the seed's fields, and the daily summary.
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        gateway().header("Authorization", "Bearer " + key).queryParam("start_date", today).queryParam("end_date", today)
                .queryParam("person_id", person).get("/api/v1/attendance").then().statusCode(200)
                .body("data.total", equalTo(1))
                .body("data.records[0].source", equalTo("face"))
                .body("data.records[0].status", equalTo("checked_in"))
                .body("data.records[0].person_name", equalTo("John Simm"));
        gateway().header("Authorization", "Bearer " + key).get("/api/v1/reports/daily-summary/" + today).then()
                .statusCode(200).body("data.present_count", equalTo(1));
        suite.kafka().awaitRecord(Suite.ATTENDANCE_EVENTS_TOPIC, record -> ("person:" + person).equals(record.key())
                && record.value().contains("com.customk9.attendance.marked"), Duration.ofSeconds(30));
    }

    /**
     * dlib's 150x150 face chip in the middle of a plain 640x480 frame (a JPEG made by the JDK), as a
     * door camera would see a face.
     */
    private static byte[] framed(java.nio.file.Path chip) throws java.io.IOException {
        java.awt.image.BufferedImage face = javax.imageio.ImageIO.read(chip.toFile());
        java.awt.image.BufferedImage frame = new java.awt.image.BufferedImage(640, 480, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D graphics = frame.createGraphics();
        graphics.setColor(new java.awt.Color(200, 200, 200));
        graphics.fillRect(0, 0, 640, 480);
        graphics.drawImage(face, 245, 165, null);
        graphics.dispose();
        java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(frame, "jpg", jpeg);
        return jpeg.toByteArray();
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void whenAuthServiceIsDownTheGatewayAnswersAtOnceWithAnEnvelope() {
        String access = login(ANNA, DEMO_PASSWORD).path("access");
        suite.authService().stop();
        assertThat(suite.authService().isAlive()).isFalse();

        long started = System.nanoTime();
        Response refused = gateway().body(Map.of("email", ANNA, "password", DEMO_PASSWORD)).post("/api/auth/login");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        withSecurityHeaders(refused.then().statusCode(in(List.of(502, 503))))
                .body("error.code", in(List.of("BAD_GATEWAY", "SERVICE_UNAVAILABLE")))
                .body("error.message", notNullValue());
        assertThat(took).isLessThan(Duration.ofSeconds(5));

        // A valid token changes nothing: the gateway still knows the keys, the upstream is gone.
        bearer(access).get("/api/auth/me").then().statusCode(in(List.of(502, 503)))
                .body("error.code", in(List.of("BAD_GATEWAY", "SERVICE_UNAVAILABLE")));
        // The gateway itself stays ready.
        given().config(HTTP).baseUri(suite.gatewayUrl()).get("/q/health/ready").then().statusCode(200);
    }

    // ------------------------------------------------------------------------------------------------

    private static RequestSpecification gateway() {
        return given().config(HTTP).baseUri(suite.gatewayUrl()).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    private static RequestSpecification bearer(String access) {
        return gateway().header("Authorization", "Bearer " + access);
    }

    private static Response login(String email, String password) {
        Response login = gateway().body(Map.of("email", email, "password", password)).post("/api/auth/login");
        login.then().statusCode(200).body("access", not(emptyOrNullString()));
        return login;
    }

    /** What the gateway puts on every answer, its own or relayed. */
    private static ValidatableResponse withSecurityHeaders(ValidatableResponse response) {
        return response
                .header("Content-Security-Policy", startsWith("default-src 'none'"))
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Strict-Transport-Security", startsWith("max-age="))
                .header("Referrer-Policy", "no-referrer")
                .header("RateLimit-Limit", notNullValue())
                .header("RateLimit-Remaining", notNullValue())
                .header("RateLimit-Reset", notNullValue());
    }

    private static Response webhook(String body, String timestamp, String signature) {
        return gateway().header("X-Odoo-Timestamp", timestamp).header("X-Odoo-Signature", signature)
                .body(body.getBytes(StandardCharsets.UTF_8)).post("/api/odoo/webhook");
    }

    private static RequestSpecification emulatorAdmin() {
        return given().config(HTTP).baseUri(suite.emulatorUrl()).contentType(ContentType.JSON)
                .header("X-Emulator-Admin-Token", Suite.EMULATOR_ADMIN_TOKEN);
    }

    /** Odoo's standard JSON-RPC on the emulator, as a script or Odoo's own UI would change data. */
    private static JsonPath jsonRpc(String service, String method, List<Object> args) {
        JsonPath answer = given().config(HTTP).baseUri(suite.emulatorUrl()).contentType(ContentType.JSON)
                .body(Map.of("jsonrpc", "2.0", "method", "call", "id", 1,
                        "params", Map.of("service", service, "method", method, "args", args)))
                .post("/jsonrpc").then().statusCode(200).extract().jsonPath();
        assertThat(answer.getMap("error")).as("JSON-RPC error").isNull();
        return answer;
    }

    private static JsonNode jwtPart(String jwt, int index) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]));
        } catch (java.io.IOException e) {
            throw new AssertionError("Not a JWT: " + jwt, e);
        }
    }

    /** A trainer's free 60-minute slots on {@code day}, as the availability lists them (start and stop with their offset). */
    private static List<Map<String, String>> freeSlots(String access, int trainerId, LocalDate day) {
        Response availability = bearer(access).queryParam("trainer_id", trainerId).queryParam("date", day.toString())
                .queryParam("duration", 60).get("/api/appointments/availability");
        availability.then().statusCode(200)
                .body("trainer.id", equalTo(trainerId))
                .body("date", equalTo(day.toString()))
                .body("duration", equalTo(60));
        return availability.jsonPath().getList("slots");
    }

    private static List<String> freeStarts(String access, int trainerId, LocalDate day) {
        return freeSlots(access, trainerId, day).stream().map(slot -> slot.get("start")).toList();
    }

    private static String sha1Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hmacSha256Hex(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newEmail() {
        return "e2e-" + UUID.randomUUID().toString().substring(0, 12) + "@example.org";
    }
}

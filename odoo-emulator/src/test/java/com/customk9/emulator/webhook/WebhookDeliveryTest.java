package com.customk9.emulator.webhook;

import static com.customk9.emulator.jsonrpc.OdooTestClient.admin;
import static com.customk9.emulator.jsonrpc.OdooTestClient.call;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Odoo's "Send Webhook Notification" automation, received by a real HTTP server on 127.0.0.1. */
@QuarkusTest
class WebhookDeliveryTest {

    private WebhookReceiver receiver;
    private final List<String> targets = new java.util.ArrayList<>();

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        for (String id : targets) {
            admin().delete("/emulator/webhooks/" + id);
        }
        receiver.close();
    }

    private String addTarget(Map<String, Object> definition) {
        String id = admin().body(definition).post("/emulator/webhooks").then().statusCode(201).extract().jsonPath().getString("id");
        targets.add(id);
        return id;
    }

    private Map<String, Object> target(String path, List<String> on, List<String> fields, String secret) {
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("models", List.of("customk9.dog"));
        definition.put("url", receiver.url(path));
        definition.put("on", on);
        definition.put("fields", fields);
        definition.put("action_id", 12);
        if (secret != null) {
            definition.put("secret", secret);
        }
        return definition;
    }

    private static long owner() {
        Number id = call("res.partner", "create", List.of(Map.of("name", "Owner " + UUID.randomUUID())), Map.of());
        return id.longValue();
    }

    private static long dog(String name, long owner) {
        Number id = call("customk9.dog", "create", List.of(Map.of("name", name, "owner_id", owner)), Map.of());
        return id.longValue();
    }

    private List<WebhookReceiver.Received> awaitReceived(int count) {
        await().atMost(WebhookReceiver.patience()).until(() -> receiver.received().size() >= count);
        return receiver.received();
    }

    @Test
    void createSendsOnePostInOdoosPayloadShape() {
        addTarget(target("/hook", List.of("create"), List.of("name", "owner_id"), null));
        long owner = owner();
        long dog = dog("Rex", owner);

        WebhookReceiver.Received post = awaitReceived(1).get(0);
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.path()).isEqualTo("/hook");
        assertThat(post.header("Content-Type")).isEqualTo("application/json");
        assertThat(post.body()).isEqualTo("{\"_action\": \"Send Webhook Notification(#12)\", \"_id\": " + dog
                + ", \"_model\": \"customk9.dog\", \"id\": " + dog + ", \"name\": \"Rex\", \"owner_id\": " + owner + "}");
        assertThat(post.header(WebhookSignature.SIGNATURE_HEADER)).isNull();
    }

    @Test
    void withoutSelectedFieldsOnlyActionIdAndModelAreSent() {
        addTarget(target("/bare", List.of("create"), List.of(), null));
        long dog = dog("Bare", owner());
        assertThat(awaitReceived(1).get(0).body())
                .isEqualTo("{\"_action\": \"Send Webhook Notification(#12)\", \"_id\": " + dog + ", \"_model\": \"customk9.dog\"}");
    }

    @Test
    void writeSendsOnePostPerRecord() {
        long owner = owner();
        long first = dog("One", owner);
        long second = dog("Two", owner);
        addTarget(target("/write", List.of("write"), List.of("name"), null));

        call("customk9.dog", "write", List.of(List.of(first, second), Map.of("name", "Renamed")), Map.of());

        List<WebhookReceiver.Received> posts = awaitReceived(2);
        assertThat(posts).extracting(WebhookReceiver.Received::body).allMatch(body -> body.contains("\"name\": \"Renamed\""));
        assertThat(posts).extracting(WebhookReceiver.Received::body)
                .anyMatch(body -> body.contains("\"_id\": " + first + ","))
                .anyMatch(body -> body.contains("\"_id\": " + second + ","));
    }

    @Test
    void unlinkSendsTheRecordAsItWasBeforeDeletion() {
        long dog = dog("Gone", owner());
        addTarget(target("/unlink", List.of("unlink"), List.of("name"), null));
        call("customk9.dog", "unlink", List.of(List.of(dog)), Map.of());
        assertThat(awaitReceived(1).get(0).body()).contains("\"_id\": " + dog).contains("\"name\": \"Gone\"");
    }

    @Test
    void onlyTheConfiguredTriggersFire() {
        addTarget(target("/only-unlink", List.of("unlink"), List.of(), null));
        addTarget(target("/only-create", List.of("create"), List.of(), null));
        dog("Quiet", owner());
        await().atMost(WebhookReceiver.patience()).until(() -> !receiver.received().isEmpty());
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> receiver.received().size() == 1);
        assertThat(receiver.received()).extracting(WebhookReceiver.Received::path).containsExactly("/only-create");
    }

    @Test
    void signedWebhookCarriesAVerifiableHmac() {
        addTarget(target("/signed", List.of("create"), List.of("name"), "s3cret"));
        long before = Instant.now().getEpochSecond();
        dog("Signed", owner());

        WebhookReceiver.Received post = awaitReceived(1).get(0);
        long timestamp = Long.parseLong(post.header(WebhookSignature.TIMESTAMP_HEADER));
        assertThat(timestamp).isBetween(before - 1, Instant.now().getEpochSecond() + 1);
        String expected = "sha256=" + hmacHex("s3cret", timestamp + "." + post.body());
        assertThat(post.header(WebhookSignature.SIGNATURE_HEADER)).isEqualTo(expected);
        assertThat(post.header(WebhookSignature.SIGNATURE_HEADER))
                .isNotEqualTo("sha256=" + hmacHex("other-secret", timestamp + "." + post.body()));
    }

    @Test
    void slowReceiverIsAbandonedAfterOneSecondAndNotRetried() {
        receiver.holdAnswers();
        addTarget(target("/slow", List.of("create"), List.of(), null));
        long started = System.nanoTime();
        dog("Slow", owner());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));

        awaitReceived(1);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> receiver.received().size() == 1);
        receiver.release();
    }

    @Test
    void failingReceiverIsNotRetried() {
        receiver.answer(500);
        addTarget(target("/fail", List.of("create"), List.of(), null));
        dog("Fail", owner());
        awaitReceived(1);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> receiver.received().size() == 1);
    }

    @Test
    void removedTargetNoLongerFires() {
        String id = addTarget(target("/removed", List.of("create"), List.of(), null));
        admin().get("/emulator/webhooks").then().body("targets.id", hasItem(id));
        admin().delete("/emulator/webhooks/" + id).then().statusCode(204);
        targets.remove(id);
        addTarget(target("/kept", List.of("create"), List.of(), null));
        dog("After removal", owner());
        await().atMost(WebhookReceiver.patience()).until(() -> !receiver.received().isEmpty());
        assertThat(receiver.received()).extracting(WebhookReceiver.Received::path).containsOnly("/kept");
    }

    @Test
    void targetsMustBeLoopbackAndWellFormed() {
        admin().body(Map.of("models", List.of("customk9.dog"), "url", "http://192.0.2.10/hook")).post("/emulator/webhooks")
                .then().statusCode(400);
        admin().body(Map.of("models", List.of(), "url", receiver.url("/x"))).post("/emulator/webhooks").then().statusCode(400);
        admin().body(Map.of("models", List.of("customk9.dog"), "url", "ftp://127.0.0.1/x")).post("/emulator/webhooks")
                .then().statusCode(400);
        admin().body(Map.of("models", List.of("customk9.dog"), "url", receiver.url("/x"), "on", List.of("delete")))
                .post("/emulator/webhooks").then().statusCode(400);
        admin().delete("/emulator/webhooks/nope").then().statusCode(404);
    }

    @Test
    void webhookAdministrationNeedsTheAdminToken() {
        given().get("/emulator/webhooks").then().statusCode(401).body("error", equalTo("unauthorized"));
        given().header("X-Emulator-Admin-Token", "wrong").contentType("application/json")
                .body(Map.of("models", List.of("customk9.dog"), "url", receiver.url("/x"))).post("/emulator/webhooks")
                .then().statusCode(401);
    }

    static String hmacHex(String secret, String message) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(message.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

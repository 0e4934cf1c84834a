package com.customk9.gateway.webhook;

import static com.customk9.gateway.support.Clients.anonymous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import com.customk9.gateway.support.Signatures;
import com.customk9.platform.testing.KafkaBrokerResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class WebhookTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String body(long id) {
        // The emulator's shape: json.dumps(sort_keys=True) of _action, _id, _model and selected fields.
        return "{\"_action\": \"Send Webhook Notification: write(#100)\", \"_id\": " + id
                + ", \"_model\": \"customk9.dog\", \"id\": " + id + ", \"name\": \"Rex\"}";
    }

    private static RequestSpecification signed(String body, long timestamp, String secret) {
        return anonymous().contentType("application/json").body(body)
                .header("X-Odoo-Timestamp", String.valueOf(timestamp))
                .header("X-Odoo-Signature", Signatures.sign(secret, timestamp, body));
    }

    @Test
    void signedWebhookIsAcceptedAfterTheBrokerAckedItAndLandsOnTheTopicAsACloudEvent() throws Exception {
        long id = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000);
        String body = body(id);
        String eventId = signed(body, Signatures.now(), Signatures.SECRET)
                .when().post("/api/odoo/webhook")
                .then().statusCode(202).body("status", equalTo("accepted")).body("subject", equalTo("customk9.dog:" + id))
                .extract().path("event_id");

        ConsumerRecord<String, String> record = consume("customk9.dog:" + id);
        JsonNode event = JSON.readTree(record.value());
        assertThat(event.get("specversion").asText()).isEqualTo("1.0");
        assertThat(event.get("id").asText()).isEqualTo(eventId);
        assertThat(event.get("source").asText()).isEqualTo("/customk9/gateway");
        assertThat(event.get("type").asText()).isEqualTo("com.customk9.odoo.webhook.write");
        assertThat(event.get("subject").asText()).isEqualTo("customk9.dog:" + id);
        assertThat(event.get("data").get("name").asText()).isEqualTo("Rex");
        assertThat(event.get("data").get("_id").asLong()).isEqualTo(id);
        assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .startsWith("application/cloudevents+json");
    }

    @Test
    void forgedSignatureIs401() {
        signed(body(1), Signatures.now(), "not-the-secret").when().post("/api/odoo/webhook")
                .then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        // Signed correctly, then the body changed on the way.
        long now = Signatures.now();
        anonymous().contentType("application/json").body(body(2).replace("Rex", "Max"))
                .header("X-Odoo-Timestamp", String.valueOf(now))
                .header("X-Odoo-Signature", Signatures.sign(Signatures.SECRET, now, body(2)))
                .when().post("/api/odoo/webhook").then().statusCode(401);
    }

    @Test
    void staleOrFutureTimestampIs401() {
        signed(body(3), Signatures.now() - 600, Signatures.SECRET).when().post("/api/odoo/webhook")
                .then().statusCode(401).body("error.message", equalTo("The webhook timestamp is outside the accepted window"));
        signed(body(3), Signatures.now() + 600, Signatures.SECRET).when().post("/api/odoo/webhook").then().statusCode(401);
    }

    @Test
    void replayedWebhookIs409() {
        long now = Signatures.now();
        String body = body(Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000));
        signed(body, now, Signatures.SECRET).when().post("/api/odoo/webhook").then().statusCode(202);
        signed(body, now, Signatures.SECRET).when().post("/api/odoo/webhook")
                .then().statusCode(409).body("error.code", equalTo("CONFLICT"));
    }

    @Test
    void malformedPayloadIs400() {
        long now = Signatures.now();
        signed("{not json", now, Signatures.SECRET).when().post("/api/odoo/webhook")
                .then().statusCode(400).body("error.code", equalTo("MALFORMED_JSON"));
        signed("{\"_id\": 5}", now, Signatures.SECRET).when().post("/api/odoo/webhook")
                .then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details._model[0]", equalTo("must be the name of an Odoo model"));
        signed("{\"_model\": \"res.partner\"}", now, Signatures.SECRET).when().post("/api/odoo/webhook")
                .then().statusCode(400).body("error.details._id[0]", equalTo("must be a record id"));
        signed("[1,2]", now, Signatures.SECRET).when().post("/api/odoo/webhook").then().statusCode(400);
    }

    @Test
    void unsignedWebhookIs401() {
        anonymous().contentType("application/json").body(body(4)).when().post("/api/odoo/webhook")
                .then().statusCode(401).body("error.message", equalTo("The webhook carries no signature"));
        anonymous().contentType("application/json").body(body(4)).header("X-Odoo-Signature", "sha256=00")
                .when().post("/api/odoo/webhook").then().statusCode(401);
    }

    @Test
    void urlTokenIsAcceptedForOdooSetupsThatCannotSign() {
        long id = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000);
        anonymous().contentType("application/json").body(body(id)).queryParam("token", "test-url-token")
                .when().post("/api/odoo/webhook").then().statusCode(202);
        anonymous().contentType("application/json").body(body(id)).queryParam("token", "test-url-tokeN")
                .when().post("/api/odoo/webhook").then().statusCode(401);
    }

    @Test
    void webhookHasItsOwnRateLimitBucket() {
        anonymous().contentType("application/json").body(body(5)).when().post("/api/odoo/webhook")
                .then().statusCode(401).header("RateLimit-Limit", "600");
    }

    private static ConsumerRecord<String, String> consume(String key) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "webhook-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("odoo.webhooks"));
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
            assertThat(found).hasSize(1);
            return found.get(0);
        }
    }

}

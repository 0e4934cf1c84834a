package com.customk9.training.webhook;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import com.customk9.platform.testing.KafkaBrokerResource;
import com.customk9.training.support.Clients;
import com.customk9.training.support.Clients.Client;
import com.customk9.training.support.Emulator;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Odoo's change, bridged by the gateway onto odoo.webhooks, drops our cached reads before their TTL. */
@QuarkusTest
class OdooChangeListenerTest {

    @Test
    void aWebhookForADogRefreshesItsCachedListing() throws Exception {
        Client client = Clients.newClient();
        int id = client.request().body(Map.of("name", "Before")).post("/api/dogs").then().statusCode(201)
                .extract().path("id");
        client.request().get("/api/dogs").then().body("items.name", contains("Before"));

        renameInOdooBehindOurBack(id, "After");
        client.request().get("/api/dogs").then().body("items.name", contains("Before"));

        publishWebhook("customk9.dog:" + id);

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                client.request().get("/api/dogs").then().body("items.name", contains("After")));
        io.restassured.RestAssured.given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void ignoresEventsItCannotReadAndKeepsConsuming() throws Exception {
        Client client = Clients.newClient();
        int id = client.request().body(Map.of("name", "Steady")).post("/api/dogs").then().statusCode(201)
                .extract().path("id");
        client.request().get("/api/dogs").then().body("items.name", contains("Steady"));
        renameInOdooBehindOurBack(id, "Moved");

        send("not json at all");
        send("{\"specversion\": \"1.0\", \"id\": \"x\", \"source\": \"/odoo\", \"type\": \"t\", \"subject\": \"DROP TABLE\"}");
        publishWebhook("customk9.dog:" + id);

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                client.request().get("/api/dogs").then().body("items.name", contains("Moved")));
        io.restassured.RestAssured.given().get("/q/health/live").then().statusCode(200);
    }

    private static void renameInOdooBehindOurBack(int dogId, String name) {
        Emulator.asIntegration().contentType(ContentType.JSON).body(Map.of("jsonrpc", "2.0", "method", "call", "params",
                Map.of("service", "object", "method", "execute_kw", "args", List.of("customk9", 3,
                        "ck9-local-integration-key", "customk9.dog", "write", List.of(List.of(dogId), Map.of("name", name))))))
                .post("/jsonrpc").then().statusCode(200).body("result", org.hamcrest.Matchers.equalTo(true));
    }

    private static void publishWebhook(String subject) throws Exception {
        send("{\"specversion\": \"1.0\", \"id\": \"" + java.util.UUID.randomUUID() + "\", \"source\": \"/customk9/gateway\","
                + " \"type\": \"com.customk9.odoo.webhook.write\", \"subject\": \"" + subject + "\","
                + " \"datacontenttype\": \"application/json\", \"data\": {\"_model\": \"customk9.dog\"}}");
    }

    private static void send(String value) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            // as the gateway sends them: structured CloudEvents with their content type
            ProducerRecord<String, String> record = new ProducerRecord<>("odoo.webhooks", "key", value);
            record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }
}

package com.customk9.training.bench;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.customk9.odoo.client.OdooClient;
import com.customk9.training.support.Clients;
import com.customk9.training.support.Clients.Client;
import com.customk9.training.support.TestTrainers;
import com.customk9.training.support.TestTrainers.Trainer;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * Not a test (the name keeps it out of the default test run): {@code bench/training/run}. Through
 * the service's HTTP API with a real access token, against the emulator in the same JVM: a client's
 * 20-dog listing uncached (the dog model's cached reads dropped first) and cached, measured side by
 * side; a booking; and how many Odoo requests each costs.
 */
@QuarkusTest
class TrainingBench {

    private static final int DOGS = 20;
    private static final int WARMUP = 50;
    private static final int ROUNDS = 300;
    private static final int BOOKINGS = 60;

    @Test
    void measure() throws IOException {
        OdooClient odoo = Arc.container().instance(OdooClient.class).get();
        Client client = Clients.newClient();
        for (int i = 0; i < DOGS; i++) {
            client.request().body(Map.of("name", String.format("Bench %02d", i), "breed", "Collie"))
                    .post("/api/dogs").then().statusCode(201);
        }

        double[] uncached = new double[ROUNDS];
        double[] cached = new double[ROUNDS];
        for (int round = -WARMUP; round < ROUNDS; round++) {
            odoo.invalidateModel("customk9.dog").await().atMost(Duration.ofSeconds(5));
            long start = System.nanoTime();
            list(client);
            long missed = System.nanoTime();
            list(client);
            long hit = System.nanoTime();
            if (round >= 0) {
                uncached[round] = (missed - start) / 1e6;
                cached[round] = (hit - missed) / 1e6;
            }
        }

        odoo.invalidateModel("customk9.dog").await().atMost(Duration.ofSeconds(5));
        clearStats();
        list(client);
        long uncachedCalls = totalRequests();
        clearStats();
        list(client);
        long cachedCalls = totalRequests();

        Trainer trainer = TestTrainers.newTrainer("UTC");
        long dog = ((Number) client.request().body(Map.of("name", "Booked")).post("/api/dogs").then().statusCode(201)
                .extract().path("id")).longValue();
        double[] booking = new double[BOOKINGS];
        long bookingCalls = 0;
        for (int i = 0; i < BOOKINGS + 5; i++) {
            OffsetDateTime start = LocalDate.now(ZoneOffset.UTC).plusDays(2 + i / 8).atTime(9 + i % 8, 0)
                    .atOffset(ZoneOffset.UTC);
            clearStats();
            String body = String.format(Locale.ROOT, "{\"trainer_id\": %d, \"dog_id\": %d, \"start\": \"%s\", \"duration\": 60}",
                    trainer.userId(), dog, start);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/appointments"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            long begin = System.nanoTime();
            HttpResponse<String> response = send(client, request);
            long end = System.nanoTime();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            if (i >= 5) {
                booking[i - 5] = (end - begin) / 1e6;
                bookingCalls += totalRequests();
            }
        }

        write(uncached, cached, uncachedCalls, cachedCalls, booking, (double) bookingCalls / BOOKINGS);
    }

    private static void list(Client client) {
        HttpResponse<String> response = send(client, HttpRequest.newBuilder(uri("/api/dogs?limit=20")).GET());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /**
     * Timed requests go through the JDK's HTTP client on a kept-alive connection: REST Assured adds
     * milliseconds of its own per request, which would hide what the service costs.
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + RestAssured.port + pathAndQuery);
    }

    private static HttpResponse<String> send(Client client, HttpRequest.Builder request) {
        try {
            return HTTP.send(request.header("Authorization", "Bearer " + client.token()).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(double[] uncached, double[] cached, long uncachedCalls, long cachedCalls, double[] booking,
            double bookingCalls) throws IOException {
        String section = String.join("\n",
                "<!-- training:start -->",
                "## training-service: dog listing cached and uncached, a booking",
                "",
                "Reproduce: `bench/training/run` (needs PostgreSQL and Redis on 127.0.0.1, as the tests do).",
                "Measured " + LocalDate.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                        + System.getProperty("java.version") + "; training-service and the odoo-emulator in one JVM,"
                        + " requests over loopback HTTP (the JDK's client, kept-alive connections) with a real access token, Redis local. A client with " + DOGS
                        + " dogs; " + WARMUP + " warm-up rounds, then " + ROUNDS + " rounds, each timing the listing"
                        + " with the dog model's cached reads dropped and then the same listing from the cache.",
                "",
                "| request | p50 | p99 | Odoo requests |",
                "|---|---|---|---|",
                row("`GET /api/dogs?limit=20`, uncached", uncached, Long.toString(uncachedCalls)),
                row("`GET /api/dogs?limit=20`, cached", cached, Long.toString(cachedCalls)),
                row("`POST /api/appointments` (" + BOOKINGS + " bookings, overlap checks, advisory lock)", booking,
                        String.format(Locale.ROOT, "%.1f", bookingCalls)),
                "",
                String.format(Locale.ROOT, "Cached listing vs uncached: %.1fx faster at p50, %.1fx at p99.",
                        percentile(uncached, 0.5) / percentile(cached, 0.5), percentile(uncached, 0.99) / percentile(cached, 0.99)),
                "One uncached listing costs a `search_read` and a `search_count` (the page and its total); names of"
                        + " owner and trainer come with Odoo's many2one pairs, so no further call. Calendar reads are"
                        + " never cached (the overlap check must see Odoo as it is), so every booking reads Odoo.",
                "<!-- training:end -->",
                "");
        Path results = Path.of(System.getProperty("bench.results", "../bench/RESULTS.md"));
        String existing = Files.exists(results) ? Files.readString(results) : "# Benchmarks\n\n";
        int start = existing.indexOf("<!-- training:start -->");
        int end = existing.indexOf("<!-- training:end -->");
        String updated = start >= 0 && end > start
                ? existing.substring(0, start) + section + existing.substring(end + "<!-- training:end -->\n".length())
                : existing + (existing.endsWith("\n\n") ? "" : "\n") + section;
        Files.writeString(results, updated);
        System.out.println(section);
    }

    private static String row(String what, double[] millis, String calls) {
        return String.format(Locale.ROOT, "| %s | %.2f ms | %.2f ms | %s |", what, percentile(millis, 0.5),
                percentile(millis, 0.99), calls);
    }

    private static double percentile(double[] values, double quantile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    private static void clearStats() {
        admin().delete("/emulator/stats").then().statusCode(200);
    }

    private static long totalRequests() {
        return admin().get("/emulator/stats").then().statusCode(200).extract().jsonPath().getLong("total_requests");
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().header("X-Emulator-Admin-Token", "customk9-emulator-local-admin").contentType(ContentType.JSON);
    }
}

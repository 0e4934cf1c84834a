package com.customk9.bench.odooclient;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.customk9.odoo.client.OdooClient;
import com.customk9.odoo.client.batch.RelatedRecords;
import com.customk9.odoo.client.batch.Relation;
import com.customk9.odoo.client.domain.Domain;
import com.customk9.odoo.client.record.OdooRecord;
import com.customk9.odoo.client.record.SearchQuery;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/**
 * Cached against uncached read latency, measured side by side (each uncached read right before a
 * cached one, so both see the same machine load), and the Odoo calls of a 20-dog listing (dog, owner
 * name, training plan names) written naively (N+1) and with the client's batching.
 */
@QuarkusTest
class OdooClientBench {

    private static final String DOG = "customk9.dog";
    private static final String PLAN = "customk9.training.plan";
    private static final String PREFIX = "Bench dog ";
    private static final long[] OWNERS = { 7, 8, 9, 10 };
    private static final int WARMUP = 200;
    private static final int ROUNDS = 1000;
    private static final int PORT = 18071;

    @Inject
    OdooClient odoo;

    record Row(String dog, String owner, List<String> plans) {
    }

    @Test
    void measure() throws IOException {
        admin().post("/emulator/reset").then().statusCode(200);
        seedTwentyDogs();
        SearchQuery page = SearchQuery.where(Domain.where("name", "=like", PREFIX + "%"))
                .fields("name", "owner_id", "plan_ids").orderBy("name").limit(20);

        Latency pageRead = sideBySide(() -> odoo.searchRead(DOG, page));
        long oneDog = await(odoo.searchRead(DOG, page.limit(1))).get(0).id();
        Latency recordRead = sideBySide(() -> odoo.read(DOG, List.of(oneDog), List.of("name", "owner_id", "birth_date")));

        flushCache();
        resetStats();
        List<Row> naive = naiveListing(page, true);
        long naiveNoCache = totalRequests();
        flushCache();
        resetStats();
        List<Row> naiveColdCache = naiveListing(page, false);
        long naiveCold = totalRequests();
        flushCache();
        resetStats();
        List<Row> batched = batchedListing(page, false);
        long batchedCold = totalRequests();
        flushCache();
        resetStats();
        batchedListing(page, true);
        long batchedWithOwnerDetails = totalRequests();
        resetStats();
        batchedListing(page, false);
        long batchedWarm = totalRequests();

        assertThat(naive).hasSize(20).isEqualTo(naiveColdCache).isEqualTo(batched);
        assertThat(batchedCold).isLessThan(naiveNoCache);

        write(pageRead, recordRead, naiveNoCache, naiveCold, batchedCold, batchedWithOwnerDetails, batchedWarm);
    }

    private void seedTwentyDogs() {
        for (int i = 1; i <= 20; i++) {
            long dog = await(odoo.create(DOG, Map.of("name", PREFIX + String.format("%02d", i),
                    "owner_id", OWNERS[i % OWNERS.length], "birth_date", LocalDate.of(2020 + i % 5, 1 + i % 12, 1))));
            for (int plan = 1; plan <= 1 + i % 2; plan++) {
                await(odoo.create(PLAN, Map.of("name", "Plan " + plan + " of dog " + i, "dog_id", dog)));
            }
        }
    }

    /** The listing as code that does not think about Odoo calls writes it: one read per dog, owner and plan list. */
    private List<Row> naiveListing(SearchQuery page, boolean flushBetweenCalls) {
        List<Long> ids = await(odoo.searchRead(DOG, page.fields("name"))).stream().map(OdooRecord::id).toList();
        List<Row> rows = new ArrayList<>();
        for (long id : ids) {
            if (flushBetweenCalls) {
                flushCache();
            }
            OdooRecord dog = await(odoo.read(DOG, List.of(id), List.of("name", "owner_id", "plan_ids"))).get(0);
            if (flushBetweenCalls) {
                flushCache();
            }
            OdooRecord owner = await(odoo.read("res.partner", List.of(dog.many2oneId("owner_id").orElseThrow()), List.of("name"))).get(0);
            if (flushBetweenCalls) {
                flushCache();
            }
            List<String> plans = await(odoo.read(PLAN, dog.ids("plan_ids"), List.of("name"))).stream()
                    .map(plan -> plan.text("name")).sorted().toList();
            rows.add(new Row(dog.text("name"), owner.text("name"), plans));
        }
        return rows;
    }

    /** The same listing with one search_read for the dogs and one per related model. */
    private List<Row> batchedListing(SearchQuery page, boolean ownerDetails) {
        List<OdooRecord> dogs = await(odoo.searchRead(DOG, page));
        Relation plans = Relation.of("plan_ids", PLAN, "name");
        RelatedRecords related = await(ownerDetails
                ? RelatedRecords.resolve(odoo, dogs, plans, Relation.of("owner_id", "res.partner", "name", "email", "phone"))
                : RelatedRecords.resolve(odoo, dogs, plans));
        return dogs.stream().map(dog -> new Row(dog.text("name"),
                ownerDetails ? related.of(dog, "owner_id").orElseThrow().text("name")
                        : dog.many2one("owner_id").orElseThrow().displayName(),
                related.allOf(dog, "plan_ids").stream().map(plan -> plan.text("name")).sorted().toList()))
                .toList();
    }

    record Latency(double[] uncachedMillis, double[] cachedMillis) {
        double uncached(double quantile) {
            return percentile(uncachedMillis, quantile);
        }

        double cached(double quantile) {
            return percentile(cachedMillis, quantile);
        }
    }

    /** Each round: drop the entry, time the read that misses, then time the same read that hits. */
    private <T> Latency sideBySide(Supplier<Uni<T>> read) {
        double[] uncached = new double[ROUNDS];
        double[] cached = new double[ROUNDS];
        for (int round = -WARMUP; round < ROUNDS; round++) {
            await(odoo.invalidateModel(DOG));
            long start = System.nanoTime();
            await(read.get());
            long missed = System.nanoTime();
            await(read.get());
            long hit = System.nanoTime();
            if (round >= 0) {
                uncached[round] = (missed - start) / 1e6;
                cached[round] = (hit - missed) / 1e6;
            }
        }
        return new Latency(uncached, cached);
    }

    private static double percentile(double[] values, double quantile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    private void write(Latency page, Latency record, long naiveNoCache, long naiveCold, long batchedCold,
            long batchedWithOwnerDetails, long batchedWarm) throws IOException {
        String section = String.join("\n",
                "<!-- odoo-client:start -->",
                "## libs/odoo-client: cached vs uncached reads, calls per dog listing",
                "",
                "Reproduce: `bench/odoo-client/run` (needs PostgreSQL and Redis on 127.0.0.1, as the tests do).",
                "Measured " + LocalDate.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                        + System.getProperty("java.version") + "; client and odoo-emulator in one JVM over loopback HTTP,"
                        + " Redis local. " + WARMUP + " warm-up rounds, then " + ROUNDS + " rounds; each round times"
                        + " an uncached read (entry dropped first) and then the same read from the cache.",
                "",
                "| read | uncached p50 | uncached p99 | cached p50 | cached p99 | p50 ratio | p99 ratio |",
                "|---|---|---|---|---|---|---|",
                row("20-dog page (`search_read`, 3 fields)", page),
                row("one dog (`read`, 3 fields)", record),
                "",
                "Odoo calls (HTTP requests the emulator received) for a listing of 20 dogs with their owner's name and",
                "their training plans' names:",
                "",
                "| listing | Odoo calls |",
                "|---|---|",
                "| naive N+1 (a read per dog, per owner, per plan list), no cache | " + naiveNoCache + " |",
                "| naive N+1, cold cache (repeated owners come from Redis) | " + naiveCold + " |",
                "| batched: `search_read` dogs + `RelatedRecords` (plans; owner name from the many2one pair) | " + batchedCold + " |",
                "| batched, owner's email and phone too (one more `search_read`, in parallel) | " + batchedWithOwnerDetails + " |",
                "| batched, warm cache | " + batchedWarm + " |",
                "<!-- odoo-client:end -->",
                "");
        Path results = Path.of(System.getProperty("bench.results", "../RESULTS.md"));
        String existing = Files.exists(results) ? Files.readString(results) : "# Benchmarks\n\n";
        int start = existing.indexOf("<!-- odoo-client:start -->");
        int end = existing.indexOf("<!-- odoo-client:end -->");
        String updated = start >= 0 && end > start
                ? existing.substring(0, start) + section + existing.substring(end + "<!-- odoo-client:end -->\n".length())
                : existing + (existing.endsWith("\n\n") ? "" : "\n") + section;
        Files.writeString(results, updated);
        System.out.println(section);
    }

    private static String row(String what, Latency latency) {
        return String.format(Locale.ROOT, "| %s | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.1fx | %.1fx |", what,
                latency.uncached(0.50), latency.uncached(0.99), latency.cached(0.50), latency.cached(0.99),
                latency.uncached(0.50) / latency.cached(0.50), latency.uncached(0.99) / latency.cached(0.99));
    }

    private void flushCache() {
        await(odoo.invalidateModel(DOG));
        await(odoo.invalidateModel("res.partner"));
        await(odoo.invalidateModel(PLAN));
    }

    private static void resetStats() {
        admin().delete("/emulator/stats").then().statusCode(200);
    }

    private static long totalRequests() {
        return admin().get("/emulator/stats").then().statusCode(200).extract().jsonPath().getLong("total_requests");
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().baseUri("http://127.0.0.1").port(PORT)
                .header("X-Emulator-Admin-Token", "customk9-emulator-local-admin").contentType("application/json");
    }

    private static <T> T await(Uni<T> uni) {
        return uni.await().atMost(java.time.Duration.ofSeconds(30));
    }
}

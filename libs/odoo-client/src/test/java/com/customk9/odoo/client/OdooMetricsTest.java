package com.customk9.odoo.client;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.customk9.odoo.client.domain.Domain;
import com.customk9.odoo.client.support.Emulator;
import com.customk9.odoo.client.support.EmulatorTest;

import io.quarkus.test.junit.QuarkusTest;

/** odoo.client.calls per model, method and outcome, as Prometheus scrapes it. */
@QuarkusTest
class OdooMetricsTest extends EmulatorTest {

    @Test
    void timesEachCallByModelMethodAndOutcome() {
        long successes = timed("customk9.dog", "search_count", "success");
        long hits = timed("customk9.dog", "search_count", "cache_hit");
        long notFound = timed("customk9.dog", "read", "not_found");

        await(odoo.searchCount("customk9.dog", Domain.where("active", "=", true)));
        await(odoo.searchCount("customk9.dog", Domain.where("active", "=", true)));
        catchThrowable(() -> await(odoo.read("customk9.dog", List.of(424_242L), List.of("name"))));

        assertThat(timed("customk9.dog", "search_count", "success")).isEqualTo(successes + 1);
        assertThat(timed("customk9.dog", "search_count", "cache_hit")).isEqualTo(hits + 1);
        assertThat(timed("customk9.dog", "read", "not_found")).isEqualTo(notFound + 1);
        String scrape = given().port(Emulator.PORT).get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(scrape).contains("odoo_client_calls_seconds_count{method=\"search_count\",model=\"customk9.dog\",outcome=\"cache_hit\"}");
    }
}

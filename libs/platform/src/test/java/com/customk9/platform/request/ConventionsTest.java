package com.customk9.platform.request;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;


import io.quarkus.test.junit.QuarkusTest;

/** What every service inherits: health, metrics, OpenAPI, request ids in the logs. */
@QuarkusTest
class ConventionsTest {

    @Test
    void livenessChecksNoDependency() {
        List<String> names = given().when().get("/q/health/live")
                .then().statusCode(200).body("status", equalTo("UP"))
                .extract().jsonPath().getList("checks.name", String.class);
        assertThat(names).noneMatch(name -> name.contains("PostgreSQL") || name.contains("Redis") || name.contains("Kafka"));
    }

    @Test
    void readinessCoversPostgresqlRedisAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(containsString("PostgreSQL"), containsString("Redis"), containsString("Kafka")));
    }

    @Test
    void exposesPrometheusMetricsIncludingTheOutbox() {
        given().when().get("/probe/log").then().statusCode(200);
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("customk9_outbox_sent_total"))
                .body(containsString("customk9_outbox_pending"));
    }

    @Test
    void openApiDeclaresTheErrorEnvelopeOnEveryOperation() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("components.schemas", hasKey("ErrorResponse"))
                .body("components.schemas.ErrorResponse.properties.error.properties", hasKey("odoo_error"))
                .body("paths.'/probe/dogs'.post.responses", hasKey("400"))
                .body("paths.'/probe/dogs'.post.responses", hasKey("413"))
                .body("paths.'/probe/dogs'.post.responses.'500'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/ErrorResponse"))
                .body("paths.'/probe/not-found'.get.responses", hasKey("502"));
    }

    @Test
    void logLinesCarryTheRequestId() {
        Queue<ExtLogRecord> captured = new ConcurrentLinkedQueue<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord ext) {
                    ext.copyMdc();
                    captured.add(ext);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("com.customk9.platform.support.ProbeResource");
        logger.addHandler(handler);
        try {
            given().header(RequestIds.HEADER, "log-check-7").when().get("/probe/log").then().statusCode(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> captured.stream()
                    .anyMatch(record -> "probe log line".equals(record.getMessage())));
            ExtLogRecord line = captured.stream().filter(record -> "probe log line".equals(record.getMessage()))
                    .findFirst().orElseThrow();
            assertThat(line.getMdc(RequestIds.MDC_KEY)).isEqualTo("log-check-7");
        } finally {
            logger.removeHandler(handler);
        }
    }

    @Test
    void requestIdsAreNotSharedBetweenRequests() {
        String first = given().when().get("/probe/log").then().extract().header(RequestIds.HEADER);
        String second = given().when().get("/probe/log").then().extract().header(RequestIds.HEADER);
        assertThat(first).isNotEqualTo(second);
        given().when().get("/q/health/live").then().header(RequestIds.HEADER, not(equalTo(first)));
    }

}

package com.customk9.odoo.client;

import static com.customk9.odoo.client.support.Emulator.ANNA_PARTNER;
import static com.customk9.odoo.client.support.Emulator.DOG_MAX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.customk9.odoo.client.domain.Domain;
import com.customk9.odoo.client.error.OdooConnectionException;
import com.customk9.odoo.client.error.OdooNotFoundException;
import com.customk9.odoo.client.error.OdooTimeoutException;
import com.customk9.odoo.client.error.OdooUnavailableException;
import com.customk9.odoo.client.error.OdooValidationException;
import com.customk9.odoo.client.record.SearchQuery;
import com.customk9.odoo.client.support.Emulator;
import com.customk9.odoo.client.support.EmulatorTest;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * Retries (counted on the emulator's side), timeouts and the circuit breaker. Test configuration:
 * 3 retries for reads, 3 for serialization failures, a breaker over 10 calls at 50% with 1 s open
 * and 2 trial successes, 3 s per attempt.
 */
@QuarkusTest
class OdooResilienceTest extends EmulatorTest {

    private static final String DOG = "customk9.dog";
    private static final SearchQuery ANNAS_DOGS = SearchQuery.where(Domain.where("owner_id", "=", ANNA_PARTNER)).fields("name");

    @BeforeAll
    static void seededData() {
        Emulator.reset();
    }

    @BeforeEach
    void integrationUserSignedIn() {
        // common.login happens once; the counts below are those of the calls themselves.
        await(odoo.searchCount(DOG, Domain.where("id", "=", 0)));
        redis.execute("FLUSHDB");
        Emulator.clearStats();
    }

    @Test
    void retriesAReadThreeTimesOnServerErrorsThenGivesUp() {
        Emulator.errorRate(1.0, "http", "/jsonrpc");

        Throwable failure = catchThrowable(() -> await(odoo.searchRead(DOG, ANNAS_DOGS)));

        assertThat(failure).isInstanceOf(OdooConnectionException.class);
        assertThat(Emulator.requests("jsonrpc")).isEqualTo(4);
        assertThat(retries(DOG, "search_read")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void retriesAReadOnOdooReportedServerErrorsToo() {
        Emulator.errorRate(1.0, "odoo", "/api/v2");

        Throwable failure = catchThrowable(() -> await(odoo.search(DOG, SearchQuery.all().fields("name"))));

        assertThat(failure).isInstanceOf(OdooConnectionException.class);
        assertThat(Emulator.requests("api_v2")).isEqualTo(4);
    }

    @Test
    void recoversFromATransientFailureWithinTheRetries() {
        Emulator.errorRate(0.5, "http", "/jsonrpc", seedFailingFirstThenPassing());

        var dogs = await(odoo.searchRead(DOG, ANNAS_DOGS));

        assertThat(dogs).isNotEmpty();
        assertThat(Emulator.requests("jsonrpc")).isEqualTo(2);
    }

    @Test
    void doesntRetryAWriteAfterAServerError() {
        Emulator.errorRate(1.0, "http", "/jsonrpc");

        Throwable failure = catchThrowable(() -> await(odoo.write(DOG, List.of(DOG_MAX), Map.of("notes", "once"))));

        assertThat(failure).isInstanceOf(OdooConnectionException.class);
        assertThat(Emulator.requests("jsonrpc")).isEqualTo(1);
    }

    @Test
    void doesntRetryACreateAfterAServerError() {
        Emulator.errorRate(1.0, "odoo", "/api/v2");

        Throwable failure = catchThrowable(() -> await(odoo.create(DOG, Map.of("name", "Once", "owner_id", ANNA_PARTNER))));

        assertThat(failure).isInstanceOf(OdooConnectionException.class);
        assertThat(Emulator.requests("api_v2")).isEqualTo(1);
    }

    @Test
    void doesntRetryAWriteThatTimedOut() {
        Emulator.latency(4_000, "/jsonrpc");

        Throwable failure = catchThrowable(() -> await(odoo.write(DOG, List.of(DOG_MAX), Map.of("notes", "late"))));

        assertThat(failure).isInstanceOf(OdooTimeoutException.class);
        assertThat(Emulator.requests("jsonrpc")).isEqualTo(1);
        Emulator.awaitCalls("jsonrpc", DOG, "write", 1);
        assertThat(Emulator.requests("jsonrpc")).isEqualTo(1);
    }

    @Test
    void retriesAWriteOnSerializationFailuresUntilItGoesThrough() {
        Emulator.serializationFailures(2);

        await(odoo.write(DOG, List.of(DOG_MAX), Map.of("notes", "third time lucky")));

        assertThat(Emulator.calls("jsonrpc", DOG, "write")).isEqualTo(3);
        assertThat(await(odoo.read(DOG, List.of(DOG_MAX), List.of("notes"))).get(0).text("notes"))
                .isEqualTo("third time lucky");
    }

    @Test
    void retriesACreateOnASerializationFailure() {
        Emulator.serializationFailures(1);

        long id = await(odoo.create(DOG, Map.of("name", "Retry", "owner_id", ANNA_PARTNER)));

        assertThat(id).isPositive();
        assertThat(Emulator.calls("api_v2", DOG, "create")).isEqualTo(2);
        assertThat(await(odoo.searchCount(DOG, Domain.where("name", "=", "Retry")))).isEqualTo(1);
    }

    @Test
    void givesUpOnSerializationFailuresAfterTheConfiguredRetries() {
        Emulator.serializationFailures(50);

        catchThrowable(() -> await(odoo.write(DOG, List.of(DOG_MAX), Map.of("notes", "never"))));

        assertThat(Emulator.calls("jsonrpc", DOG, "write")).isEqualTo(4);
    }

    @Test
    void doesntRetryNotFoundNorValidationErrorsAndTheyDontTripTheBreaker() {
        for (int i = 0; i < 12; i++) {
            assertThat(catchThrowable(() -> await(odoo.get(DOG, 999_999)))).isInstanceOf(OdooNotFoundException.class);
            assertThat(catchThrowable(() -> await(odoo.write(DOG, List.of(DOG_MAX), Map.of("weight", -1.0)))))
                    .isInstanceOf(OdooValidationException.class);
        }

        assertThat(Emulator.requests("api_v2")).isEqualTo(12);
        assertThat(Emulator.calls("jsonrpc", DOG, "write")).isEqualTo(12);
        assertThat(odoo.breakerState()).isEqualTo(CircuitBreakerState.CLOSED);
    }

    @Test
    void opensTheBreakerThenFailsFastWithoutCallingOdoo() {
        openBreaker();
        long requestsWhenOpened = Emulator.totalRequests();

        Throwable failure = catchThrowable(() -> await(odoo.searchRead(DOG, ANNAS_DOGS)));

        assertThat(odoo.breakerState()).isEqualTo(CircuitBreakerState.OPEN);
        assertThat(failure).isInstanceOf(OdooUnavailableException.class);
        assertThat(Emulator.totalRequests()).isEqualTo(requestsWhenOpened);
    }

    @Test
    void halfOpensAfterTheDelayAndClosesAfterTwoTrialSuccesses() {
        openBreaker();
        Emulator.endOutage();

        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> catchThrowable(() -> await(odoo.searchCount(DOG, Domain.all()))) == null);

        assertThat(odoo.breakerState()).isEqualTo(CircuitBreakerState.HALF_OPEN);
        await(odoo.searchCount(DOG, Domain.where("active", "=", true)));
        assertThat(odoo.breakerState()).isEqualTo(CircuitBreakerState.CLOSED);
    }

    @Test
    void reopensWhenTheTrialCallFails() {
        openBreaker();
        long requestsWhenOpened = Emulator.totalRequests();
        AtomicReference<Throwable> trial = new AtomicReference<>();

        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            trial.set(catchThrowable(() -> await(odoo.write(DOG, List.of(DOG_MAX), Map.of("notes", "trial")))));
            return !(trial.get() instanceof OdooUnavailableException);
        });

        assertThat(trial.get()).isInstanceOf(OdooConnectionException.class);
        assertThat(Emulator.totalRequests()).isEqualTo(requestsWhenOpened + 1);
        assertThat(odoo.breakerState()).isEqualTo(CircuitBreakerState.OPEN);
    }

    @Test
    void readinessFollowsTheBreaker() {
        io.restassured.RestAssured.given().port(Emulator.PORT).get("/q/health/ready")
                .then().statusCode(200).body("checks.find { it.name == 'Odoo' }.status", org.hamcrest.Matchers.equalTo("UP"));

        openBreaker();

        io.restassured.RestAssured.given().port(Emulator.PORT).get("/q/health/ready")
                .then().statusCode(503)
                .body("checks.find { it.name == 'Odoo' }.data.circuit_breaker", org.hamcrest.Matchers.equalTo("open"));
    }

    /** Ten writes (never retried) against a down Odoo fill the window with failures. */
    private void openBreaker() {
        Emulator.outage("503");
        for (int i = 0; i < 10; i++) {
            catchThrowable(() -> await(odoo.write(DOG, List.of(DOG_MAX), Map.of("notes", "down"))));
        }
        assertThat(odoo.breakerState()).isEqualTo(CircuitBreakerState.OPEN);
    }

    /** A seed whose first draw fails a 50% error rate and whose second passes (the emulator draws java.util.Random). */
    private static long seedFailingFirstThenPassing() {
        for (long seed = 0; ; seed++) {
            Random random = new Random(seed);
            if (random.nextDouble() < 0.5 && random.nextDouble() >= 0.5) {
                return seed;
            }
        }
    }
}

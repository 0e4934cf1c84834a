package com.customk9.odoo.client;

import static com.customk9.odoo.client.support.Emulator.ANNA_PARTNER;
import static com.customk9.odoo.client.support.Emulator.DOG_MAX;
import static com.customk9.odoo.client.support.Emulator.DOG_REX;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.customk9.odoo.client.auth.OdooUserSession;
import com.customk9.odoo.client.domain.Domain;
import com.customk9.odoo.client.error.OdooAccessDeniedException;
import com.customk9.odoo.client.error.OdooAuthenticationException;
import com.customk9.odoo.client.error.OdooConnectionException;
import com.customk9.odoo.client.error.OdooNotFoundException;
import com.customk9.odoo.client.error.OdooNotFoundException.Missing;
import com.customk9.odoo.client.error.OdooSerializationException;
import com.customk9.odoo.client.error.OdooSessionExpiredException;
import com.customk9.odoo.client.error.OdooTimeoutException;
import com.customk9.odoo.client.error.OdooUnavailableException;
import com.customk9.odoo.client.error.OdooValidationException;
import com.customk9.odoo.client.record.OdooRecord;
import com.customk9.odoo.client.record.SearchQuery;
import com.customk9.odoo.client.support.Emulator;
import com.customk9.odoo.client.support.EmulatorTest;

import io.quarkus.test.junit.QuarkusTest;

/** Every typed error, from both of Odoo's error shapes, and what a service's caller then sees. */
@QuarkusTest
class OdooClientErrorsTest extends EmulatorTest {

    private static final String DOG = "customk9.dog";

    @BeforeAll
    static void seededData() {
        Emulator.reset();
    }

    private Throwable failureOf(io.smallrye.mutiny.Uni<?> call) {
        return catchThrowable(() -> await(call));
    }

    @Test
    void aMissingRecordIsNotFoundOnBothSurfaces() {
        Throwable viaApi = failureOf(odoo.get(DOG, 999_999));
        Throwable viaRpc = failureOf(odoo.read(DOG, List.of(999_999L), List.of("name")));

        assertThat(viaApi).isInstanceOf(OdooNotFoundException.class);
        assertThat(((OdooNotFoundException) viaApi).missing()).isEqualTo(Missing.RECORD);
        assertThat(((OdooNotFoundException) viaApi).odooError()).containsEntry("code", "RECORD_NOT_FOUND");
        assertThat(viaRpc).isInstanceOf(OdooNotFoundException.class);
        assertThat(((OdooNotFoundException) viaRpc).status()).isEqualTo(404);
    }

    @Test
    void anUnknownModelIsNotFoundOnBothSurfaces() {
        Throwable viaApi = failureOf(odoo.search("customk9.cat", SearchQuery.all()));
        Throwable viaRpc = failureOf(odoo.searchCount("customk9.cat", Domain.all()));

        assertThat(viaApi).isInstanceOfSatisfying(OdooNotFoundException.class,
                error -> assertThat(error.missing()).isEqualTo(Missing.MODEL));
        assertThat(viaRpc).isInstanceOfSatisfying(OdooNotFoundException.class,
                error -> assertThat(error.missing()).isEqualTo(Missing.MODEL));
    }

    @Test
    void anotherClientsDogIsAccessDeniedOnBothSurfaces() {
        OdooUserSession anna = await(odoo.login(Emulator.CLIENT_LOGIN, Emulator.CLIENT_PASSWORD));
        long bensDog = await(odoo.searchRead(DOG, SearchQuery.where(Domain.where("owner_id", "!=", ANNA_PARTNER))
                .fields("name").limit(1))).get(0).id();

        Throwable viaApi = failureOf(odoo.as(anna).get(DOG, bensDog, "name"));
        Throwable viaRpc = failureOf(odoo.as(anna).write(DOG, List.of(DOG_REX), Map.of("name", "Mine now")));

        assertThat(viaApi).isInstanceOf(OdooAccessDeniedException.class);
        assertThat(((OdooAccessDeniedException) viaApi).status()).isEqualTo(403);
        assertThat(viaRpc).isInstanceOf(OdooAccessDeniedException.class);
    }

    @Test
    void refusedValuesAreValidationErrorsWithOdoosWordingOnBothSurfaces() {
        Throwable viaApi = failureOf(odoo.create(DOG, Map.of("breed", "Collie")));
        Throwable viaRpc = failureOf(odoo.write(DOG, List.of(DOG_REX), Map.of("weight", -3.0)));
        Throwable wrongSelection = failureOf(odoo.write(DOG, List.of(DOG_REX), Map.of("training_level", "wizard")));

        assertThat(viaApi).isInstanceOf(OdooValidationException.class);
        assertThat(((OdooValidationException) viaApi).status()).isEqualTo(422);
        assertThat(viaApi.getMessage()).contains("mandatory field");
        assertThat(viaRpc).isInstanceOf(OdooValidationException.class);
        assertThat(viaRpc.getMessage()).isEqualTo("The weight of a dog cannot be negative.");
        assertThat(wrongSelection).isInstanceOf(OdooValidationException.class);
        assertThat(wrongSelection.getMessage()).contains("wizard").doesNotContain("Traceback");
    }

    @Test
    void aWrongPasswordIsAnAuthenticationError() {
        Throwable failure = failureOf(odoo.login(Emulator.CLIENT_LOGIN, "not-the-password"));

        assertThat(failure).isInstanceOf(OdooAuthenticationException.class);
        assertThat(((OdooAuthenticationException) failure).status()).isEqualTo(401);
    }

    @Test
    void anExpiredSessionThatCannotBeRenewedReachesTheCaller() {
        OdooUserSession signedIn = await(odoo.login(Emulator.CLIENT_LOGIN, Emulator.CLIENT_PASSWORD));
        OdooUserSession resumed = OdooUserSession.resume(signedIn.userId(), signedIn.token());
        Emulator.expireSessions(true);

        Throwable failure = failureOf(odoo.as(resumed).search(DOG, SearchQuery.all().fields("name")));

        assertThat(failure).isInstanceOf(OdooSessionExpiredException.class);
        assertThat(((OdooSessionExpiredException) failure).status()).isEqualTo(401);
    }

    @Test
    void aWriteStillConflictingAfterEveryRetryIsASerializationError() {
        Emulator.serializationFailures(50);

        Throwable failure = failureOf(odoo.write(DOG, List.of(DOG_MAX), Map.of("notes", "conflict")));

        assertThat(failure).isInstanceOf(OdooSerializationException.class);
        assertThat(((OdooSerializationException) failure).status()).isEqualTo(409);
    }

    @Test
    void anOdooBehindABrokenProxyIsAConnectionErrorCarryingWhatItSaid() {
        Emulator.outage("502");

        Throwable failure = failureOf(odoo.write(DOG, List.of(DOG_MAX), Map.of("notes", "x")));

        assertThat(failure).isInstanceOfSatisfying(OdooConnectionException.class, error -> {
            assertThat(error.status()).isEqualTo(502);
            assertThat(error.getMessage()).isEqualTo("Odoo Connection Error");
            assertThat(error.odooError()).containsEntry("http_status", 502);
        });
    }

    @Test
    void aDroppedConnectionIsAConnectionError() {
        Emulator.outage("close");

        Throwable failure = failureOf(odoo.create(DOG, Map.of("name", "Ghost", "owner_id", ANNA_PARTNER)));

        assertThat(failure).isInstanceOfSatisfying(OdooConnectionException.class,
                error -> assertThat(error.isTransient()).isTrue());
    }

    @Test
    void aSlowOdooIsATimeout() {
        Emulator.latency(4_000, "/jsonrpc");

        long started = System.nanoTime();
        Throwable failure = failureOf(odoo.write(DOG, List.of(DOG_MAX), Map.of("notes", "slow")));

        assertThat(failure).isInstanceOf(OdooTimeoutException.class);
        assertThat(((OdooTimeoutException) failure).status()).isEqualTo(504);
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofMillis(3_900));
        Emulator.awaitCalls("jsonrpc", DOG, "write", 1);
    }

    @Test
    void anOpenBreakerIsUnavailable() {
        Emulator.outage("503");
        for (int i = 0; i < 10; i++) {
            failureOf(odoo.write(DOG, List.of(DOG_MAX), Map.of("notes", "down")));
        }

        Throwable failure = failureOf(odoo.searchCount(DOG, Domain.all()));

        assertThat(failure).isInstanceOf(OdooUnavailableException.class);
        assertThat(((OdooUnavailableException) failure).status()).isEqualTo(503);
    }

    @Test
    void revokedIntegrationCredentialsAreOurs502NotTheCallers401() {
        OdooUserSession admin = await(odoo.login(Emulator.ADMIN_LOGIN, Emulator.ADMIN_PASSWORD));
        List<OdooRecord> keys = await(odoo.as(admin).searchRead("res.users.apikeys",
                SearchQuery.where(Domain.where("user_id", "=", 3)).fields("name")));
        await(odoo.as(admin).unlink("res.users.apikeys", keys.stream().map(OdooRecord::id).toList()));
        try {
            Throwable failure = failureOf(odoo.searchCount(DOG, Domain.all()));

            assertThat(failure).isInstanceOfSatisfying(OdooConnectionException.class, error -> {
                assertThat(error.status()).isEqualTo(502);
                assertThat(error.isTransient()).isFalse();
            });
        } finally {
            Emulator.reset();
        }
        assertThat(await(odoo.searchCount(DOG, Domain.all()))).isPositive();
    }

    @Test
    void aServiceCallerGetsThePlatformEnvelope() {
        given().port(Emulator.PORT).get("/probe/dogs/{id}", DOG_REX)
                .then().statusCode(200).body("name", equalTo("Rex"));
        given().port(Emulator.PORT).get("/probe/dogs/{id}", 999_999)
                .then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        given().port(Emulator.PORT).post("/probe/dogs/{id}/weight/{kg}", DOG_REX, -3)
                .then().statusCode(422).body("error.code", equalTo("UNPROCESSABLE_ENTITY"))
                .body("error.message", equalTo("The weight of a dog cannot be negative."))
                .body("error.odoo_error", notNullValue());

        Emulator.outage("502");
        given().port(Emulator.PORT).get("/probe/dogs/{id}", Emulator.DOG_BELLA)
                .then().statusCode(502)
                .body("error.code", equalTo("ODOO_CONNECTION_ERROR"))
                .body("error.message", equalTo("Odoo Connection Error"))
                .body("error.odoo_error.http_status", equalTo(502))
                .body(not(containsString("Exception")));

        Emulator.latency(4_000, "/jsonrpc");
        Emulator.endOutage();
        Emulator.clearStats();
        given().port(Emulator.PORT).post("/probe/dogs/{id}/weight/{kg}", DOG_REX, 30)
                .then().statusCode(504).body("error.code", equalTo("GATEWAY_TIMEOUT"))
                .body("error.odoo_error", nullValue());
        Emulator.awaitCalls("jsonrpc", DOG, "write", 1);
    }
}

package com.customk9.auth.registration;

import static com.customk9.auth.support.Clients.freshAddress;
import static com.customk9.auth.support.Clients.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.customk9.auth.support.Accounts;
import com.customk9.auth.support.AuthEventsTopic;
import com.customk9.auth.support.Clients;
import com.customk9.auth.support.Emulator;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RegistrationTest {

    @AfterEach
    void healOdoo() {
        Emulator.clearFaults();
    }

    @Test
    void createsAPortalClientInOdooAndSignsIn() {
        String email = Accounts.newEmail();

        Map<String, Object> tokens = from(freshAddress())
                .body(Map.of("name", "Dana Client", "email", email, "password", Accounts.PASSWORD, "phone", "+1 555-0199"))
                .when().post("/api/auth/register")
                .then().statusCode(201)
                .body("user.email", equalTo(email))
                .body("user.name", equalTo("Dana Client"))
                .body("user.roles", contains("client"))
                .body("user.partner_id", notNullValue())
                .body("access", notNullValue())
                .extract().jsonPath().getMap("");

        long partnerId = ((Number) ((Map<?, ?>) tokens.get("user")).get("partner_id")).longValue();
        Emulator.asIntegration().get("/api/v2/search/res.partner/" + partnerId + "?fields=name,email,phone,customer_rank")
                .then().statusCode(200)
                .body("data.record.email", equalTo(email)).body("data.record.phone", equalTo("+1 555-0199"))
                .body("data.record.customer_rank", equalTo(1));
        Clients.login(email, Accounts.PASSWORD).statusCode(200).body("user.email", equalTo(email));
    }

    @Test
    void publishesUserRegisteredOnce() {
        String email = Accounts.newEmail();
        long userId = Accounts.userId(Accounts.register(email));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                AuthEventsTopic.events("user:" + userId, "com.customk9.auth.user.registered")).hasSize(1));
        Map<String, Object> event = AuthEventsTopic.events("user:" + userId, "com.customk9.auth.user.registered").get(0);
        assertThat(event).containsEntry("source", "/customk9/auth").containsEntry("specversion", "1.0");
        assertThat(((Map<?, ?>) event.get("data")).get("email")).isEqualTo(email);
    }

    @Test
    void anExistingLoginIsAConflictInAnyCase() {
        String email = Accounts.newEmail();
        Accounts.register(email);

        from(freshAddress()).body(Map.of("name", "Again", "email", email.toUpperCase(), "password", Accounts.PASSWORD))
                .when().post("/api/auth/register")
                .then().statusCode(409).body("error.code", equalTo("CONFLICT"));
        from(freshAddress()).body(Map.of("name", "Anna again", "email", Clients.ANNA, "password", Accounts.PASSWORD))
                .when().post("/api/auth/register")
                .then().statusCode(409);
    }

    @Test
    void refusesWeakPasswordsAndBadInputFieldByField() {
        String email = Accounts.newEmail();
        from(freshAddress()).body(Map.of("name", "Weak", "email", email, "password", "short1"))
                .when().post("/api/auth/register")
                .then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.password", hasItem("must be at least 10 characters long"));
        from(freshAddress()).body(Map.of("name", "Weak", "email", email, "password", "abcdefghijklmn"))
                .when().post("/api/auth/register")
                .then().statusCode(400).body("error.details.password", hasItem("must not be only letters or only digits"));
        from(freshAddress()).body(Map.of("name", "", "email", "not-an-email", "password", Accounts.PASSWORD))
                .when().post("/api/auth/register")
                .then().statusCode(400).body("error.details", hasKey("name")).body("error.details", hasKey("email"));
        from(freshAddress()).body("{\"name\": \"x\", \"email\": ").when().post("/api/auth/register")
                .then().statusCode(400).body("error.code", equalTo("MALFORMED_JSON"));

        Clients.login(email, Accounts.PASSWORD).statusCode(401);
    }

    @Test
    void leavesNoHalfCreatedAccountWhenTheUserStepFails() {
        String email = Accounts.newEmail();
        Emulator.failRequests("/api/v2/create/res.users");
        Emulator.clearStats();

        from(freshAddress()).body(Map.of("name", "Half Made", "email", email, "password", Accounts.PASSWORD))
                .when().post("/api/auth/register")
                .then().statusCode(502).body("error.code", equalTo("ODOO_CONNECTION_ERROR"));

        Emulator.clearFaults();
        assertThat(Emulator.calls("api_v2", "res.partner", "create")).as("the partner step ran").isEqualTo(1);
        assertThat(Emulator.calls("jsonrpc", "res.partner", "unlink")).as("and was undone").isEqualTo(1);
        List<Object> partners = Emulator.asIntegration()
                .queryParam("domain", "[[\"email\", \"=\", \"" + email + "\"]]").queryParam("fields", "name")
                .get("/api/v2/search/res.partner").then().statusCode(200).extract().jsonPath().getList("data.records");
        assertThat(partners).isEmpty();
        // and the address is free again: a second attempt works
        Accounts.register(email);
    }

    @Test
    void odooDownIsABadGatewayNotACrash() {
        Emulator.outage("close");

        from(freshAddress()).body(Map.of("name", "Nobody", "email", Accounts.newEmail(), "password", Accounts.PASSWORD))
                .when().post("/api/auth/register")
                .then().statusCode(502).body("error.code", equalTo("ODOO_CONNECTION_ERROR"));
    }
}

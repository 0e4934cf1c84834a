package com.customk9.auth.password;

import static com.customk9.auth.support.Clients.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.customk9.auth.support.Accounts;
import com.customk9.auth.support.AuthEventsTopic;
import com.customk9.auth.support.Clients;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PasswordChangeTest {

    private static final String NEW_PASSWORD = "Better-Heel-77";

    @Test
    void changesThePasswordInOdooAndEndsTheOtherSessions() {
        String email = Accounts.newEmail();
        Map<String, Object> here = Accounts.register(email);
        Map<String, Object> elsewhere = Clients.signIn(email, Accounts.PASSWORD);

        bearer(Accounts.access(here)).body(Map.of("current_password", Accounts.PASSWORD, "new_password", NEW_PASSWORD))
                .put("/api/auth/password").then().statusCode(200).body("message", equalTo("Password changed"));

        Clients.login(email, NEW_PASSWORD).statusCode(200);
        Clients.login(email, Accounts.PASSWORD).statusCode(401);
        Clients.refresh(Accounts.refresh(elsewhere)).statusCode(401);
        Clients.refresh(Accounts.refresh(here)).statusCode(200);
        long userId = Accounts.userId(here);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                AuthEventsTopic.events("user:" + userId, "com.customk9.auth.password.changed")).hasSize(1));
    }

    @Test
    void aWrongCurrentPasswordChangesNothing() {
        String email = Accounts.newEmail();
        Map<String, Object> login = Accounts.register(email);

        bearer(Accounts.access(login)).body(Map.of("current_password", "not-it-at-all", "new_password", NEW_PASSWORD))
                .put("/api/auth/password").then().statusCode(400)
                .body("error.details.current_password", hasItem("is incorrect"));

        Clients.login(email, Accounts.PASSWORD).statusCode(200);
    }

    @Test
    void theNewPasswordMustFollowThePolicy() {
        String email = Accounts.newEmail();
        Map<String, Object> login = Accounts.register(email);

        bearer(Accounts.access(login)).body(Map.of("current_password", Accounts.PASSWORD, "new_password", "short"))
                .put("/api/auth/password").then().statusCode(400)
                .body("error.details.new_password", hasItem("must be at least 10 characters long"));
        bearer(Accounts.access(login)).body(Map.of("current_password", Accounts.PASSWORD, "new_password", Accounts.PASSWORD))
                .put("/api/auth/password").then().statusCode(400)
                .body("error.details.new_password", hasItem("must differ from the current password"));
        bearer(Accounts.access(login)).body(Map.of("new_password", NEW_PASSWORD))
                .put("/api/auth/password").then().statusCode(400)
                .body("error.details.current_password", org.hamcrest.Matchers.notNullValue());

        Clients.login(email, Accounts.PASSWORD).statusCode(200);
    }

    @Test
    void needsToBeSignedIn() {
        io.restassured.RestAssured.given().contentType("application/json")
                .body(Map.of("current_password", Accounts.PASSWORD, "new_password", NEW_PASSWORD))
                .put("/api/auth/password").then().statusCode(401);
    }
}

package com.customk9.auth.password;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.customk9.auth.support.Accounts;
import com.customk9.auth.support.AuthEventsTopic;
import com.customk9.auth.support.Clients;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.pgclient.PgPool;

@QuarkusTest
class PasswordResetTest {

    private static final String TYPE = "com.customk9.auth.password.reset-requested";
    private static final String NEW_PASSWORD = "Fresh-Start-2027";

    @Inject
    PgPool database;

    @Test
    void resetsThePasswordWithTheLinkSentByEvent() {
        String email = Accounts.newEmail();
        Map<String, Object> session = Accounts.register(email);

        String token = requestAndReceive(email, Accounts.userId(session));
        confirm(token, NEW_PASSWORD).statusCode(200);

        Clients.login(email, NEW_PASSWORD).statusCode(200);
        Clients.login(email, Accounts.PASSWORD).statusCode(401);
        Clients.refresh(Accounts.refresh(session)).statusCode(401);
    }

    @Test
    void aTokenWorksOnce() {
        String email = Accounts.newEmail();
        String token = requestAndReceive(email, Accounts.userId(Accounts.register(email)));
        confirm(token, NEW_PASSWORD).statusCode(200);

        confirm(token, "Another-Pass-99").statusCode(400).body("error.details.token", org.hamcrest.Matchers.notNullValue());
        Clients.login(email, NEW_PASSWORD).statusCode(200);
    }

    @Test
    void anExpiredTokenIsRefused() {
        String email = Accounts.newEmail();
        long userId = Accounts.userId(Accounts.register(email));
        String token = requestAndReceive(email, userId);
        database.query("update password_reset_token set expires_at = now() - interval '1 second' where user_id = " + userId)
                .execute().await().atMost(Duration.ofSeconds(5));

        confirm(token, NEW_PASSWORD).statusCode(400);
        Clients.login(email, Accounts.PASSWORD).statusCode(200);
    }

    @Test
    void aWeakPasswordKeepsTheTokenUsable() {
        String email = Accounts.newEmail();
        String token = requestAndReceive(email, Accounts.userId(Accounts.register(email)));

        confirm(token, "weak").statusCode(400).body("error.details.new_password", hasItem("must be at least 10 characters long"));

        confirm(token, NEW_PASSWORD).statusCode(200);
    }

    @Test
    void answersTheSameForAddressesWithoutAccount() {
        String nobody = Accounts.newEmail();
        String body = request(nobody).statusCode(202).extract().body().asString();
        String email = Accounts.newEmail();
        Accounts.register(email);

        assertThat(request(email).statusCode(202).extract().body().asString()).isEqualTo(body);
        assertThat(given().contentType(ContentType.JSON).body(Map.of("email", "not an email"))
                .post("/api/auth/password/reset").then().statusCode(400).extract().jsonPath().getString("error.code"))
                .isEqualTo("VALIDATION_ERROR");
    }

    @Test
    void aGarbageTokenIsABadRequest() {
        confirm("nope", NEW_PASSWORD).statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));
        confirm("x".repeat(300), NEW_PASSWORD).statusCode(400);
    }

    private static String requestAndReceive(String email, long userId) {
        request(email).statusCode(202);
        String subject = "user:" + userId;
        await().atMost(Duration.ofSeconds(20)).until(() -> !AuthEventsTopic.events(subject, TYPE).isEmpty());
        List<Map<String, Object>> events = AuthEventsTopic.events(subject, TYPE);
        Map<?, ?> data = (Map<?, ?>) events.get(events.size() - 1).get("data");
        assertThat(data.get("email")).isEqualTo(email);
        String link = (String) data.get("link");
        assertThat(link).startsWith("http://localhost:3000/reset-password?token=");
        return link.substring(link.indexOf("token=") + 6);
    }

    private static ValidatableResponse request(String email) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email)).post("/api/auth/password/reset").then();
    }

    private static ValidatableResponse confirm(String token, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("token", token, "new_password", password))
                .post("/api/auth/password/reset/confirm").then();
    }
}

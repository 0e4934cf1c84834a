package com.customk9.emulator.apiv2;

import static com.customk9.emulator.jsonrpc.OdooTestClient.ADMIN_LOGIN;
import static com.customk9.emulator.jsonrpc.OdooTestClient.ADMIN_PASSWORD;
import static com.customk9.emulator.jsonrpc.OdooTestClient.integrationApiKey;
import static com.customk9.emulator.jsonrpc.OdooTestClient.sessionToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.customk9.emulator.session.EmulatorClock;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ApiV2AuthTest {

    @Inject
    EmulatorClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void testEndpointNeedsNoAuthentication() {
        given().get("/api/v2/test").then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.api_version", equalTo("v2"))
                .body("message", equalTo("API v2 is working"));
    }

    @Test
    void loginAnswersASessionTokenValidForADay() {
        var body = given().contentType(ContentType.JSON).body(Map.of("username", ADMIN_LOGIN, "password", ADMIN_PASSWORD))
                .post("/api/v2/auth/login").then().statusCode(200)
                .body("success", equalTo(true))
                .body("message", equalTo("Login successful"))
                .body("data.session_token", matchesPattern("[A-Za-z0-9]{48}"))
                .body("data.expires_at", matchesPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{6})?"))
                .body("data.user.id", greaterThan(0))
                .body("data.user.login", equalTo(ADMIN_LOGIN))
                .body("data.user.groups", hasItem("Administrator"))
                .extract().jsonPath();
        LocalDateTime expires = LocalDateTime.parse(body.getString("data.expires_at"));
        LocalDateTime inADay = LocalDateTime.now(java.time.ZoneOffset.UTC).plusHours(24);
        assertThat(Duration.between(expires, inADay).abs()).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void wrongPasswordIsInvalidCredentials() {
        given().contentType(ContentType.JSON).body(Map.of("username", ADMIN_LOGIN, "password", "nope"))
                .post("/api/v2/auth/login").then().statusCode(401)
                .body("success", equalTo(false))
                .body("error.code", equalTo("INVALID_CREDENTIALS"));
    }

    @Test
    void loginWithoutPasswordIsAValidationError() {
        given().contentType(ContentType.JSON).body(Map.of("username", ADMIN_LOGIN))
                .post("/api/v2/auth/login").then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));
    }

    @Test
    void loginWithMalformedJsonIsInvalidJson() {
        given().contentType(ContentType.JSON).body("{\"username\": ").post("/api/v2/auth/login").then()
                .statusCode(400).body("success", equalTo(false)).body("error.code", equalTo("INVALID_JSON"));
        given().contentType(ContentType.JSON).body("[\"admin\"]").post("/api/v2/auth/login").then()
                .statusCode(400).body("error.code", equalTo("INVALID_JSON"));
    }

    @Test
    void meAnswersTheUserForBothAuthenticationMethods() {
        given().header("session-token", sessionToken(ADMIN_LOGIN, ADMIN_PASSWORD)).get("/api/v2/auth/me").then()
                .statusCode(200).body("data.login", equalTo(ADMIN_LOGIN)).body("data.auth_method", equalTo("session_token"))
                .body("data.partner_id", greaterThan(0));
        given().header("api-key", integrationApiKey()).get("/api/v2/auth/me").then()
                .statusCode(200).body("data.auth_method", equalTo("api_key"));
    }

    @Test
    void authTestAndUserInfoTakeAnApiKeyOnly() {
        given().header("api-key", integrationApiKey()).get("/api/v2/auth/test").then().statusCode(200)
                .body("data.authenticated", equalTo(true));
        given().header("api-key", integrationApiKey()).get("/api/v2/user/info").then().statusCode(200)
                .body("data.id", greaterThan(0));
        String token = sessionToken(ADMIN_LOGIN, ADMIN_PASSWORD);
        given().header("session-token", token).get("/api/v2/auth/test").then().statusCode(401)
                .body("error.code", equalTo("API_KEY_REQUIRED"));
        given().header("session-token", token).get("/api/v2/user/info").then().statusCode(401)
                .body("error.code", equalTo("API_KEY_REQUIRED"));
    }

    @Test
    void missingOrWrongCredentialsAreRefused() {
        given().get("/api/v2/auth/me").then().statusCode(401).body("error.code", equalTo("AUTHENTICATION_REQUIRED"));
        given().header("api-key", "not-a-key").get("/api/v2/auth/me").then().statusCode(401)
                .body("error.code", equalTo("INVALID_API_KEY"));
        given().header("session-token", "not-a-token").get("/api/v2/auth/me").then().statusCode(401)
                .body("error.code", equalTo("INVALID_SESSION"));
    }

    @Test
    void logoutRevokesTheToken() {
        String token = sessionToken(ADMIN_LOGIN, ADMIN_PASSWORD);
        given().header("session-token", token).post("/api/v2/auth/logout").then().statusCode(200)
                .body("success", equalTo(true)).body("data", nullValue());
        given().header("session-token", token).get("/api/v2/auth/me").then().statusCode(401)
                .body("error.code", equalTo("INVALID_SESSION"));
        given().header("session-token", token).post("/api/v2/auth/logout").then().statusCode(401);
        given().post("/api/v2/auth/logout").then().statusCode(401).body("error.code", equalTo("SESSION_TOKEN_REQUIRED"));
    }

    @Test
    void refreshIssuesANewTokenAndRetiresTheOldOne() {
        String token = sessionToken(ADMIN_LOGIN, ADMIN_PASSWORD);
        String refreshed = given().header("session-token", token).post("/api/v2/auth/refresh").then().statusCode(200)
                .body("message", equalTo("Session refreshed successfully"))
                .body("data.session_token", not(equalTo(token)))
                .body("data.user.login", equalTo(ADMIN_LOGIN))
                .extract().jsonPath().getString("data.session_token");
        given().header("session-token", refreshed).get("/api/v2/auth/me").then().statusCode(200);
        given().header("session-token", token).get("/api/v2/auth/me").then().statusCode(401)
                .body("error.code", equalTo("INVALID_SESSION"));
    }

    @Test
    void expiredTokenIsRefusedButRefreshableWithinTheGracePeriod() {
        String token = sessionToken(ADMIN_LOGIN, ADMIN_PASSWORD);
        clock.advance(Duration.ofHours(24).plusMinutes(59));
        given().header("session-token", token).get("/api/v2/auth/me").then().statusCode(401)
                .body("error.code", equalTo("SESSION_EXPIRED"));
        String refreshed = given().header("session-token", token).post("/api/v2/auth/refresh").then().statusCode(200)
                .extract().jsonPath().getString("data.session_token");
        given().header("session-token", refreshed).get("/api/v2/auth/me").then().statusCode(200);
    }

    @Test
    void refreshAfterTheGracePeriodIsRefused() {
        String token = sessionToken(ADMIN_LOGIN, ADMIN_PASSWORD);
        clock.advance(Duration.ofHours(25).plusSeconds(1));
        given().header("session-token", token).post("/api/v2/auth/refresh").then().statusCode(401)
                .body("error.code", equalTo("SESSION_EXPIRED"));
    }

    @Test
    void refreshExtendsTheExpiryByADayFromNow() {
        String token = sessionToken(ADMIN_LOGIN, ADMIN_PASSWORD);
        clock.advance(Duration.ofHours(20));
        String refreshed = given().header("session-token", token).post("/api/v2/auth/refresh").then().statusCode(200)
                .extract().jsonPath().getString("data.session_token");
        clock.advance(Duration.ofHours(23));
        given().header("session-token", refreshed).get("/api/v2/auth/me").then().statusCode(200);
    }

    @Test
    void refreshNeedsASessionToken() {
        given().header("api-key", integrationApiKey()).post("/api/v2/auth/refresh").then().statusCode(401)
                .body("error.code", equalTo("SESSION_TOKEN_REQUIRED"));
        given().header("session-token", "unknown").post("/api/v2/auth/refresh").then().statusCode(401)
                .body("error.code", equalTo("INVALID_SESSION"));
    }

    @Test
    void unknownPathStaysInTheEnvelope() {
        given().get("/api/v2/nothing/here").then().statusCode(404).body("success", equalTo(false))
                .body("error.code", equalTo("NOT_FOUND"));
        given().get("/api/v2/users/2/nothing").then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        given().get("/api/v1/partners").then().statusCode(404);
    }

    @Test
    void wrongMethodIsMethodNotAllowedInTheEnvelope() {
        given().get("/api/v2/auth/login").then().statusCode(405).header("Allow", "POST")
                .body("success", equalTo(false)).body("error.code", equalTo("METHOD_NOT_ALLOWED"));
        given().delete("/api/v2/users/2").then().statusCode(405).header("Allow", "GET, PUT");
        given().contentType(ContentType.JSON).body("{}").post("/api/v2/search/res.partner").then().statusCode(405);
    }

    @Test
    void archivedUsersSessionStopsWorking() {
        String login = "archived-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String admin = sessionToken(ADMIN_LOGIN, ADMIN_PASSWORD);
        int id = given().header("session-token", admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Soon archived", "login", login)).post("/api/v2/create/res.users").then().statusCode(201)
                .extract().jsonPath().getInt("data.id");
        given().header("session-token", admin).contentType(ContentType.JSON).body(Map.of("new_password", "pw-archived-1"))
                .post("/api/v2/users/" + id + "/reset-password").then().statusCode(200);
        String token = sessionToken(login, "pw-archived-1");
        given().header("session-token", admin).contentType(ContentType.JSON).body(Map.of("active", false))
                .put("/api/v2/users/" + id).then().statusCode(200);
        given().header("session-token", token).get("/api/v2/auth/me").then().statusCode(401)
                .body("error.code", equalTo("INVALID_SESSION"));
    }
}

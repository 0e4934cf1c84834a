package com.customk9.emulator.apiv2;

import static com.customk9.emulator.jsonrpc.OdooTestClient.ADMIN_LOGIN;
import static com.customk9.emulator.jsonrpc.OdooTestClient.ADMIN_PASSWORD;
import static com.customk9.emulator.jsonrpc.OdooTestClient.sessionToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class ApiV2UsersTest {

    private String adminToken;

    @BeforeEach
    void logInAsAdmin() {
        adminToken = sessionToken(ADMIN_LOGIN, ADMIN_PASSWORD);
    }

    private RequestSpecification asAdmin() {
        return given().header("session-token", adminToken).contentType(ContentType.JSON);
    }

    /** A new internal user with a known password: its id and login. */
    private Map.Entry<Integer, String> newUser(String password) {
        String login = "user-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        int id = asAdmin().body(Map.of("name", "Test " + login, "login", login, "groups_id", List.of(List.of(6, 0, List.of(1)))))
                .post("/api/v2/create/res.users").then().statusCode(201).extract().jsonPath().getInt("data.id");
        asAdmin().body(Map.of("new_password", password)).post("/api/v2/users/" + id + "/reset-password").then().statusCode(200);
        return Map.entry(id, login);
    }

    @Test
    void listIsPaginated() {
        asAdmin().get("/api/v2/users?limit=2&offset=0").then().statusCode(200)
                .body("data.users.size()", equalTo(2))
                .body("data.limit", equalTo(2))
                .body("data.total", greaterThan(2))
                .body("data.users[0]", hasKey("login"))
                .body("data.users[0]", not(hasKey("password")));
    }

    @Test
    void getAnswersOneUser() {
        var user = newUser("first-password-1");
        asAdmin().get("/api/v2/users/" + user.getKey()).then().statusCode(200)
                .body("data.user.id", equalTo(user.getKey()))
                .body("data.user.login", equalTo(user.getValue()));
        asAdmin().get("/api/v2/users/987654").then().statusCode(404).body("error.code", equalTo("RECORD_NOT_FOUND"));
    }

    @Test
    void updateChangesTheUser() {
        var user = newUser("first-password-1");
        asAdmin().body(Map.of("name", "Renamed user")).put("/api/v2/users/" + user.getKey()).then().statusCode(200)
                .body("data.user.name", equalTo("Renamed user"));
    }

    @Test
    void updateRefusesPasswordsAndEmptyBodies() {
        var user = newUser("first-password-1");
        asAdmin().body(Map.of("password", "x")).put("/api/v2/users/" + user.getKey()).then().statusCode(400);
        asAdmin().body(Map.of()).put("/api/v2/users/" + user.getKey()).then().statusCode(400);
        asAdmin().body("{oops").put("/api/v2/users/" + user.getKey()).then().statusCode(400)
                .body("error.code", equalTo("INVALID_JSON"));
    }

    @Test
    void aUserCannotUpdateSomeoneElse() {
        var user = newUser("first-password-1");
        var other = newUser("first-password-2");
        String token = sessionToken(user.getValue(), "first-password-1");
        given().header("session-token", token).contentType(ContentType.JSON).body(Map.of("name", "Hijacked"))
                .put("/api/v2/users/" + other.getKey()).then().statusCode(403).body("error.code", equalTo("ACCESS_DENIED"));
    }

    @Test
    void aUserChangesItsOwnPasswordWithTheOldOne() {
        var user = newUser("first-password-1");
        String token = sessionToken(user.getValue(), "first-password-1");
        given().header("session-token", token).contentType(ContentType.JSON)
                .body(Map.of("old_password", "wrong", "new_password", "second-password-2"))
                .put("/api/v2/users/" + user.getKey() + "/password").then().statusCode(400);
        given().header("session-token", token).contentType(ContentType.JSON)
                .body(Map.of("old_password", "first-password-1", "new_password", "second-password-2"))
                .put("/api/v2/users/" + user.getKey() + "/password").then().statusCode(200)
                .body("message", equalTo("Password changed successfully"));
        given().contentType(ContentType.JSON).body(Map.of("username", user.getValue(), "password", "second-password-2"))
                .post("/api/v2/auth/login").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("username", user.getValue(), "password", "first-password-1"))
                .post("/api/v2/auth/login").then().statusCode(401);
    }

    @Test
    void resetPasswordIsForAdministratorsOnly() {
        var user = newUser("first-password-1");
        var other = newUser("first-password-2");
        String token = sessionToken(user.getValue(), "first-password-1");
        given().header("session-token", token).post("/api/v2/users/" + other.getKey() + "/reset-password").then()
                .statusCode(403).body("error.code", equalTo("ACCESS_DENIED"));
        String temporary = asAdmin().post("/api/v2/users/" + other.getKey() + "/reset-password").then().statusCode(200)
                .body("data.temporary_password", matchesPattern("[A-Za-z0-9]{16}"))
                .extract().jsonPath().getString("data.temporary_password");
        given().contentType(ContentType.JSON).body(Map.of("username", other.getValue(), "password", temporary))
                .post("/api/v2/auth/login").then().statusCode(200);
    }

    @Test
    void resetPasswordRevokesTheUsersSessions() {
        var user = newUser("first-password-1");
        String token = sessionToken(user.getValue(), "first-password-1");
        asAdmin().body(Map.of("new_password", "another-one-3")).post("/api/v2/users/" + user.getKey() + "/reset-password")
                .then().statusCode(200);
        given().header("session-token", token).get("/api/v2/auth/me").then().statusCode(401);
    }

    @Test
    void generatedApiKeyAuthenticates() {
        var user = newUser("first-password-1");
        String token = sessionToken(user.getValue(), "first-password-1");
        String key = given().header("session-token", token).contentType(ContentType.JSON).body(Map.of("name", "CI"))
                .post("/api/v2/users/" + user.getKey() + "/api-key").then().statusCode(200)
                .body("data.user_id", equalTo(user.getKey()))
                .extract().jsonPath().getString("data.api_key");
        given().header("api-key", key).get("/api/v2/user/info").then().statusCode(200)
                .body("data.id", equalTo(user.getKey()));
    }

    @Test
    void aUserCannotMakeKeysForSomeoneElse() {
        var user = newUser("first-password-1");
        var other = newUser("first-password-2");
        given().header("session-token", sessionToken(user.getValue(), "first-password-1"))
                .post("/api/v2/users/" + other.getKey() + "/api-key").then().statusCode(403);
    }

    @Test
    void usersEndpointsNeedAuthentication() {
        given().get("/api/v2/users").then().statusCode(401);
        given().get("/api/v2/users/2").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").put("/api/v2/users/2").then().statusCode(401);
    }
}

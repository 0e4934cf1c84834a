package com.customk9.emulator.jsonrpc;

import static com.customk9.emulator.jsonrpc.OdooTestClient.ADMIN_LOGIN;
import static com.customk9.emulator.jsonrpc.OdooTestClient.ADMIN_PASSWORD;
import static com.customk9.emulator.jsonrpc.OdooTestClient.DB;
import static com.customk9.emulator.jsonrpc.OdooTestClient.INTEGRATION_LOGIN;
import static com.customk9.emulator.jsonrpc.OdooTestClient.envelope;
import static com.customk9.emulator.jsonrpc.OdooTestClient.integrationApiKey;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The web client's session routes and /web/dataset/call_kw, as odoorpc-style clients use them. */
@QuarkusTest
class WebSessionTest {

    private static Response authenticate(String login, String password) {
        return given().contentType("application/json")
                .body(envelope(Map.of("db", DB, "login", login, "password", password)))
                .post("/web/session/authenticate");
    }

    private static String sessionCookie() {
        Response response = authenticate(ADMIN_LOGIN, ADMIN_PASSWORD);
        response.then().statusCode(200).body("result.uid", greaterThan(0));
        return response.getCookie("session_id");
    }

    private static Response callKw(String sessionId, String model, String method, List<?> args, Map<String, ?> kwargs) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("model", model);
        params.put("method", method);
        params.put("args", args);
        params.put("kwargs", kwargs);
        var request = given().contentType("application/json").body(envelope(params));
        if (sessionId != null) {
            request.cookie("session_id", sessionId);
        }
        return request.post("/web/dataset/call_kw/" + model + "/" + method);
    }

    @Test
    void authenticateSetsTheSessionCookieAndAnswersSessionInfo() {
        Response response = authenticate(ADMIN_LOGIN, ADMIN_PASSWORD);
        response.then().statusCode(200)
                .body("result.uid", greaterThan(0))
                .body("result.username", equalTo(ADMIN_LOGIN))
                .body("result.db", equalTo(DB))
                .body("result.is_admin", equalTo(true))
                .body("result.user_context", hasKey("lang"))
                .body("result.user_context", hasKey("tz"))
                .body("result.partner_id", greaterThan(0))
                .body("result.server_version", equalTo("17.0"))
                .body("result", hasKey("name"));
        assertThat(response.getDetailedCookie("session_id").isHttpOnly()).isTrue();
        assertThat(response.getCookie("session_id")).hasSize(84);
    }

    @Test
    void wrongPasswordIsAccessDenied() {
        authenticate(ADMIN_LOGIN, "wrong").then().statusCode(200)
                .body("error.code", equalTo(200))
                .body("error.data.name", equalTo("odoo.exceptions.AccessDenied"))
                .body("error.data.message", equalTo("Access Denied"));
    }

    @Test
    void apiKeyIsNotAcceptedForAnInteractiveLogin() {
        authenticate(INTEGRATION_LOGIN, integrationApiKey()).then()
                .body("error.data.name", equalTo("odoo.exceptions.AccessDenied"));
    }

    @Test
    void unknownDatabaseIsAnAccessError() {
        given().contentType("application/json")
                .body(envelope(Map.of("db", "other", "login", ADMIN_LOGIN, "password", ADMIN_PASSWORD)))
                .post("/web/session/authenticate").then()
                .body("error.data.name", equalTo("odoo.exceptions.AccessError"))
                .body("error.data.message", equalTo("Database not found."));
    }

    @Test
    void callKwWorksWithTheSessionCookie() {
        String sid = sessionCookie();
        callKw(sid, "res.partner", "search_read", List.of(List.of()), Map.of("fields", List.of("name"), "limit", 3,
                "context", Map.of("lang", "en_US"))).then().statusCode(200)
                .body("result.size()", org.hamcrest.Matchers.lessThanOrEqualTo(3))
                .body("$", not(hasKey("error")));
    }

    @Test
    void callKwWithoutASessionIsSessionExpired() {
        callKw(null, "res.partner", "search", List.of(List.of()), Map.of()).then().statusCode(200)
                .body("error.code", equalTo(100))
                .body("error.message", equalTo("Odoo Session Expired"))
                .body("error.data.name", equalTo("odoo.http.SessionExpiredException"));
        callKw("made-up-session-id", "res.partner", "search", List.of(List.of()), Map.of()).then()
                .body("error.code", equalTo(100));
    }

    @Test
    void destroyEndsTheSession() {
        String sid = sessionCookie();
        given().contentType("application/json").cookie("session_id", sid).body(envelope(Map.of()))
                .post("/web/session/destroy").then().statusCode(200)
                .body("$", not(hasKey("result")))
                .body("$", not(hasKey("error")));
        callKw(sid, "res.partner", "search", List.of(List.of()), Map.of()).then().body("error.code", equalTo(100));
    }

    @Test
    void getSessionInfoNeedsTheSession() {
        String sid = sessionCookie();
        given().contentType("application/json").cookie("session_id", sid).body(envelope(Map.of()))
                .post("/web/session/get_session_info").then().body("result.username", equalTo(ADMIN_LOGIN));
        given().contentType("application/json").body(envelope(Map.of()))
                .post("/web/session/get_session_info").then().body("error.code", equalTo(100));
    }

    @Test
    void versionInfoNeedsNoSession() {
        given().contentType("application/json").body(envelope(Map.of())).post("/web/webclient/version_info").then()
                .statusCode(200).body("result.server_version", equalTo("17.0"));
    }

    @Test
    void callKwOnAnUnknownModelIsAKeyError() {
        callKw(sessionCookie(), "no.model", "search", List.of(List.of()), Map.of()).then()
                .body("error.data.name", equalTo("builtins.KeyError"))
                .body("error.data.message", equalTo("'no.model'"));
    }

    @Test
    void callKwWithoutPathSuffixWorksToo() {
        String sid = sessionCookie();
        given().contentType("application/json").cookie("session_id", sid)
                .body(envelope(Map.of("model", "res.partner", "method", "search_count", "args", List.of(List.of()),
                        "kwargs", Map.of())))
                .post("/web/dataset/call_kw").then().body("result", org.hamcrest.Matchers.greaterThanOrEqualTo(0));
    }

    @Test
    void callKwWritesAsTheSessionUser() {
        String sid = sessionCookie();
        int id = callKw(sid, "res.partner", "create", List.of(Map.of("name", "Web client partner")), Map.of())
                .then().extract().jsonPath().getInt("result");
        callKw(sid, "res.partner", "write", List.of(List.of(id), Map.of("city", "Leuven")), Map.of()).then()
                .body("result", equalTo(true));
        callKw(sid, "res.partner", "unlink", List.of(List.of(id)), Map.of()).then().body("result", equalTo(true));
    }

    @Test
    void malformedBodyIsA400() {
        given().contentType("application/json").body("{").post("/web/session/authenticate").then()
                .statusCode(400).body(equalTo("Invalid JSON data"));
    }
}

package com.customk9.emulator.jsonrpc;

import static com.customk9.emulator.jsonrpc.OdooTestClient.ADMIN_LOGIN;
import static com.customk9.emulator.jsonrpc.OdooTestClient.ADMIN_PASSWORD;
import static com.customk9.emulator.jsonrpc.OdooTestClient.DB;
import static com.customk9.emulator.jsonrpc.OdooTestClient.INTEGRATION_LOGIN;
import static com.customk9.emulator.jsonrpc.OdooTestClient.integrationApiKey;
import static com.customk9.emulator.jsonrpc.OdooTestClient.rpc;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class JsonRpcCommonServiceTest {

    @Test
    void versionReportsOdoo17() {
        rpc("common", "version").then().statusCode(200)
                .body("jsonrpc", equalTo("2.0"))
                .body("result.server_version", equalTo("17.0"))
                .body("result.server_version_info", contains(17, 0, 0, "final", 0, ""))
                .body("result.server_serie", equalTo("17.0"))
                .body("result.protocol_version", equalTo(1))
                .body("$", not(hasKey("error")));
    }

    @Test
    void loginWithPasswordAnswersTheUid() {
        rpc("common", "login", DB, ADMIN_LOGIN, ADMIN_PASSWORD).then().statusCode(200)
                .body("result", greaterThan(0));
    }

    @Test
    void authenticateAcceptsAnApiKeyInPlaceOfThePassword() {
        rpc("common", "authenticate", DB, INTEGRATION_LOGIN, integrationApiKey(), Map.of()).then().statusCode(200)
                .body("result", greaterThan(0));
    }

    @Test
    void wrongPasswordAnswersFalseNotAnError() {
        rpc("common", "login", DB, ADMIN_LOGIN, "wrong").then().statusCode(200)
                .body("result", equalTo(false))
                .body("$", not(hasKey("error")));
        rpc("common", "authenticate", DB, "nobody@nowhere", "x", Map.of()).then().statusCode(200)
                .body("result", equalTo(false));
    }

    @Test
    void apiKeyOfAnotherUserDoesNotLogIn() {
        rpc("common", "login", DB, ADMIN_LOGIN, integrationApiKey()).then().statusCode(200)
                .body("result", equalTo(false));
    }

    @Test
    void unknownDatabaseFailsLikeAMissingPostgresDatabase() {
        rpc("common", "login", "nope", ADMIN_LOGIN, ADMIN_PASSWORD).then().statusCode(200)
                .body("error.code", equalTo(200))
                .body("error.message", equalTo("Odoo Server Error"))
                .body("error.data.name", equalTo("psycopg2.OperationalError"))
                .body("error.data.message", containsString("database \"nope\" does not exist"));
    }

    @Test
    void unknownServiceIsAKeyError() {
        rpc("nosuch", "version").then().statusCode(200)
                .body("error.data.name", equalTo("builtins.KeyError"))
                .body("error.data.message", equalTo("'nosuch'"))
                .body("error.data.arguments", contains("nosuch"));
    }

    @Test
    void unknownMethodIsMethodNotFound() {
        rpc("common", "frobnicate").then().statusCode(200)
                .body("error.data.name", equalTo("builtins.Exception"))
                .body("error.data.message", equalTo("Method not found: frobnicate"));
    }

    @Test
    void wrongNumberOfArgumentsIsATypeError() {
        rpc("common", "login", DB, ADMIN_LOGIN).then().statusCode(200)
                .body("error.data.name", equalTo("builtins.TypeError"))
                .body("error.data.debug", containsString("Traceback (most recent call last)"));
    }

    @Test
    void dbServiceListsTheOneDatabaseAndRefusesManagement() {
        rpc("db", "list").then().body("result", contains(DB));
        rpc("db", "server_version").then().body("result", equalTo("17.0"));
        rpc("db", "drop", "admin", DB).then().body("error.data.name", equalTo("odoo.exceptions.AccessDenied"));
    }
}

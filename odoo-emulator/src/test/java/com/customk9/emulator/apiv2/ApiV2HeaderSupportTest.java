package com.customk9.emulator.apiv2;

import static com.customk9.emulator.jsonrpc.OdooTestClient.ADMIN_LOGIN;
import static com.customk9.emulator.jsonrpc.OdooTestClient.ADMIN_PASSWORD;
import static com.customk9.emulator.jsonrpc.OdooTestClient.integrationApiKey;
import static com.customk9.emulator.jsonrpc.OdooTestClient.sessionToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;

/** Seed 002's table of which endpoint takes a session token, an API key, or nothing. */
@QuarkusTest
class ApiV2HeaderSupportTest {

    @ParameterizedTest(name = "{0}: no header {1}, api-key {2}, session-token {3}")
    @CsvSource({
        "/api/v2/test,                200, 200, 200",
        "/api/v2/auth/test,           401, 200, 401",
        "/api/v2/user/info,           401, 200, 401",
        "/api/v2/auth/me,             401, 200, 200",
        "/api/v2/search/res.users,    401, 200, 200",
        "/api/v2/search/res.partner,  401, 200, 200",
        "/api/v2/users,               401, 200, 200",
        "/api/v2/partners,            401, 200, 401",
        "/api/v2/products,            401, 200, 401",
        "/api/v2/fields/res.partner,  401, 200, 200",
        "/api/v2/groups,              401, 200, 200",
    })
    void endpointAcceptsExactlyTheSeedsAuthenticationMethods(String path, int none, int apiKey, int sessionToken) {
        given().get(path).then().statusCode(none);
        given().header("api-key", integrationApiKey()).get(path).then().statusCode(apiKey);
        given().header("session-token", sessionToken(ADMIN_LOGIN, ADMIN_PASSWORD)).get(path).then().statusCode(sessionToken)
                .body("success", equalTo(sessionToken == 200));
    }
}

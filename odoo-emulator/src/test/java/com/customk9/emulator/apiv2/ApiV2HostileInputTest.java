package com.customk9.emulator.apiv2;

import static com.customk9.emulator.jsonrpc.OdooTestClient.integrationApiKey;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Whatever arrives, /api/v2 answers its envelope, never a 5xx or a stack trace. */
@QuarkusTest
class ApiV2HostileInputTest {

    private static void assertRefusedCleanly(Response response) {
        assertAnsweredCleanly(response);
        assertThat(response.statusCode()).isBetween(400, 499);
        response.then().body("success", equalTo(false));
    }

    /** Some odd values are legal (Odoo would take them too): the point is the envelope, never a crash. */
    private static void assertAnsweredCleanly(Response response) {
        assertThat(response.statusCode()).isLessThan(500);
        response.then().contentType(ContentType.JSON).body("success", org.hamcrest.Matchers.notNullValue());
        assertThat(response.asString()).doesNotContain("Exception").doesNotContain("java.").doesNotContain("at com.");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/api/v2/search/res.partner?limit=99999999999999999999",
        "/api/v2/search/res.partner?offset=1e3",
        "/api/v2/search/res.partner?domain=%5B%5B%5B%5B%5B%5D%5D%5D%5D%5D",
        "/api/v2/search/res.partner?domain=%5B%22%26%22%2C%22%7C%22%2C%22%21%22%5D",
        "/api/v2/search/res.partner?domain=%5B%5B%22name%22%2C%22in%22%2C%22notalist%22%5D%5D",
        "/api/v2/search/res.partner?domain=%5B%5B%22parent_id.name.foo.bar%22%2C%22%3D%22%2C1%5D%5D",
        "/api/v2/search/res.partner?customer_rank=abc",
        "/api/v2/search/res.partner?fields=%00%01",
        "/api/v2/search/res.partner?order=name%3B%20drop%20table%20x",
        "/api/v2/search/res.partner/0",
        "/api/v2/search/res.partner/-1",
        "/api/v2/search/res.partner/99999999999999999999999",
        "/api/v2/search/%F0%9F%90%95",
        "/api/v2/search/res.partner'%20or%201=1",
        "/api/v2/fields/..%2F..%2Fetc",
        "/api/v2/users/abc",
        "/api/v2/users?limit=-5",
    })
    void hostileQueriesAreAnsweredWithTheEnvelope(String path) {
        assertAnsweredCleanly(given().header("api-key", integrationApiKey()).urlEncodingEnabled(false).get(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "null",
        "42",
        "\"text\"",
        "[{\"name\": \"x\"}]",
        "{\"name\": {\"nested\": [1, 2, {\"deeper\": true}]}}",
        "{\"nosuchfield\": 1}",
        "{\"name\": \"x\", \"parent_id\": \"not-an-id\"}",
        "{\"name\": \"x\", \"child_ids\": [[99, 0, 0]]}",
        "{\"name\": \"x\", \"child_ids\": \"nope\"}",
        "{\"name\": \"x\", \"type\": \"not-a-selection-value\"}",
        "{\"name\": 1e999}",
        "{\"name\": \"x\"",
    })
    void hostileBodiesAreAnsweredWithTheEnvelope(String body) {
        assertAnsweredCleanly(given().header("api-key", integrationApiKey()).contentType(ContentType.JSON).body(body)
                .post("/api/v2/create/res.partner"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"username\": [], \"password\": {}}", "{\"username\": null}", "{}", "[]", "\"admin\"",
        "{\"username\": \"admin\", \"password\": \"\\u0000\"}"})
    void hostileLoginsAreRefusedWithTheEnvelope(String body) {
        assertRefusedCleanly(given().contentType(ContentType.JSON).body(body).post("/api/v2/auth/login"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"LONG", "' or 1=1 --", "%00", "\u00e9\u00e8"})
    void hostileHeadersAreRefusedWithTheEnvelope(String value) {
        String header = value.equals("LONG") ? "x".repeat(5000) : value;
        assertRefusedCleanly(given().header("api-key", header).get("/api/v2/auth/me"));
        assertRefusedCleanly(given().header("session-token", header).get("/api/v2/auth/me"));
    }
}

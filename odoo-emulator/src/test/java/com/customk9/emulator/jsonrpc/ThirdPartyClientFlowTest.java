package com.customk9.emulator.jsonrpc;

import static com.customk9.emulator.jsonrpc.OdooTestClient.ADMIN_LOGIN;
import static com.customk9.emulator.jsonrpc.OdooTestClient.ADMIN_PASSWORD;
import static com.customk9.emulator.jsonrpc.OdooTestClient.DB;
import static com.customk9.emulator.jsonrpc.OdooTestClient.rpc;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The calls well-known clients (odoorpc over /jsonrpc and over /web) make when they connect and browse. */
@QuarkusTest
class ThirdPartyClientFlowTest {

    private static String web(String path, String params, String sessionId) {
        var request = given().contentType("application/json")
                .body("{\"jsonrpc\": \"2.0\", \"method\": \"call\", \"params\": " + params + ", \"id\": 42}");
        if (sessionId != null) {
            request.cookie("session_id", sessionId);
        }
        return request.post(path).then().statusCode(200).extract().asString();
    }

    @Test
    void rpcClientLogsInReadsItsContextAndBrowsesItsUser() {
        int uid = rpc("common", "login", DB, ADMIN_LOGIN, ADMIN_PASSWORD).then().extract().jsonPath().getInt("result");
        rpc("object", "execute", DB, uid, ADMIN_PASSWORD, "res.users", "context_get").then()
                .body("result.uid", equalTo(uid))
                .body("result.lang", org.hamcrest.Matchers.notNullValue());
        rpc("object", "execute_kw", DB, uid, ADMIN_PASSWORD, "res.users", "read", List.of(List.of(uid)),
                Map.of("fields", List.of("name", "login"), "context", Map.of("lang", "en_US"))).then()
                .body("result[0].login", equalTo(ADMIN_LOGIN));
    }

    @Test
    void webClientListsDatabasesAuthenticatesAndCallsModelMethods() {
        assertThat(JsonPath.from(web("/web/webclient/version_info", "{}", null)).getString("result.server_serie"))
                .isEqualTo("17.0");
        given().contentType("application/json").body("{\"jsonrpc\": \"2.0\", \"method\": \"call\", \"params\": {}}")
                .post("/web/database/list").then().body("result", contains(DB));

        var login = given().contentType("application/json")
                .body("{\"params\": {\"db\": \"" + DB + "\", \"login\": \"" + ADMIN_LOGIN + "\", \"password\": \"" + ADMIN_PASSWORD + "\"}}")
                .post("/web/session/authenticate");
        String sid = login.getCookie("session_id");
        int uid = login.jsonPath().getInt("result.uid");

        JsonPath context = JsonPath.from(web("/web/dataset/call_kw", "{\"model\": \"res.users\", \"method\": \"context_get\", "
                + "\"args\": [], \"kwargs\": {}}", sid));
        assertThat(context.getInt("result.uid")).isEqualTo(uid);
        assertThat(context.getInt("id")).isEqualTo(42);

        JsonPath partners = JsonPath.from(web("/web/dataset/call_kw/res.partner/search_read", "{\"model\": \"res.partner\", "
                + "\"method\": \"search_read\", \"args\": [[[\"is_company\", \"=\", true]], [\"name\"]], "
                + "\"kwargs\": {\"limit\": 2, \"context\": {\"lang\": \"en_US\", \"tz\": \"UTC\", \"uid\": " + uid + "}}}", sid));
        assertThat(partners.getList("result")).hasSizeBetween(1, 2);
    }
}

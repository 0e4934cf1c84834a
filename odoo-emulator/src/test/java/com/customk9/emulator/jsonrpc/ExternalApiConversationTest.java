package com.customk9.emulator.jsonrpc;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The conversation of Odoo 17's "External API" documentation, sent as raw JSON-RPC bodies the way
 * a third-party client sends them, and checked against the answers the documentation shows.
 */
@QuarkusTest
class ExternalApiConversationTest {

    private static JsonPath post(String body) {
        return given().contentType("application/json").body(body).post("/jsonrpc").then().statusCode(200)
                .extract().jsonPath();
    }

    private static String call(String service, String method, String args) {
        return "{\"jsonrpc\": \"2.0\", \"method\": \"call\", \"params\": {\"service\": \"" + service + "\", \"method\": \""
                + method + "\", \"args\": " + args + "}, \"id\": 7}";
    }

    @Test
    void documentedConversationGetsTheDocumentedAnswers() {
        String login = OdooTestClient.ADMIN_LOGIN;
        String password = OdooTestClient.ADMIN_PASSWORD;

        JsonPath version = post(call("common", "version", "[]"));
        assertThat(version.getString("result.server_version")).isEqualTo("17.0");
        assertThat(version.getInt("id")).isEqualTo(7);

        int uid = post(call("common", "authenticate", "[\"customk9\", \"" + login + "\", \"" + password + "\", {}]"))
                .getInt("result");
        assertThat(uid).isPositive();
        String prefix = "[\"customk9\", " + uid + ", \"" + password + "\", ";

        assertThat(post(call("object", "execute_kw", prefix
                + "\"res.partner\", \"check_access_rights\", [\"read\"], {\"raise_exception\": false}]")).getBoolean("result"))
                .isTrue();

        post(call("object", "execute_kw", prefix + "\"res.partner\", \"create\", [{\"name\": \"Doc Company\", \"is_company\": true}]]"));
        List<Integer> companies = post(call("object", "execute_kw", prefix
                + "\"res.partner\", \"search\", [[[\"is_company\", \"=\", true]]]]")).getList("result");
        assertThat(companies).isNotEmpty();

        List<Integer> page = post(call("object", "execute_kw", prefix
                + "\"res.partner\", \"search\", [[[\"is_company\", \"=\", true]]], {\"offset\": 0, \"limit\": 5}]")).getList("result");
        assertThat(page).hasSizeLessThanOrEqualTo(5).isSubsetOf(companies);

        int count = post(call("object", "execute_kw", prefix
                + "\"res.partner\", \"search_count\", [[[\"is_company\", \"=\", true]]]]")).getInt("result");
        assertThat(count).isEqualTo(companies.size());

        List<Map<String, Object>> records = post(call("object", "execute_kw", prefix + "\"res.partner\", \"read\", [["
                + companies.get(0) + "]], {\"fields\": [\"name\", \"country_id\", \"comment\"]}]")).getList("result");
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record).containsOnlyKeys("id", "name", "country_id", "comment");
            assertThat(record.get("country_id")).satisfiesAnyOf(
                    value -> assertThat(value).isEqualTo(false),
                    value -> assertThat((List<?>) value).hasSize(2).first().isInstanceOf(Integer.class));
        });

        Map<String, Map<String, Object>> fields = post(call("object", "execute_kw", prefix
                + "\"res.partner\", \"fields_get\", [], {\"attributes\": [\"string\", \"help\", \"type\"]}]")).getMap("result");
        assertThat(fields.get("name")).containsEntry("type", "char").containsKey("string");

        List<Map<String, Object>> searchRead = post(call("object", "execute_kw", prefix
                + "\"res.partner\", \"search_read\", [[[\"is_company\", \"=\", true]]], "
                + "{\"fields\": [\"name\", \"country_id\", \"comment\"], \"limit\": 5}]")).getList("result");
        assertThat(searchRead).hasSizeBetween(1, 5).allSatisfy(r -> assertThat(r).containsOnlyKeys("id", "name", "country_id", "comment"));

        int id = post(call("object", "execute_kw", prefix + "\"res.partner\", \"create\", [{\"name\": \"New Partner\"}]]"))
                .getInt("result");
        assertThat(id).isPositive();

        assertThat(post(call("object", "execute_kw", prefix + "\"res.partner\", \"write\", [[" + id
                + "], {\"name\": \"Newer partner\"}]]")).getBoolean("result")).isTrue();
        List<Map<String, Object>> renamed = post(call("object", "execute_kw", prefix + "\"res.partner\", \"read\", [[" + id
                + "], [\"display_name\"]]]")).getList("result");
        assertThat(renamed).singleElement().satisfies(r -> assertThat(r.get("display_name")).isEqualTo("Newer partner"));

        assertThat(post(call("object", "execute_kw", prefix + "\"res.partner\", \"unlink\", [[" + id + "]]]"))
                .getBoolean("result")).isTrue();
        assertThat(post(call("object", "execute_kw", prefix + "\"res.partner\", \"search\", [[[\"id\", \"=\", " + id + "]]]]"))
                .getList("result")).isEmpty();
    }
}

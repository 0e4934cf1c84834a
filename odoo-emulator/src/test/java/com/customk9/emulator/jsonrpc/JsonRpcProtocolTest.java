package com.customk9.emulator.jsonrpc;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

/** The JSON-RPC envelope as Odoo 17 reads it, and what it answers to what is not one. */
@QuarkusTest
class JsonRpcProtocolTest {

    @Test
    void answerEchoesTheCallersIdWhateverItsType() {
        given().contentType("application/json")
                .body("{\"jsonrpc\":\"2.0\",\"method\":\"call\",\"params\":{\"service\":\"common\",\"method\":\"version\",\"args\":[]},\"id\":\"abc-1\"}")
                .post("/jsonrpc").then().statusCode(200).body("id", equalTo("abc-1"));
        given().contentType("application/json")
                .body("{\"jsonrpc\":\"2.0\",\"method\":\"call\",\"params\":{\"service\":\"common\",\"method\":\"version\",\"args\":[]}}")
                .post("/jsonrpc").then().statusCode(200).body("$", hasKey("id")).body("id", nullValue());
    }

    @Test
    void unparsableBodyIsAPlain400AsInOdoo() {
        given().contentType("application/json").body("{not json").post("/jsonrpc").then()
                .statusCode(400).body(equalTo("Invalid JSON data"));
    }

    @Test
    void jsonThatIsNotAnObjectIsInvalidJsonRpcData() {
        given().contentType("application/json").body("[1,2,3]").post("/jsonrpc").then()
                .statusCode(400).body(equalTo("Invalid JSON-RPC data"));
    }

    @Test
    void nonJsonContentTypeIsRefusedBeforeDispatch() {
        given().contentType("text/plain").body("{}").post("/jsonrpc").then().statusCode(400);
    }

    @Test
    void paramsThatAreNotAnObjectIsAJsonRpcErrorWithTheId() {
        given().contentType("application/json").body("{\"jsonrpc\":\"2.0\",\"params\":[1],\"id\":5}").post("/jsonrpc").then()
                .statusCode(200).body("id", equalTo(5)).body("error.code", equalTo(200))
                .body("error.data.name", equalTo("builtins.TypeError"));
    }

    @Test
    void missingArgsIsATypeErrorNamingIt() {
        given().contentType("application/json")
                .body("{\"jsonrpc\":\"2.0\",\"params\":{\"service\":\"common\",\"method\":\"version\"},\"id\":1}")
                .post("/jsonrpc").then().statusCode(200)
                .body("error.data.name", equalTo("builtins.TypeError"))
                .body("error.data.message", equalTo("jsonrpc() missing 1 required positional argument: 'args'"));
    }

    @Test
    void errorCarriesEveryMemberOdooSends() {
        given().contentType("application/json")
                .body("{\"jsonrpc\":\"2.0\",\"params\":{\"service\":\"common\",\"method\":\"nope\",\"args\":[]},\"id\":1}")
                .post("/jsonrpc").then().statusCode(200)
                .body("jsonrpc", equalTo("2.0"))
                .body("error.code", equalTo(200))
                .body("error.message", equalTo("Odoo Server Error"))
                .body("error.data", hasKey("name"))
                .body("error.data", hasKey("debug"))
                .body("error.data", hasKey("message"))
                .body("error.data", hasKey("arguments"))
                .body("error.data.context", equalTo(java.util.Map.of()))
                .body("$", not(hasKey("result")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"params\":{\"service\":\"object\",\"method\":\"execute_kw\",\"args\":[\"customk9\",1e308,\"x\",\"res.partner\",\"search\",[[]]]}}",
        "{\"params\":{\"service\":\"object\",\"method\":\"execute_kw\",\"args\":[\"customk9\",99999999999999999999999,\"x\",\"res.partner\",\"search\",[[]]]}}",
        "{\"params\":{\"service\":\"object\",\"method\":\"execute_kw\",\"args\":[null,null,null,null,null,null,null]}}",
        "{\"params\":{\"service\":\"object\",\"method\":\"execute_kw\",\"args\":[\"customk9\",2,{\"a\":1},[],{},[],[]]}}",
        "{\"params\":{\"service\":\"object\",\"method\":\"execute_kw\",\"args\":\"customk9\"}}",
        "{\"params\":{\"service\":[],\"method\":{},\"args\":[]}}",
        "{\"params\":{\"service\":\"common\",\"method\":\"login\",\"args\":[\"customk9\",[\"admin\"],{\"p\":1}]}}",
        "{\"params\":{\"service\":\"common\",\"method\":\"authenticate\",\"args\":[\"customk9\",\"admin\",\"\\u0000\",null]}}",
        "{\"params\":{\"service\":\"db\",\"method\":\"db_exist\",\"args\":[[[[[]]]]]}}",
        "{\"params\":null}",
        "{\"params\":\"x\"}",
        "{}",
        "null",
        "\"string\"",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]",
    })
    void hostileInputNeverCausesA500(String body) {
        int status = given().contentType("application/json").body(body).post("/jsonrpc").then().extract().statusCode();
        org.assertj.core.api.Assertions.assertThat(status).isIn(200, 400);
    }

    @Test
    void deeplyNestedDomainIsAnErrorNotACrash() {
        StringBuilder nested = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            nested.append("[\"!\", ");
        }
        nested.append("[\"id\", \"=\", 1]");
        nested.append("]".repeat(150));
        long uid = OdooTestClient.integrationUid();
        given().contentType("application/json")
                .body("{\"params\":{\"service\":\"object\",\"method\":\"execute_kw\",\"args\":[\"customk9\"," + uid + ",\""
                        + OdooTestClient.integrationApiKey() + "\",\"res.partner\",\"search\",[" + nested + "]]}}")
                .post("/jsonrpc").then().statusCode(org.hamcrest.Matchers.oneOf(200, 400));
    }

    @Test
    void getIsNotServed() {
        given().get("/jsonrpc").then().statusCode(org.hamcrest.Matchers.oneOf(404, 405));
    }
}

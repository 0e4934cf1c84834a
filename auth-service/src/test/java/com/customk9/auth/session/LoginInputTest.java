package com.customk9.auth.session;

import static com.customk9.auth.support.Clients.ANNA;
import static com.customk9.auth.support.Clients.CLIENT_PASSWORD;
import static com.customk9.auth.support.Clients.freshAddress;
import static com.customk9.auth.support.Clients.from;
import static com.customk9.auth.support.Clients.login;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.eclipse.microprofile.config.ConfigProvider;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * What a hostile or broken client may send to {@code POST /api/auth/login}: each is a 4xx in the error
 * envelope, never a 500, never a session, and it leaves the account usable.
 */
@QuarkusTest
class LoginInputTest {

    @Test
    void aMissingOrEmptyBodyIsAValidationError() {
        from(freshAddress()).when().post("/api/auth/login")
                .then().statusCode(400).body("error.code", anyOf(equalTo("VALIDATION_ERROR"), equalTo("BAD_REQUEST")));
        from(freshAddress()).body("null").when().post("/api/auth/login")
                .then().statusCode(400).body("error.code", anyOf(equalTo("VALIDATION_ERROR"), equalTo("BAD_REQUEST")));
        from(freshAddress()).body("{}").when().post("/api/auth/login")
                .then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));
    }

    @Test
    void missingBlankOrOversizedFieldsAreValidationErrors() {
        for (String body : new String[] {
                "{\"email\":\"" + ANNA + "\"}",
                "{\"password\":\"" + CLIENT_PASSWORD + "\"}",
                "{\"email\":\"   \",\"password\":\"x\"}",
                "{\"email\":\"" + "a".repeat(300) + "@customk9.example\",\"password\":\"x\"}",
                "{\"email\":\"" + ANNA + "\",\"password\":\"" + "p".repeat(2000) + "\"}" }) {
            from(freshAddress()).body(body).when().post("/api/auth/login")
                    .then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));
        }
    }

    @Test
    void jsonOfTheWrongShapeIsMalformed() {
        for (String body : new String[] {
                "[\"" + ANNA + "\",\"" + CLIENT_PASSWORD + "\"]",
                "{\"email\":{\"$ne\":null},\"password\":{\"$ne\":null}}",
                "{\"email\":[\"" + ANNA + "\"],\"password\":\"" + CLIENT_PASSWORD + "\"}",
                "{\"email\":\"" + ANNA + "\",\"password\":",
                "not json at all" }) {
            from(freshAddress()).body(body).when().post("/api/auth/login")
                    .then().statusCode(400).body("error.code", anyOf(equalTo("MALFORMED_JSON"), equalTo("VALIDATION_ERROR")))
                    .body("error.message", not(containsString("Exception")));
        }
    }

    @Test
    void deeplyNestedJsonIsRefused() throws Exception {
        // Sent by the JDK's client: REST Assured would pretty-print the 5,000 levels in its failure report.
        for (String nested : new String[] {
                "[".repeat(5000) + "]".repeat(5000),
                "{\"email\":" + "[".repeat(5000) + "]".repeat(5000) + ",\"password\":\"x\"}" }) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class)
                            + "/api/auth/login"))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", freshAddress())
                    .POST(HttpRequest.BodyPublishers.ofString(nested)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(response.body()).containsAnyOf("\"code\":\"MALFORMED_JSON\"", "\"code\":\"VALIDATION_ERROR\"");
        }
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        byte[] body = "{\"email\":\"anna\u00e9@customk9.example\",\"password\":\"x\"}".getBytes(StandardCharsets.ISO_8859_1);
        from(freshAddress()).body(body).when().post("/api/auth/login")
                .then().statusCode(400)
                .body("error.code", anyOf(equalTo("MALFORMED_JSON"), equalTo("VALIDATION_ERROR")));
    }

    @Test
    void anotherMediaTypeIs415() {
        given().header("X-Forwarded-For", freshAddress()).contentType(ContentType.TEXT)
                .body("email=" + ANNA + "&password=" + CLIENT_PASSWORD)
                .when().post("/api/auth/login")
                .then().statusCode(415).body("error.code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void noneOfThatLocksOrBreaksTheAccount() {
        for (int i = 0; i < 3; i++) {
            from(freshAddress()).body("{\"email\":\"" + ANNA + "\"}").when().post("/api/auth/login").then().statusCode(400);
        }
        login(ANNA, CLIENT_PASSWORD).statusCode(200).body("user.email", equalTo(ANNA));
    }
}

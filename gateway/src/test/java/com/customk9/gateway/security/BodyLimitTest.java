package com.customk9.gateway.security;

import static com.customk9.gateway.support.Clients.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import com.customk9.gateway.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BodyLimitTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void refusesADeclaredBodyOverTheRoutesLimitWith413() {
        bearer(Tokens.forUser("u-big", "client")).contentType("application/json").body(new byte[2 * 1024 * 1024])
                .when().post("/api/dogs")
                .then().statusCode(413)
                .body("error.code", equalTo("PAYLOAD_TOO_LARGE"))
                .body("error.details.max_bytes", equalTo(1024 * 1024));
    }

    @Test
    void refusesAStreamedBodyOnceItGrowsOverTheLimit() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:18080/api/dogs"))
                .header("Authorization", "Bearer " + Tokens.forUser("u-big-stream", "client"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[3 * 1024 * 1024])))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("PAYLOAD_TOO_LARGE");
    }

    @Test
    void uploadRouteTakesLargerBodies() {
        bearer(Tokens.forUser("u-upload", "client")).contentType("application/octet-stream").body(new byte[5 * 1024 * 1024])
                .when().post("/api/files/upload")
                .then().statusCode(200).body("body_length", equalTo(5 * 1024 * 1024));
    }
}

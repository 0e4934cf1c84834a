package com.customk9.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.customk9.gateway.support.TestUpstreams;
import com.customk9.gateway.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

/**
 * Callers speaking HTTP/2 in clear text (prior knowledge): answered over HTTP/2, proxied to the upstream
 * over HTTP/1.1 with the same headers an HTTP/1.1 caller's request gets, and no HTTP/2 pseudo-header.
 */
@QuarkusTest
class Http2CallerTest {

    private Vertx vertx;
    private HttpClient client;

    @BeforeEach
    void connect() {
        vertx = Vertx.vertx();
        client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
                .setHttp2ClearTextUpgrade(false).setDefaultHost("127.0.0.1").setDefaultPort(RestAssured.port));
    }

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private record Answer(HttpVersion version, int status, String requestId, JsonObject body) {
    }

    private Answer send(HttpMethod method, String uri, String token, String body) throws Exception {
        return client.request(new RequestOptions().setMethod(method).setURI(uri)
                .putHeader("Authorization", "Bearer " + token).putHeader("X-Forwarded-For", "10.9.8.7"))
                .compose(request -> body == null ? request.send() : request.send(Buffer.buffer(body)))
                .compose(response -> response.body().map(content -> answer(response, content)))
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static Answer answer(HttpClientResponse response, Buffer content) {
        return new Answer(response.version(), response.statusCode(), response.getHeader("X-Request-Id"), content.toJsonObject());
    }

    @Test
    void aGetIsProxiedWithTheUsualHeadersAndNoPseudoHeader() throws Exception {
        Answer answer = send(HttpMethod.GET, "/api/dogs/7?sort=name", Tokens.forUser("u-h2", "client"), null);

        assertThat(answer.version()).isEqualTo(HttpVersion.HTTP_2);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().getString("path")).isEqualTo("/api/dogs/7");
        assertThat(answer.body().getString("query")).isEqualTo("sort=name");
        JsonObject headers = answer.body().getJsonObject("headers");
        assertThat(headers.getString("authorization")).startsWith("Bearer ");
        assertThat(headers.getString("x-request-id")).isEqualTo(answer.requestId());
        assertThat(headers.getString("x-forwarded-proto")).isEqualTo("http");
        assertThat(headers.getString("host")).isEqualTo("127.0.0.1:" + TestUpstreams.get().echoPort());
        assertThat(headers.fieldNames()).noneMatch(name -> name.startsWith(":"));
    }

    @Test
    void aBodyGoesUpWhole() throws Exception {
        String body = "{\"name\":\"Rex\"}".repeat(100);

        Answer answer = send(HttpMethod.POST, "/api/dogs", Tokens.forUser("u-h2-post", "client"), body);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().getString("method")).isEqualTo("POST");
        assertThat(answer.body().getLong("body_length")).isEqualTo(body.length());
        assertThat(answer.body().getString("body")).isEqualTo(body);
    }

    /** An HTTP/2 body need not declare its length: its frames end with the stream. */
    @Test
    void aBodyOfNoDeclaredLengthGoesUpWhole() throws Exception {
        String token = Tokens.forUser("u-h2-stream", "client");
        JsonObject echoed = client.request(new RequestOptions().setMethod(HttpMethod.POST).setURI("/api/dogs")
                .putHeader("Authorization", "Bearer " + token).putHeader("X-Forwarded-For", "10.9.8.6"))
                .compose(request -> {
                    request.setChunked(true);
                    request.write("first part, ");
                    request.write("second part");
                    return request.end().compose(ignored -> request.response());
                })
                .compose(response -> response.body())
                .map(Buffer::toJsonObject)
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(echoed.getString("body")).isEqualTo("first part, second part");
    }
}

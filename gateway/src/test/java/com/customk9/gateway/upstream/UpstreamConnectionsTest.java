package com.customk9.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.customk9.gateway.support.TestUpstreams;
import com.customk9.gateway.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;

/** The gateway's keep-alive connections to its upstreams ({@link UpstreamConnections}), seen from the upstream. */
@QuarkusTest
class UpstreamConnectionsTest {

    /** One keep-alive connection to the gateway: every request of a test is served by the same event loop. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String token = Tokens.forUser("u-connections", "client");

    /** The gateway's public server (on 127.0.0.1 only). */
    private static URI gateway(String path) {
        return URI.create("http://127.0.0.1:" + RestAssured.port + path);
    }

    @Test
    void requestsInTurnShareOneUpstreamConnection() throws Exception {
        Set<Integer> connections = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            JsonObject echoed = get("/api/dogs/" + i, 200);
            assertThat(echoed.getString("path")).isEqualTo("/api/dogs/" + i);
            assertThat(echoed.getJsonObject("headers").getString("host")).as("Host: the upstream's own authority")
                    .isEqualTo("127.0.0.1:" + TestUpstreams.get().echoPort());
            connections.add(echoed.getInteger("connection"));
        }
        assertThat(connections).as("upstream connections used by 12 requests in turn").hasSize(1);
    }

    @Test
    void aConnectionTheUpstreamClosesIsNotUsedAgain() throws Exception {
        int closed = get("/api/dogs?close=1", 200).getInteger("connection");
        for (int i = 0; i < 3; i++) {
            JsonObject echoed = get("/api/dogs/" + i, 200);
            assertThat(echoed.getInteger("connection")).as("after the upstream said Connection: close").isNotEqualTo(closed);
        }
    }

    @Test
    void anInformationalResponseIsSkippedForTheFinalOne() throws Exception {
        JsonObject echoed = get("/api/dogs/7?continue=1", 200);
        assertThat(echoed.getString("path")).isEqualTo("/api/dogs/7");
        // The connection serves the next request: the 100 was not taken for that one's answer.
        assertThat(get("/api/dogs/8", 200).getString("path")).isEqualTo("/api/dogs/8");
    }

    private JsonObject get(String path, int status) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway(path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(status);
        return new JsonObject(response.body());
    }
}

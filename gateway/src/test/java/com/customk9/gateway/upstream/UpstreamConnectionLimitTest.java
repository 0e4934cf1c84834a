package com.customk9.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.customk9.gateway.support.Tokens;

import io.netty.util.concurrent.EventExecutor;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * One connection per upstream and event loop ({@code max-connections=1}): callers beyond it wait for the
 * connection to be released instead of opening more, and all are answered.
 */
@QuarkusTest
@TestProfile(UpstreamConnectionLimitTest.OneConnection.class)
class UpstreamConnectionLimitTest {

    public static class OneConnection implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("customk9.gateway.upstreams.max-connections", "1");
        }
    }

    @Inject
    Vertx vertx;

    /** The gateway's public server (on 127.0.0.1 only). */
    private static URI gateway(String path) {
        return URI.create("http://127.0.0.1:" + RestAssured.port + path);
    }

    @Test
    void callersBeyondTheLimitWaitForAConnectionAndAreAllAnswered() {
        int eventLoops = 0;
        for (EventExecutor ignored : vertx.nettyEventLoopGroup()) {
            eventLoops++;
        }
        // Three callers per event loop (each on a connection of its own, spread over the loops in turn),
        // all at once, each answer 300 ms in coming: two of every three have to wait.
        int callers = 3 * eventLoops;
        String token = Tokens.forUser("u-connection-limit", "client");
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            HttpClient own = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            answers.add(own.sendAsync(HttpRequest.newBuilder(gateway("/api/dogs/" + i + "?delay=300"))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString()));
        }
        Set<Integer> connections = new HashSet<>();
        for (int i = 0; i < callers; i++) {
            HttpResponse<String> answer = answers.get(i).join();
            assertThat(answer.statusCode()).as("caller %d", i).isEqualTo(200);
            JsonObject echoed = new JsonObject(answer.body());
            assertThat(echoed.getString("path")).isEqualTo("/api/dogs/" + i);
            connections.add(echoed.getInteger("connection"));
        }
        assertThat(connections).as("upstream connections for %d callers at once", callers).hasSizeLessThanOrEqualTo(eventLoops);
    }
}

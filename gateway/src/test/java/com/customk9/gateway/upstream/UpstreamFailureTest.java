package com.customk9.gateway.upstream;

import static com.customk9.gateway.support.Clients.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.customk9.gateway.support.TestUpstreams;
import com.customk9.gateway.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

@QuarkusTest
class UpstreamFailureTest {

    private final String token = Tokens.forUser("u-upstreams", "client");

    @Test
    void unreachableUpstreamIs502InTheEnvelope() {
        bearer(token).when().get("/api/rentals")
                .then().statusCode(502).body("error.code", equalTo("BAD_GATEWAY"))
                .body("error.message", equalTo("The rental service cannot be reached"));
    }

    @Test
    void upstreamSlowerThanTheRoutesTimeoutIs504() {
        long started = System.nanoTime();
        bearer(token).when().get("/api/portal/dashboard?delay=3000")
                .then().statusCode(504).body("error.code", equalTo("GATEWAY_TIMEOUT"))
                .body("error.details.timeout_ms", equalTo(500));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
        bearer(token).when().get("/api/portal/dashboard?delay=100").then().statusCode(200);
    }

    @Test
    void breakerOpensAfterRepeatedFailuresAnswers503WithoutCallingAndClosesWhenTheUpstreamIsBack() {
        TestUpstreams upstreams = TestUpstreams.get();
        upstreams.stopFlaky();
        for (int i = 0; i < 3; i++) {
            bearer(token).when().get("/api/events").then().statusCode(502);
        }
        Response open = bearer(token).when().get("/api/events");
        open.then().statusCode(503).body("error.code", equalTo("SERVICE_UNAVAILABLE"));
        assertThat(open.header("Retry-After")).isNotNull();

        upstreams.startFlaky();
        int callsBefore = upstreams.flakyCalls();
        bearer(token).when().get("/api/events").then().statusCode(503);
        assertThat(upstreams.flakyCalls()).as("an open breaker does not call the upstream").isEqualTo(callsBefore);

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                bearer(token).when().get("/api/events").then().statusCode(200).body("flaky", equalTo("up")));
        bearer(token).when().get("/api/notifications").then().statusCode(200);
    }

    @Test
    void clientsGoingAwayBeforeTheAnswerDoNotOpenTheUpstreamsBreaker() throws Exception {
        // More abandoned calls than breaker-failures (3 in tests): the client's doing, not the upstream's.
        for (int i = 0; i < 6; i++) {
            try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
                OutputStream out = socket.getOutputStream();
                out.write(("GET /api/portal/dashboard?delay=300 HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(50);
            }
        }
        bearer(token).when().get("/api/portal/dashboard").then().statusCode(200);
    }
}

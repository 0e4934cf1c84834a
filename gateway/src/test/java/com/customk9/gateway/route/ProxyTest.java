package com.customk9.gateway.route;

import static com.customk9.gateway.support.Clients.anonymous;
import static com.customk9.gateway.support.Clients.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.customk9.gateway.support.TestUpstreams;
import com.customk9.gateway.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
class ProxyTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void forwardsMethodPathQueryAndBodyToTheRoutesUpstream() {
        JsonPath echoed = anonymous().contentType("application/json").body("{\"email\":\"a@b.c\",\"password\":\"x\"}")
                .urlEncodingEnabled(false)
                .when().post("/api/auth/login?next=%2Fhome&tag=a%20b")
                .then().statusCode(200).header("X-Upstream", "echo")
                .extract().jsonPath();
        assertThat(echoed.getString("method")).isEqualTo("POST");
        assertThat(echoed.getString("path")).isEqualTo("/api/auth/login");
        assertThat(echoed.getString("query")).isEqualTo("next=%2Fhome&tag=a%20b");
        assertThat(echoed.getString("body")).isEqualTo("{\"email\":\"a@b.c\",\"password\":\"x\"}");
        assertThat(echoed.getString("headers.content-type")).startsWith("application/json");
    }

    @Test
    void forwardsEveryMethodWithTheCallersAuthorizationUnchanged() {
        String token = Tokens.forUser("u-methods", "client");
        for (String method : List.of("GET", "PUT", "PATCH", "DELETE")) {
            JsonPath echoed = bearer(token).contentType("application/json").body(method.equals("GET") ? "" : "{\"name\":\"Rex\"}")
                    .when().request(method, "/api/dogs/5")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(echoed.getString("method")).isEqualTo(method);
            assertThat(echoed.getString("path")).isEqualTo("/api/dogs/5");
            assertThat(echoed.getString("headers.authorization")).isEqualTo("Bearer " + token);
        }
    }

    @Test
    void passesTheUpstreamsStatusAndBodyThrough() {
        anonymous().when().get("/api/blog/posts?status=418")
                .then().statusCode(418).header("X-Upstream", "echo").body("path", equalTo("/api/blog/posts"));
        anonymous().when().get("/api/blog/posts/404?status=404")
                .then().statusCode(404).body("method", equalTo("GET"));
        assertThat(anonymous().when().get("/api/blog/posts?status=200&reason=Fine").statusLine()).isEqualTo("HTTP/1.1 200 Fine");
        assertThat(anonymous().urlEncodingEnabled(false).when().get("/api/blog/posts?status=418&reason=I%27m%20a%20teapot").statusLine())
                .isEqualTo("HTTP/1.1 418 I'm a teapot");
        assertThat(anonymous().when().get("/api/blog/posts").statusLine()).isEqualTo("HTTP/1.1 200 OK");
    }

    @Test
    void keepsTheCallersRequestIdAndCreatesOneWhenMissing() {
        anonymous().header("X-Request-Id", "trace-abc.123").when().get("/api/blog/posts")
                .then().statusCode(200).header("X-Request-Id", "trace-abc.123")
                .body("headers.x-request-id", equalTo("trace-abc.123"));
        Response created = anonymous().when().get("/api/blog/posts");
        String id = created.header("X-Request-Id");
        assertThat(id).isNotBlank();
        assertThat(created.jsonPath().getString("headers.x-request-id")).isEqualTo(id);
    }

    @Test
    void setsForwardedHeadersFromTheConnectionNotFromTheCaller() {
        JsonPath echoed = anonymous().header("X-Forwarded-Host", "evil.example").header("Forwarded", "for=1.2.3.4")
                .when().get("/api/blog/posts").then().statusCode(200).extract().jsonPath();
        assertThat(echoed.getString("headers.x-forwarded-for")).startsWith("10.");
        assertThat(echoed.getString("headers.x-forwarded-proto")).isEqualTo("http");
        assertThat(echoed.getString("headers.x-forwarded-host")).endsWith(":18080").doesNotContain("evil");
        assertThat(echoed.getString("headers.forwarded")).isNull();
    }

    @Test
    void stripsHopByHopHeadersBothWays() {
        Response response = anonymous()
                .header("Connection", "X-Hop-Request")
                .header("X-Hop-Request", "private to the first hop")
                .header("Proxy-Authorization", "Basic c2VjcmV0")
                .header("Keep-Alive", "timeout=5")
                .header("X-Kept", "yes")
                .when().get("/api/blog/posts");
        response.then().statusCode(200)
                .body("headers.x-hop-request", nullValue())
                .body("headers.proxy-authorization", nullValue())
                .body("headers.keep-alive", nullValue())
                .body("headers.x-kept", equalTo("yes"));
        assertThat(response.header("X-Hop-Response")).isNull();
        assertThat(response.header("Keep-Alive")).isNull();
        assertThat(response.headers().getValues("Set-Cookie")).containsExactly("a=1", "b=2");
        assertThat(response.header("X-Frame-Options")).as("the gateway's security headers win").isEqualTo("DENY");
    }

    @Test
    void streamsLargeBodiesBothWays() throws Exception {
        String token = Tokens.forUser("u-streams", "client");
        byte[] upload = new byte[20 * 1024 * 1024];
        new Random(7).nextBytes(upload);
        // Unknown length: the body goes up chunked and is streamed, never held whole by the gateway.
        HttpResponse<String> uploaded = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:18080/api/files/upload"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(upload)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(uploaded.statusCode()).isEqualTo(200);
        JsonPath echoed = JsonPath.from(uploaded.body());
        assertThat(echoed.getLong("body_length")).isEqualTo(upload.length);
        assertThat(echoed.getString("body_sha256")).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(upload)));
        assertThat(echoed.getString("headers.transfer-encoding")).isEqualTo("chunked");

        long size = 64L * 1024 * 1024;
        HttpResponse<InputStream> download = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:18080/api/files/big?bytes=" + size))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(download.statusCode()).isEqualTo(200);
        long received = 0;
        try (InputStream body = download.body()) {
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = body.read(buffer)) != -1;) {
                received += read;
            }
        }
        assertThat(received).isEqualTo(size);
    }

    @Test
    void aClientLeavingADownloadCutsTheUpstreamsStreamAndTheGatewayServesOn() throws Exception {
        String token = Tokens.forUser("u-leaves", "client");
        int cutBefore = com.customk9.gateway.support.TestUpstreams.get().streamsCut();
        // Anything the relay lets escape to Vert.x (written to a response that has gone) is recorded.
        io.vertx.core.Vertx vertx = io.quarkus.arc.Arc.container().instance(io.vertx.core.Vertx.class).get();
        io.vertx.core.Handler<Throwable> previous = vertx.exceptionHandler();
        List<Throwable> uncaught = new java.util.concurrent.CopyOnWriteArrayList<>();
        vertx.exceptionHandler(error -> {
            uncaught.add(error);
            if (previous != null) {
                previous.handle(error);
            }
        });
        try {
            leaveDownloads(token, 5);
        } finally {
            vertx.exceptionHandler(previous);
        }
        // Each 1 GB stream stops at the upstream once its reader has gone, instead of running to its end.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(com.customk9.gateway.support.TestUpstreams.get().streamsCut() - cutBefore).isEqualTo(5));
        assertThat(uncaught).as("errors escaping the relay").isEmpty();
        HttpResponse<String> after = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:18080/api/files/small?bytes=10"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).hasSize(10);
    }

    private static void leaveDownloads(String token, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", 18080)) {
                socket.getOutputStream().write(("GET /api/files/big?bytes=" + (1L << 30) + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + token + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                InputStream in = socket.getInputStream();
                byte[] buffer = new byte[1 << 16];
                long read = 0;
                while (read < 4L << 20) {
                    int n = in.read(buffer);
                    assertThat(n).as("the download goes on until the client leaves").isPositive();
                    read += n;
                }
            }
        }
    }

    @Test
    void sendsAnAbsoluteFormRequestTargetUpAsPathAndQuery() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", 18080)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET http://127.0.0.1:18080/api/blog/posts?tag=a%20b HTTP/1.1\r\nHost: 127.0.0.1:18080\r\n"
                    + "Connection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 200");
            JsonPath echoed = new JsonPath(answer.substring(answer.indexOf("\r\n\r\n") + 4));
            assertThat(echoed.getString("path")).isEqualTo("/api/blog/posts");
            assertThat(echoed.getString("query")).isEqualTo("tag=a%20b");
            assertThat(echoed.getString("uri")).as("origin form upstream").isEqualTo("/api/blog/posts?tag=a%20b");
        }
    }

    @Test
    void resolvesDotSegmentsBeforeChoosingTheRoute() throws Exception {
        // A public prefix followed by "..": it must be judged (and forwarded) as the path it resolves to.
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:18080/api/auth/login/../../dogs/1"))
                .header("X-Forwarded-For", "10.9.9.9").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"code\":\"UNAUTHORIZED\"");
    }

    @Test
    void dropsEmptySegmentsAndDecodesUnreservedCharactersBeforeChoosingTheRoute() throws Exception {
        JsonPath echoed = anonymous().urlEncodingEnabled(false).when().get("/api//blog/%70osts?x=%2F")
                .then().statusCode(200).extract().jsonPath();
        assertThat(echoed.getString("path")).isEqualTo("/api/blog/posts");
        assertThat(echoed.getString("query")).as("the query goes up as sent").isEqualTo("x=%2F");
        assertThat(GatewayRouter.normalize("/api/dogs/1")).isEqualTo("/api/dogs/1");
        assertThat(GatewayRouter.normalize("/api/./dogs/../blog")).isEqualTo("/api/blog");
        assertThat(GatewayRouter.normalize("/api/a%2Fb")).as("an encoded slash stays encoded").isEqualTo("/api/a%2Fb");
    }

    @Test
    void aSmallBodyCutShortIsA502() throws Exception {
        // The upstream declares 2,000 bytes, sends 1,000 and hangs up. A body that small is gathered before
        // anything goes down, so the caller can still be told, instead of getting a 200 with half a body.
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:18080/api/blog/posts?truncate=1000"))
                .header("X-Forwarded-For", "10.9.9.8").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(new JsonPath(response.body()).getString("error.code")).isEqualTo("BAD_GATEWAY");
        assertThat(response.headers().firstValue("X-Upstream")).as("none of the upstream's headers came down").isEmpty();
        anonymous().when().get("/api/blog/posts").then().statusCode(200);
    }

    @Test
    void aStreamedBodyCutShortIsNeverPassedOffAsComplete() {
        // 40,000 bytes declared, 20,000 sent: streamed, its head already went down, so the caller's connection is cut.
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:18080/api/blog/posts?truncate=20000"))
                .header("X-Forwarded-For", "10.9.9.8").GET().build();
        assertThatThrownBy(() -> HTTP.send(request, HttpResponse.BodyHandlers.ofString())).isInstanceOf(java.io.IOException.class);
        anonymous().when().get("/api/blog/posts").then().statusCode(200);
    }

    @Test
    void relaysBodiesOfADeclaredLengthOnEitherSideOfTheOneWriteLimit() throws Exception {
        // Up to 16 KiB a declared-length body is relayed in one piece, above that it is streamed.
        for (int length : List.of(0, 41, 16 * 1024, 16 * 1024 + 1, 300_000)) {
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:18080/api/blog/posts?fixed=" + length))
                    .header("X-Forwarded-For", "10.9.9.7").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Length")).hasValue(Integer.toString(length));
            assertThat(response.headers().firstValue("Transfer-Encoding")).isEmpty();
            assertThat(response.body()).isEqualTo(TestUpstreams.fixedBody(length));
        }
    }

    @Test
    void aHeadRequestKeepsTheUpstreamsLength() throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:18080/api/blog/posts?fixed=1000"))
                .header("X-Forwarded-For", "10.9.9.6").method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).hasValue("1000");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void answersUnknownPathsWithTheNotFoundEnvelope() {
        anonymous().when().get("/api/no-such-thing")
                .then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        anonymous().when().get("/api/dogsled")
                .then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
    }

    @Test
    void timesRequestsPerRouteWithBoundedTags() {
        anonymous().when().get("/api/blog/posts/metrics-1").then().statusCode(200);
        anonymous().when().get("/api/blog/posts/metrics-2?status=418").then().statusCode(418);
        String metrics = RestAssured.given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .contains("gateway_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",route=\"blog-read\",status=\"200\"}")
                .contains("gateway_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\",route=\"blog-read\",status=\"418\"}")
                .as("no series per proxied URL").doesNotContain("/api/blog/posts/metrics-1");
    }
}

package com.customk9.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Requests refused before any route sees them (by the HTTP decoder: a request line or headers over the
 * server's limits, not HTTP at all; by the gateway: no or two Host headers, a Transfer-Encoding it cannot
 * frame, TRACE and CONNECT, a backslash in the path) are answered in the error envelope like every other
 * refusal, with the request id and the security headers, most of them closing the connection. Raw
 * sockets: no well-behaved client would send these.
 */
@QuarkusTest
class InvalidRequestTest {

    @Test
    void aRequestLineOverTheLimitIs414() throws IOException {
        String answer = exchange("GET /api/blog/posts?q=" + "a".repeat(5000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");

        assertRefused(answer, 414, "URI_TOO_LONG");
    }

    @Test
    void headersOverTheLimitAre431() throws IOException {
        String answer = exchange("GET /api/blog/posts HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "b".repeat(25_000) + "\r\n\r\n");

        assertRefused(answer, 431, "REQUEST_HEADER_FIELDS_TOO_LARGE");
    }

    @Test
    void aHeaderNameWithASpaceIs400() throws IOException {
        String answer = exchange("GET /api/blog/posts HTTP/1.1\r\nHost: localhost\r\nBad Name: x\r\n\r\n");

        assertRefused(answer, 400, "BAD_REQUEST");
    }

    @Test
    void somethingThatIsNotHttpIs400() throws IOException {
        String answer = exchange("HELLO THERE\r\n\r\n");

        assertRefused(answer, 400, "BAD_REQUEST");
    }

    @Test
    void anHttp11RequestWithoutHostIs400() throws IOException {
        assertRefused(exchange("GET /api/blog/posts HTTP/1.1\r\n\r\n"), 400, "BAD_REQUEST");
    }

    @Test
    void twoHostHeadersAre400() throws IOException {
        assertRefused(exchange("GET /api/blog/posts HTTP/1.1\r\nHost: localhost\r\nHost: elsewhere.example\r\n\r\n"), 400,
                "BAD_REQUEST");
    }

    @Test
    void anHttp10RequestMayGoWithoutHost() throws IOException {
        String answer = exchange("GET /api/blog/posts HTTP/1.0\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.0 200");
        assertThat(bodyOf(answer).getString("path")).isEqualTo("/api/blog/posts");
    }

    @Test
    void aTransferEncodingThatDoesNotEndInChunkedIs400AndWhatFollowsIsNotServed() throws IOException {
        // Its body's end cannot be known: the bytes after the head must not be taken for a request of their own.
        String answer = exchange("POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: gzip\r\n\r\n"
                + "GET /api/blog/posts HTTP/1.1\r\nHost: localhost\r\n\r\n");

        assertRefused(answer, 400, "BAD_REQUEST");
        assertThat(answer.split("HTTP/1\\.1 ", -1)).as("one answer only, then the connection closed: %s", answer).hasSize(2);
    }

    @Test
    void traceAndConnectAre405OnAnyPath() throws IOException {
        // TRACE to a public route that takes every method: no service gets to echo the request back.
        assertRefused(exchange("TRACE /api/auth/login HTTP/1.1\r\nHost: localhost\r\nCookie: session=secret\r\n\r\n"), 405,
                "METHOD_NOT_ALLOWED");
        assertRefused(exchange("CONNECT elsewhere.example:443 HTTP/1.1\r\nHost: elsewhere.example:443\r\n\r\n"), 405,
                "METHOD_NOT_ALLOWED");
    }

    @Test
    void aBackslashInThePathIs400() throws IOException {
        String answer = exchange("GET /api\\blog\\posts HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(bodyOf(answer).getString("error.code")).isEqualTo("BAD_REQUEST");
    }

    /** Sends the bytes and reads until the gateway closes the connection (a timeout fails the test). */
    private static String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", 18080)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertRefused(String answer, int status, String code) {
        assertThat(answer).matches("(?s)HTTP/1\\.[01] " + status + " .*");
        int blank = answer.indexOf("\r\n\r\n");
        assertThat(blank).as("a complete head in %s", answer).isPositive();
        String head = answer.substring(0, blank).toLowerCase();
        assertThat(head).contains("content-type: application/json", "x-request-id: ", "x-content-type-options: nosniff",
                "content-security-policy: ", "connection: close");
        JsonPath envelope = bodyOf(answer);
        assertThat(envelope.getString("error.code")).isEqualTo(code);
        assertThat(envelope.getString("error.message")).isNotBlank();
    }

    /** The JSON body of an answer read whole. */
    private static JsonPath bodyOf(String answer) {
        return new JsonPath(answer.substring(answer.indexOf("\r\n\r\n") + 4));
    }
}

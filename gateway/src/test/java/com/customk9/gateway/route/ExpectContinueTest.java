package com.customk9.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import com.customk9.gateway.support.Clients;
import com.customk9.gateway.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Callers that send {@code Expect: 100-continue} (curl for large bodies, many HTTP libraries on request)
 * hold their body back until told to send it, or until a timeout of their own (curl: 1 s). The gateway
 * answers {@code 100 Continue} once the request is admitted and its upstream reached, and refuses one it
 * will not take without waiting for the body. Raw sockets: the test decides when the body goes.
 */
@QuarkusTest
class ExpectContinueTest {

    private static final int TIMEOUT_MILLIS = 10_000;
    private static final byte[] BODY = "{\"email\":\"a@b.c\",\"password\":\"held back\"}".getBytes(StandardCharsets.US_ASCII);

    @Test
    void saysContinueOnceAdmittedThenForwardsTheBodyWithoutTheExpectation() throws IOException {
        try (Socket socket = connect()) {
            send(socket, head("HTTP/1.1", "/api/auth/login", BODY.length, "Expect: 100-continue"));

            assertThat(readHead(socket)).as("asked for the body before it was sent").startsWith("HTTP/1.1 100 Continue");
            socket.getOutputStream().write(BODY);
            String answer = readHead(socket);
            assertThat(answer).startsWith("HTTP/1.1 200");
            JsonPath echoed = new JsonPath(new String(readBody(socket, answer), StandardCharsets.UTF_8));
            assertThat(echoed.getInt("body_length")).isEqualTo(BODY.length);
            assertThat(echoed.getString("body")).isEqualTo(new String(BODY, StandardCharsets.US_ASCII));
            assertThat(echoed.getString("headers.expect")).as("answered by the gateway, not passed on").isNull();

            // The connection serves the next request.
            send(socket, head("HTTP/1.1", "/api/auth/login", BODY.length, null));
            socket.getOutputStream().write(BODY);
            assertThat(readHead(socket)).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void refusesAnUnauthenticatedCallerWithoutAskingForItsBody() throws IOException {
        try (Socket socket = connect()) {
            send(socket, head("HTTP/1.1", "/api/dogs", BODY.length, "Expect: 100-continue"));

            String answer = readHead(socket);
            assertThat(answer).as("the final answer, with no 100 Continue before it").startsWith("HTTP/1.1 401");
            assertThat(new String(readBody(socket, answer), StandardCharsets.UTF_8)).contains("\"code\":\"UNAUTHORIZED\"");
        }
    }

    @Test
    void refusesADeclaredBodyOverTheLimitAtOnceInsteadOfWaitingForIt() throws IOException {
        // 2 MB against the route's 1 MB: without an expectation the gateway would read and drop it first.
        String token = Tokens.forUser("u-expect-big", "client");
        try (Socket socket = connect()) {
            send(socket, head("HTTP/1.1", "/api/dogs", 2 * 1024 * 1024, "Expect: 100-continue\r\nAuthorization: Bearer " + token));

            String answer = readHead(socket);
            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(answer.toLowerCase()).contains("connection: close");
            assertThat(new String(readBody(socket, answer), StandardCharsets.UTF_8)).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
            assertThat(socket.getInputStream().read()).as("the gateway closed the connection, as it said").isEqualTo(-1);
        }
    }

    @Test
    void ignoresTheExpectationOfAnHttp10Request() throws IOException {
        try (Socket socket = connect()) {
            send(socket, head("HTTP/1.0", "/api/auth/login", BODY.length, "Expect: 100-continue"));
            socket.getOutputStream().write(BODY);

            String answer = readHead(socket);
            assertThat(answer).as("no 100 Continue to an HTTP/1.0 client").startsWith("HTTP/1.0 200");
            assertThat(new JsonPath(new String(readBody(socket, answer), StandardCharsets.UTF_8)).getInt("body_length"))
                    .isEqualTo(BODY.length);
        }
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", 18080);
        // A missing 100 Continue shows as a read that times out, failing the test.
        socket.setSoTimeout(TIMEOUT_MILLIS);
        return socket;
    }

    private static String head(String version, String path, long length, String extraHeaders) {
        return "POST " + path + " " + version + "\r\nHost: 127.0.0.1:18080\r\nX-Forwarded-For: " + Clients.randomIp()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + length + "\r\n"
                + (extraHeaders == null ? "" : extraHeaders + "\r\n") + "\r\n";
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /** A response's status line and headers, up to the blank line. */
    private static String readHead(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            assertThat(b).as("the connection closed before a response head; read: %s", head).isNotNegative();
            head.write(b);
            byte[] bytes = head.toByteArray();
            int n = bytes.length;
            if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
    }

    /** The body of a response whose head declared its length. */
    private static byte[] readBody(Socket socket, String head) throws IOException {
        int length = -1;
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        assertThat(length).as("a declared length in %s", head).isNotNegative();
        byte[] body = socket.getInputStream().readNBytes(length);
        assertThat(body).as("the whole body").hasSize(length);
        return Arrays.copyOf(body, length);
    }
}

package com.customk9.gateway.support;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.customk9.platform.testing.KafkaBrokers;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * The services behind the gateway in tests, in their own Vert.x instance: an echo server that
 * describes what reached it (method, path, query, headers, body length and SHA-256), a second one
 * for timeouts, the JWKS server, and a "flaky" server the breaker test starts and stops.
 * Query parameters steer the echo: {@code status=418}, {@code delay=2000} (ms), {@code bytes=N}
 * (a streamed body of N bytes instead of the description), {@code reason=...} (the status line's
 * reason phrase), {@code fixed=N} (N bytes with a
 * Content-Length), {@code truncate=N} (N bytes of the 2N it
 * declares, then the connection closes), {@code close=1} (answers {@code Connection: close} and closes),
 * {@code continue=1} (a {@code 100 Continue} before the answer). The description names the connection
 * it came on by the gateway's port ({@code connection}).
 */
public final class TestUpstreams {

    private static TestUpstreams instance;

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer echo;
    private final HttpServer slow;
    private final HttpServer jwks;
    private final int closedPort = KafkaBrokers.freePort();
    private final int flakyPort = KafkaBrokers.freePort();
    private HttpServer flaky;
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private final AtomicInteger flakyCalls = new AtomicInteger();
    private final AtomicInteger streamsCut = new AtomicInteger();

    private TestUpstreams() {
        echo = listen(this::echo, 0);
        slow = listen(this::echo, 0);
        jwks = listen(request -> {
            jwksFetches.incrementAndGet();
            request.response().putHeader("Content-Type", "application/json").end(Tokens.jwks());
        }, 0);
    }

    public static synchronized TestUpstreams get() {
        if (instance == null) {
            instance = new TestUpstreams();
        }
        return instance;
    }

    /** Streamed bodies ({@code ?bytes=N}) whose connection closed before their end. */
    public int streamsCut() {
        return streamsCut.get();
    }

    public int echoPort() {
        return echo.actualPort();
    }

    public int slowPort() {
        return slow.actualPort();
    }

    public int jwksPort() {
        return jwks.actualPort();
    }

    public int closedPort() {
        return closedPort;
    }

    public int flakyPort() {
        return flakyPort;
    }

    public int jwksFetches() {
        return jwksFetches.get();
    }

    public int flakyCalls() {
        return flakyCalls.get();
    }

    /** Starts the breaker test's upstream (answers 200) on its fixed port. */
    public synchronized void startFlaky() {
        if (flaky == null) {
            flaky = listen(request -> {
                flakyCalls.incrementAndGet();
                request.response().putHeader("Content-Type", "application/json").end("{\"flaky\":\"up\"}");
            }, flakyPort);
        }
    }

    public synchronized void stopFlaky() {
        if (flaky != null) {
            await(flaky.close());
            flaky = null;
        }
    }

    private HttpServer listen(io.vertx.core.Handler<HttpServerRequest> handler, int port) {
        return await(vertx.createHttpServer().requestHandler(handler).listen(port, "127.0.0.1"));
    }

    private void echo(HttpServerRequest request) {
        MessageDigest digest = sha256();
        long[] length = { 0 };
        Buffer start = Buffer.buffer();
        request.handler(chunk -> {
            length[0] += chunk.length();
            digest.update(chunk.getBytes());
            if (start.length() < 10_000) {
                start.appendBuffer(chunk);
            }
        });
        request.endHandler(ignored -> {
            if (request.getParam("continue") != null) {
                request.response().writeContinue();
            }
            long delay = longParam(request, "delay", 0);
            if (delay > 0) {
                vertx.setTimer(delay, t -> answer(request, length[0], digest, start));
            } else {
                answer(request, length[0], digest, start);
            }
        });
    }

    private void answer(HttpServerRequest request, long length, MessageDigest digest, Buffer start) {
        if (request.response().closed()) {
            return;
        }
        int status = (int) longParam(request, "status", 200);
        String reason = request.getParam("reason");
        if (reason != null) {
            request.response().setStatusMessage(reason);
        }
        request.response().setStatusCode(status)
                .putHeader("X-Upstream", "echo")
                .putHeader("Vary", "Accept")
                .putHeader("X-Frame-Options", "SAMEORIGIN")
                .putHeader("Keep-Alive", "timeout=5")
                .putHeader("X-Hop-Response", "must not leave the gateway")
                .putHeader("Connection", "keep-alive, X-Hop-Response")
                .putHeader("Set-Cookie", (Iterable<String>) java.util.List.of("a=1", "b=2"));
        if (request.getParam("close") != null) {
            request.response().putHeader("Connection", "close");
        }
        long fixed = longParam(request, "fixed", -1);
        if (fixed >= 0) {
            // Content-Length set explicitly: a HEAD answer carries it too, without the body.
            request.response().putHeader("Content-Type", "application/octet-stream").putHeader("Content-Length", Long.toString(fixed))
                    .end(Buffer.buffer(fixedBody((int) fixed)));
            return;
        }
        long truncated = longParam(request, "truncate", -1);
        if (truncated >= 0) {
            // Declares twice the bytes it sends, then drops the connection.
            request.response().putHeader("Content-Length", Long.toString(2 * truncated)).write(Buffer.buffer(new byte[(int) truncated]))
                    .onComplete(ignored -> request.connection().close());
            return;
        }
        long bytes = longParam(request, "bytes", -1);
        if (bytes >= 0) {
            streamBytes(request, bytes);
            return;
        }
        JsonObject headers = new JsonObject();
        request.headers().forEach(entry -> headers.put(entry.getKey().toLowerCase(), entry.getValue()));
        JsonObject description = new JsonObject()
                .put("method", request.method().name())
                .put("uri", request.uri())
                .put("path", request.path())
                .put("query", request.query())
                .put("headers", headers)
                .put("body_length", length)
                .put("body_sha256", HexFormat.of().formatHex(digest.digest()))
                .put("body", length <= 10_000 ? start.toString() : null)
                .put("connection", request.remoteAddress().port());
        request.response().putHeader("Content-Type", "application/json").end(description.encode());
    }

    /** The body of {@code ?fixed=N}: N bytes of a known pattern, sent with a Content-Length. */
    public static byte[] fixedBody(int length) {
        byte[] body = new byte[length];
        for (int i = 0; i < length; i++) {
            body[i] = (byte) (i * 31 + 7);
        }
        return body;
    }

    /** N bytes in 64 KB chunks, written as the client drains them. */
    private void streamBytes(HttpServerRequest request, long bytes) {
        var response = request.response().setChunked(true).putHeader("Content-Type", "application/octet-stream");
        Buffer chunk = Buffer.buffer(new byte[64 * 1024]);
        long[] left = { bytes };
        response.closeHandler(ignored -> {
            if (left[0] > 0) {
                streamsCut.incrementAndGet();
            }
        });
        Runnable[] pump = new Runnable[1];
        pump[0] = () -> {
            if (response.closed()) {
                return;
            }
            while (left[0] > 0 && !response.writeQueueFull()) {
                int size = (int) Math.min(chunk.length(), left[0]);
                response.write(size == chunk.length() ? chunk : chunk.slice(0, size));
                left[0] -= size;
            }
            if (left[0] == 0) {
                response.end();
            } else {
                response.drainHandler(ignored -> pump[0].run());
            }
        };
        pump[0].run();
    }

    private static long longParam(HttpServerRequest request, String name, long fallback) {
        String value = request.getParam(name);
        return value == null ? fallback : Long.parseLong(value);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

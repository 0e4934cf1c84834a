package com.customk9.gateway.route;

import java.util.function.IntConsumer;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;

/**
 * One request to the gateway's public server ({@link GatewayServer}): the caller's request and response,
 * its request id, the caller's address, and the two moments others wait for: the response ended, or the
 * caller gone before that. Vert.x keeps a single end handler and a single close handler per response;
 * this holds them and tells whoever registered (the metrics, the proxy).
 */
public final class Call {

    private static final Runnable NOTHING = () -> {
    };

    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private final String requestId;
    private final ClientAddress.Resolved client;
    private Runnable callerGone = NOTHING;
    private IntConsumer done;
    private boolean finished;

    Call(HttpServerRequest request, String requestId, ClientAddress.Resolved client) {
        this.request = request;
        this.response = request.response();
        this.requestId = requestId;
        this.client = client;
        response.endHandler(ignored -> finish(response.getStatusCode()));
        response.closeHandler(ignored -> {
            // Also called when a finished exchange's connection closes later: nothing to do then.
            if (!response.ended()) {
                callerGone.run();
                finish(0);
            }
        });
    }

    public HttpServerRequest request() {
        return request;
    }

    public HttpServerResponse response() {
        return response;
    }

    public String requestId() {
        return requestId;
    }

    /** The caller's IP: the peer's, or the one a trusted proxy forwarded. */
    public String clientIp() {
        return client.ip();
    }

    /** {@code http} or {@code https}, as the caller used it (a trusted proxy may say so). */
    public String scheme() {
        return client.scheme();
    }

    /**
     * The caller holds its body back until told to send it ({@code Expect: 100-continue}, RFC 9110 10.1.1):
     * the gateway answers {@code 100 Continue} once the request is admitted and its upstream reached, or
     * refuses it without reading the body. An HTTP/1.0 request's expectation is ignored, as the RFC says.
     */
    public boolean expectsContinue() {
        if (request.version() == HttpVersion.HTTP_1_0) {
            return false;
        }
        String expect = request.getHeader(HttpHeaders.EXPECT);
        return expect != null && expect.trim().equalsIgnoreCase("100-continue");
    }

    /** What to do when the caller goes away before the response ended; replaces the previous one. */
    public void onCallerGone(Runnable action) {
        this.callerGone = action;
    }

    /** Told once: the response's status when it ended, or 0 when the caller went away first. */
    void whenDone(IntConsumer action) {
        this.done = action;
    }

    private void finish(int status) {
        if (finished) {
            return;
        }
        finished = true;
        if (done != null) {
            done.accept(status);
        }
    }
}

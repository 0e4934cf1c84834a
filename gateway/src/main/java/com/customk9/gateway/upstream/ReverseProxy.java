package com.customk9.gateway.upstream;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.customk9.gateway.route.ErrorReplies;
import com.customk9.gateway.route.GatewayConfig;
import com.customk9.gateway.route.Route;
import com.customk9.platform.error.ErrorCode;
import com.customk9.platform.request.RequestIds;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;

/**
 * Forwards a request to its route's upstream and streams both bodies with back-pressure (a slow
 * reader on either side pauses the other). The path goes up as the gateway matched it (dot
 * segments resolved), with the query unchanged; the caller's headers go up except hop-by-hop ones,
 * with {@code X-Request-Id} and {@code X-Forwarded-For/Proto/Host} set by the gateway;
 * {@code Authorization} goes up unchanged, the services verify the token again.
 * <p>
 * Failures, in the error envelope: upstream unreachable 502, no response headers within the
 * route's timeout 504, breaker open 503, a streamed body over the route's limit 413. Once the
 * upstream's status line has been relayed, a failure can only cut the connection.
 */
@ApplicationScoped
public class ReverseProxy {

    private static final Logger LOG = Logger.getLogger(ReverseProxy.class);

    private final Vertx vertx;
    private final HttpClient client;
    private final UpstreamBreakers breakers;
    private final ErrorReplies replies;

    public ReverseProxy(Vertx vertx, UpstreamBreakers breakers, ErrorReplies replies, GatewayConfig config) {
        this.vertx = vertx;
        this.breakers = breakers;
        this.replies = replies;
        GatewayConfig.Upstreams upstreams = config.upstreams();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setKeepAlive(true)
                .setTcpNoDelay(true)
                .setDecompressionSupported(false)
                .setConnectTimeout((int) upstreams.connectTimeout().toMillis())
                .setIdleTimeout((int) upstreams.idleTimeout().toMillis())
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS),
                new PoolOptions().setHttp1MaxSize(upstreams.maxConnections()));
    }

    /** The result of one call as the breaker sees it: only the upstream's own failures count against it. */
    private sealed interface Outcome {
    }

    private record Answered(HttpClientResponse response) implements Outcome {
    }

    /** The call was abandoned for the client's reasons (body too large, client gone): not the upstream's fault. */
    private record Abandoned(ErrorCode code, String message, Map<String, ?> details) implements Outcome {
    }

    private static final class UpstreamFailure extends RuntimeException {
        final ErrorCode code;
        final HttpClientResponse response;

        UpstreamFailure(ErrorCode code, String message, HttpClientResponse response, Throwable cause) {
            super(message, cause, false, false);
            this.code = code;
            this.response = response;
        }
    }

    public void forward(RoutingContext context, Route route, String path) {
        CircuitBreaker breaker = breakers.of(route.upstream());
        breaker.<Outcome> execute(promise -> call(context, route, path, promise)).onComplete(done -> {
            if (done.succeeded()) {
                if (done.result() instanceof Answered answered) {
                    relay(context, answered.response());
                } else if (done.result() instanceof Abandoned abandoned) {
                    replies.reply(context, abandoned.code(), abandoned.message(), abandoned.details());
                }
                return;
            }
            Throwable failure = done.cause();
            String service = route.name();
            if (failure instanceof UpstreamFailure upstream && upstream.response != null) {
                relay(context, upstream.response);
            } else if (failure instanceof UpstreamFailure upstream && upstream.code == ErrorCode.GATEWAY_TIMEOUT) {
                replies.reply(context, ErrorCode.GATEWAY_TIMEOUT, "The " + service + " service did not answer in time",
                        Map.of("timeout_ms", route.timeout().toMillis()));
            } else if (failure instanceof OpenCircuitException) {
                context.response().putHeader("Retry-After", "10");
                replies.reply(context, ErrorCode.SERVICE_UNAVAILABLE,
                        "The " + service + " service is temporarily unavailable, try again shortly");
            } else {
                LOG.warnf("Upstream %s for %s %s failed: %s", route.upstream(), context.request().method(), path,
                        failure.getCause() != null ? failure.getCause().toString() : failure.toString());
                replies.reply(context, ErrorCode.BAD_GATEWAY, "The " + service + " service cannot be reached");
            }
        });
    }

    private void call(RoutingContext context, Route route, String path, Promise<Outcome> promise) {
        HttpServerRequest in = context.request();
        HttpServerResponse out = context.response();
        URI upstream = route.upstream();
        boolean https = "https".equals(upstream.getScheme());

        RequestOptions options = new RequestOptions()
                .setMethod(in.method())
                .setHost(upstream.getHost())
                .setPort(upstream.getPort() != -1 ? upstream.getPort() : https ? 443 : 80)
                .setSsl(https)
                .setURI(in.query() == null ? path : path + "?" + in.query());
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        ForwardedHeaders.copyRequestHeaders(in.headers(), headers);
        options.setHeaders(headers);
        options.putHeader(RequestIds.HEADER, String.valueOf(context.<String> get(RequestIds.MDC_KEY)))
                .putHeader("X-Forwarded-For", in.remoteAddress() == null ? "unknown" : in.remoteAddress().host())
                .putHeader("X-Forwarded-Proto", in.scheme() == null ? "http" : in.scheme());
        String host = in.getHeader(HttpHeaders.HOST);
        if (host != null) {
            options.putHeader("X-Forwarded-Host", host);
        }

        HttpClientRequest[] sent = new HttpClientRequest[1];
        long timer = vertx.setTimer(route.timeout().toMillis(), ignored -> {
            if (promise.tryFail(new UpstreamFailure(ErrorCode.GATEWAY_TIMEOUT, "timeout", null, null)) && sent[0] != null) {
                sent[0].reset();
            }
        });
        out.closeHandler(ignored -> {
            // Also called once a finished exchange's stream or connection closes (always, with HTTP/2):
            // by then the upstream connection may serve another request and must not be touched.
            if (out.ended()) {
                return;
            }
            vertx.cancelTimer(timer);
            if (sent[0] != null) {
                sent[0].reset();
            }
            promise.tryComplete(new Abandoned(ErrorCode.BAD_REQUEST, "client went away", Map.of()));
        });

        client.request(options).onComplete(connected -> {
            if (connected.failed()) {
                vertx.cancelTimer(timer);
                promise.tryFail(new UpstreamFailure(ErrorCode.BAD_GATEWAY, "unreachable", null, connected.cause()));
                return;
            }
            HttpClientRequest request = connected.result();
            sent[0] = request;
            request.exceptionHandler(error -> LOG.debugf("Upstream request to %s: %s", upstream, error.toString()));
            if (promise.future().isComplete()) {
                request.reset();
                return;
            }
            request.response().onComplete(answered -> {
                vertx.cancelTimer(timer);
                if (answered.failed()) {
                    promise.tryFail(new UpstreamFailure(ErrorCode.BAD_GATEWAY, "failed", null, answered.cause()));
                    return;
                }
                HttpClientResponse response = answered.result();
                response.pause();
                int status = response.statusCode();
                boolean failed = status == 502 || status == 503 || status == 504
                        ? !promise.tryFail(new UpstreamFailure(ErrorCode.BAD_GATEWAY, "HTTP " + status, response, null))
                        : !promise.tryComplete(new Answered(response));
                if (failed) {
                    // Too late (timed out, client gone): nobody reads this response.
                    request.reset();
                }
            });
            streamBody(in, request, route, promise);
        });
    }

    private static void streamBody(HttpServerRequest in, HttpClientRequest request, Route route, Promise<Outcome> promise) {
        String contentLength = in.getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean chunked = in.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        if (!chunked && (contentLength == null || "0".equals(contentLength.trim()))) {
            if (in.method() == HttpMethod.POST || in.method() == HttpMethod.PUT || in.method() == HttpMethod.PATCH) {
                request.putHeader(HttpHeaders.CONTENT_LENGTH, "0");
            }
            request.end();
            return;
        }
        if (chunked) {
            request.setChunked(true);
        } else {
            request.putHeader(HttpHeaders.CONTENT_LENGTH, contentLength.trim());
        }
        long max = route.maxBodySize();
        long[] received = { 0 };
        in.handler(chunk -> {
            if (promise.future().isComplete() && !(promise.future().result() instanceof Answered)) {
                return;
            }
            received[0] += chunk.length();
            if (received[0] > max) {
                in.pause();
                in.response().putHeader(HttpHeaders.CONNECTION, "close");
                // Decided before the reset, whose failure of the upstream call would otherwise win.
                promise.tryComplete(new Abandoned(ErrorCode.PAYLOAD_TOO_LARGE,
                        "The request body is larger than the " + max + " bytes this endpoint accepts", Map.of("max_bytes", max)));
                request.reset();
                return;
            }
            request.write(chunk);
            if (request.writeQueueFull()) {
                in.pause();
                request.drainHandler(ignored -> in.resume());
            }
        });
        in.endHandler(ignored -> {
            if (received[0] <= max) {
                request.end();
            }
        });
        in.exceptionHandler(error -> request.reset());
        in.resume();
    }

    private static void relay(RoutingContext context, HttpClientResponse response) {
        HttpServerResponse out = context.response();
        if (out.ended() || out.closed()) {
            response.request().reset();
            return;
        }
        out.setStatusCode(response.statusCode());
        if (response.statusMessage() != null) {
            out.setStatusMessage(response.statusMessage());
        }
        ForwardedHeaders.copyResponseHeaders(response.headers(), out.headers());
        String length = response.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            out.putHeader(HttpHeaders.CONTENT_LENGTH, length);
        } else if (response.statusCode() != 204 && response.statusCode() != 304
                && context.request().method() != HttpMethod.HEAD) {
            out.setChunked(true);
        }
        response.pipeTo(out).onFailure(error -> {
            LOG.debugf("Relaying the upstream response failed: %s", error.toString());
            if (!out.closed()) {
                out.reset();
            }
        });
    }

    @PreDestroy
    void close() {
        client.close();
    }
}

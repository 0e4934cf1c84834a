package com.customk9.gateway.upstream;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.customk9.gateway.route.Deadlines;
import com.customk9.gateway.route.ErrorReplies;
import com.customk9.gateway.route.GatewayConfig;
import com.customk9.gateway.route.Route;
import com.customk9.platform.error.ErrorCode;
import com.customk9.platform.request.RequestIds;

import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
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
@Singleton
public class ReverseProxy {

    private static final Logger LOG = Logger.getLogger(ReverseProxy.class);
    private static final CharSequence X_FORWARDED_FOR = HttpHeaders.createOptimized("X-Forwarded-For");
    private static final CharSequence X_FORWARDED_PROTO = HttpHeaders.createOptimized("X-Forwarded-Proto");
    private static final CharSequence X_FORWARDED_HOST = HttpHeaders.createOptimized("X-Forwarded-Host");
    private static final CharSequence X_REQUEST_ID = HttpHeaders.createOptimized(RequestIds.HEADER);
    private static final CharSequence HTTP = HttpHeaders.createOptimized("http");

    private final Vertx vertx;
    private final HttpClientOptions clientOptions;
    private final PoolOptions poolOptions;
    /** One client (and connection pool) per event loop, see {@link #client()}. */
    private final ConcurrentMap<Thread, HttpClient> clients = new ConcurrentHashMap<>();
    /** For the rare call from outside an event loop (a worker thread). */
    private final HttpClient sharedClient;
    private final UpstreamBreakers breakers;
    private final ErrorReplies replies;
    private final Deadlines deadlines;

    public ReverseProxy(Vertx vertx, UpstreamBreakers breakers, ErrorReplies replies, Deadlines deadlines, GatewayConfig config) {
        this.vertx = vertx;
        this.deadlines = deadlines;
        this.breakers = breakers;
        this.replies = replies;
        GatewayConfig.Upstreams upstreams = config.upstreams();
        this.clientOptions = new HttpClientOptions()
                .setKeepAlive(true)
                .setTcpNoDelay(true)
                .setDecompressionSupported(false)
                .setConnectTimeout((int) upstreams.connectTimeout().toMillis())
                .setIdleTimeout((int) upstreams.idleTimeout().toMillis())
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
        int eventLoops = 0;
        for (EventExecutor ignored : vertx.nettyEventLoopGroup()) {
            eventLoops++;
        }
        // max-connections is per upstream: shared out between the event loops' pools.
        int perLoop = Math.max(1, (upstreams.maxConnections() + Math.max(1, eventLoops) - 1) / Math.max(1, eventLoops));
        this.poolOptions = new PoolOptions().setHttp1MaxSize(perLoop);
        this.sharedClient = vertx.createHttpClient(clientOptions, poolOptions);
    }

    /**
     * The calling event loop's own client. A client's pool hands any idle connection to any caller,
     * and a connection lives on the event loop that opened it: with one client shared by every
     * event loop, most requests would be written and answered on another thread than the one
     * serving the caller, two thread hops (task queue and wake-up) per request. A client per event
     * loop opens its connections from, and only ever serves, that loop.
     */
    private HttpClient client() {
        Context context = Vertx.currentContext();
        if (context == null || !context.isEventLoopContext() || !Context.isOnEventLoopThread()) {
            return sharedClient;
        }
        Thread thread = Thread.currentThread();
        HttpClient client = clients.get(thread);
        return client != null ? client : clients.computeIfAbsent(thread, ignored -> vertx.createHttpClient(clientOptions, poolOptions));
    }

    public void forward(RoutingContext context, Route route, String path) {
        UpstreamBreakers.Breaker breaker = breakers.of(route.upstream());
        if (!breaker.tryAcquire()) {
            context.response().putHeader("Retry-After", "10");
            replies.reply(context, ErrorCode.SERVICE_UNAVAILABLE,
                    "The " + route.name() + " service is temporarily unavailable, try again shortly");
            return;
        }
        new Exchange(context, route, path, breaker).start();
    }

    /**
     * One proxied request. Every callback of an exchange runs on the event loop serving the caller
     * (the upstream connection comes from that loop's pool, timers and the caller's connection are
     * on it too), so its state needs no synchronization. The first of these decides the outcome:
     * the upstream's response head (relayed at once, counted by the breaker as a success, or as a
     * failure for 502/503/504), a failure to reach it (502, a failure), the timeout (504, a
     * failure), the caller going away or its body over the limit (413; neither counts).
     */
    private final class Exchange {

        private static final int PENDING = 0;
        private static final int ANSWERED = 1;
        private static final int REFUSED = 2;

        private final RoutingContext context;
        private final HttpServerRequest in;
        private final HttpServerResponse out;
        private final Route route;
        private final String path;
        private final UpstreamBreakers.Breaker breaker;
        private int outcome = PENDING;
        private Deadlines.Deadline timer;
        private HttpClientRequest request;
        private long received;

        Exchange(RoutingContext context, Route route, String path, UpstreamBreakers.Breaker breaker) {
            this.context = context;
            this.in = context.request();
            this.out = context.response();
            this.route = route;
            this.path = path;
            this.breaker = breaker;
        }

        void start() {
            URI upstream = route.upstream();
            boolean https = "https".equals(upstream.getScheme());
            String query = in.query();
            RequestOptions options = new RequestOptions()
                    .setMethod(in.method())
                    .setHost(upstream.getHost())
                    .setPort(upstream.getPort() != -1 ? upstream.getPort() : https ? 443 : 80)
                    .setSsl(https)
                    .setURI(query == null ? path : path + "?" + query);
            MultiMap headers = MultiMap.caseInsensitiveMultiMap();
            ForwardedHeaders.copyRequestHeaders(in.headers(), headers);
            headers.set(X_REQUEST_ID, String.valueOf(context.<String> get(RequestIds.MDC_KEY)))
                    .set(X_FORWARDED_FOR, in.remoteAddress() == null ? "unknown" : in.remoteAddress().host())
                    .set(X_FORWARDED_PROTO, in.scheme() == null || "http".equals(in.scheme()) ? HTTP : in.scheme());
            String host = in.getHeader(HttpHeaders.HOST);
            if (host != null) {
                headers.set(X_FORWARDED_HOST, host);
            }
            options.setHeaders(headers);

            timer = deadlines.schedule(route.timeout().toMillis(), this::timedOut);
            out.closeHandler(ignored -> callerClosed());
            client().request(options).onComplete(connected -> {
                if (connected.failed()) {
                    unreachable(connected.cause());
                } else {
                    send(connected.result());
                }
            });
        }

        private void send(HttpClientRequest sent) {
            request = sent;
            sent.exceptionHandler(error -> LOG.debugf("Upstream request to %s: %s", route.upstream(), error.toString()));
            if (outcome != PENDING) {
                sent.reset();
                return;
            }
            sent.response().onComplete(answered -> {
                if (answered.failed()) {
                    unreachable(answered.cause());
                } else {
                    answered(answered.result());
                }
            });
            streamBody();
        }

        private void answered(HttpClientResponse response) {
            timer.cancel();
            if (outcome != PENDING) {
                // Too late (timed out, caller gone, body too large): nobody reads this response.
                request.reset();
                return;
            }
            outcome = ANSWERED;
            int status = response.statusCode();
            if (status == 502 || status == 503 || status == 504) {
                breaker.failed();
            } else {
                breaker.succeeded();
            }
            relay(context, response);
        }

        /** Unreachable, or the connection failed before the response head. */
        private void unreachable(Throwable cause) {
            timer.cancel();
            if (outcome != PENDING) {
                return;
            }
            outcome = REFUSED;
            breaker.failed();
            LOG.warnf("Upstream %s for %s %s failed: %s", route.upstream(), in.method(), path, String.valueOf(cause));
            replies.reply(context, ErrorCode.BAD_GATEWAY, "The " + route.name() + " service cannot be reached");
        }

        private void timedOut() {
            if (outcome != PENDING) {
                return;
            }
            outcome = REFUSED;
            breaker.failed();
            replies.reply(context, ErrorCode.GATEWAY_TIMEOUT, "The " + route.name() + " service did not answer in time",
                    Map.of("timeout_ms", route.timeout().toMillis()));
            if (request != null) {
                request.reset();
            }
        }

        private void callerClosed() {
            // Also called once a finished exchange's stream or connection closes (always, with HTTP/2):
            // by then the upstream connection may serve another request and must not be touched.
            if (out.ended()) {
                return;
            }
            timer.cancel();
            if (outcome != PENDING) {
                // Answered: the relay's own close handler (relayBody) cuts the upstream's body.
                return;
            }
            // Decided before the reset, whose failure of the upstream call must not count against the breaker.
            outcome = REFUSED;
            breaker.released();
            if (request != null) {
                request.reset();
            }
        }

        private void streamBody() {
            HttpClientRequest sent = request;
            String contentLength = in.getHeader(HttpHeaders.CONTENT_LENGTH);
            boolean chunked = in.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
            if (!chunked && (contentLength == null || "0".equals(contentLength.trim()))) {
                if (in.method() == HttpMethod.POST || in.method() == HttpMethod.PUT || in.method() == HttpMethod.PATCH) {
                    sent.putHeader(HttpHeaders.CONTENT_LENGTH, "0");
                }
                sent.end();
                return;
            }
            if (chunked) {
                sent.setChunked(true);
            } else {
                sent.putHeader(HttpHeaders.CONTENT_LENGTH, contentLength.trim());
            }
            long max = route.maxBodySize();
            in.handler(chunk -> {
                if (outcome == REFUSED) {
                    return;
                }
                received += chunk.length();
                if (received > max) {
                    in.pause();
                    out.putHeader(HttpHeaders.CONNECTION, "close");
                    if (outcome == PENDING) {
                        // Decided before the reset, whose failure of the upstream call would otherwise win.
                        outcome = REFUSED;
                        timer.cancel();
                        breaker.released();
                        replies.reply(context, ErrorCode.PAYLOAD_TOO_LARGE,
                                "The request body is larger than the " + max + " bytes this endpoint accepts",
                                Map.of("max_bytes", max));
                    }
                    sent.reset();
                    return;
                }
                sent.write(chunk);
                if (sent.writeQueueFull()) {
                    in.pause();
                    sent.drainHandler(ignored -> in.resume());
                }
            });
            in.endHandler(ignored -> {
                if (received <= max) {
                    sent.end();
                }
            });
            in.exceptionHandler(error -> sent.reset());
            in.resume();
        }
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
        relayBody(response, out);
    }

    /**
     * Streams the upstream's body to the caller with back-pressure (the upstream is paused while the
     * caller's write queue is full). Not {@code pipeTo}: when the caller goes away, Vert.x may mark its
     * response as written while a chunk of the upstream's is being delivered, and a pipe then asks the
     * finished response whether its queue is full, which throws out of the handler (an uncaught error, and
     * the upstream's stream was not cut). Here every chunk first checks that the caller can still take it;
     * when it cannot, the upstream's stream is cut, whichever side failed first.
     */
    private static void relayBody(HttpClientResponse response, HttpServerResponse out) {
        boolean[] cut = { false };
        Runnable cutUpstream = () -> {
            if (!cut[0]) {
                cut[0] = true;
                // The rest of the upstream's body has no reader.
                response.exceptionHandler(error -> LOG.debugf("Upstream response cut: %s", error.toString()));
                response.request().reset();
            }
        };
        out.closeHandler(ignored -> {
            if (!out.ended()) {
                cutUpstream.run();
            }
        });
        response.handler(chunk -> {
            if (cut[0]) {
                return;
            }
            if (out.ended() || out.closed()) {
                cutUpstream.run();
                return;
            }
            out.write(chunk);
            if (!out.ended() && !out.closed() && out.writeQueueFull()) {
                response.pause();
                out.drainHandler(ignored -> response.resume());
            }
        });
        response.exceptionHandler(error -> {
            LOG.debugf("Relaying the upstream response failed: %s", error.toString());
            if (!out.closed()) {
                out.reset();
            }
        });
        response.endHandler(ignored -> {
            if (!cut[0] && !out.ended() && !out.closed()) {
                out.end();
            }
        });
    }

    @PreDestroy
    void close() {
        clients.values().forEach(HttpClient::close);
        sharedClient.close();
    }
}

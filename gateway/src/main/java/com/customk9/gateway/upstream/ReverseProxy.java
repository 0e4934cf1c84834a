package com.customk9.gateway.upstream;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.customk9.gateway.route.Call;
import com.customk9.gateway.route.Deadlines;
import com.customk9.gateway.route.ErrorReplies;
import com.customk9.gateway.route.GatewayConfig;
import com.customk9.gateway.route.Route;
import com.customk9.platform.error.ErrorCode;
import com.customk9.platform.request.RequestIds;

import io.netty.handler.codec.http.HttpResponseStatus;
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
import io.vertx.core.net.SocketAddress;

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
 * <p>
 * The same relay hands everything that is not a proxied route (the webhook, health, metrics, the 404
 * envelope, CORS preflights) to the gateway's Quarkus server on its Unix socket ({@link #relayToQuarkus}):
 * there the response's headers all come down (CORS included), no breaker counts, and no limit but
 * Quarkus' own applies.
 */
@Singleton
public class ReverseProxy {

    private static final Logger LOG = Logger.getLogger(ReverseProxy.class);
    private static final CharSequence X_FORWARDED_FOR = HttpHeaders.createOptimized("X-Forwarded-For");
    private static final CharSequence X_FORWARDED_PROTO = HttpHeaders.createOptimized("X-Forwarded-Proto");
    private static final CharSequence X_FORWARDED_HOST = HttpHeaders.createOptimized("X-Forwarded-Host");
    private static final CharSequence X_REQUEST_ID = HttpHeaders.createOptimized(RequestIds.HEADER);
    private static final CharSequence HTTP = HttpHeaders.createOptimized("http");
    /** Responses declaring at most this many bytes are relayed in one piece ({@link #relayWhole}). */
    static final long WHOLE_BODY_LIMIT = 16 * 1024;

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
    private final SocketAddress quarkusServer;
    private final long quarkusTimeoutMillis;

    public ReverseProxy(Vertx vertx, UpstreamBreakers breakers, ErrorReplies replies, Deadlines deadlines, GatewayConfig config,
            @ConfigProperty(name = "quarkus.http.domain-socket") String quarkusSocket) {
        this.vertx = vertx;
        this.quarkusServer = SocketAddress.domainSocketAddress(quarkusSocket);
        this.quarkusTimeoutMillis = config.ownEndpointsTimeout().toMillis();
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

    /** Proxies the call to its route's upstream, the path as the gateway matched it. */
    public void forward(Call call, Route route, String path) {
        UpstreamBreakers.Breaker breaker = breakers.of(route.upstream());
        if (!breaker.tryAcquire()) {
            call.response().putHeader("Retry-After", "10");
            replies.reply(call.response(), ErrorCode.SERVICE_UNAVAILABLE,
                    "The " + route.name() + " service is temporarily unavailable, try again shortly");
            return;
        }
        URI upstream = route.upstream();
        boolean https = "https".equals(upstream.getScheme());
        RequestOptions options = new RequestOptions()
                .setHost(upstream.getHost())
                .setPort(upstream.getPort() != -1 ? upstream.getPort() : https ? 443 : 80)
                .setSsl(https);
        new Exchange(call, options, path, route.name() + " service", route.timeout().toMillis(), route.maxBodySize(), breaker)
                .start();
    }

    /** Hands the call, unchanged, to the gateway's own Quarkus server. */
    public void relayToQuarkus(Call call) {
        RequestOptions options = new RequestOptions().setServer(quarkusServer).setHost("localhost");
        new Exchange(call, options, call.request().path(), "gateway", quarkusTimeoutMillis, Long.MAX_VALUE, null).start();
    }

    /**
     * One proxied request. Every callback of an exchange runs on the event loop serving the caller
     * (the upstream connection comes from that loop's pool, timers and the caller's connection are
     * on it too), so its state needs no synchronization. The first of these decides the outcome:
     * the upstream's response head (relayed at once, counted by the breaker as a success, or as a
     * failure for 502/503/504), a failure to reach it (502, a failure), the timeout (504, a
     * failure), the caller going away or its body over the limit (413; neither counts). Without a
     * breaker (the gateway's own server) nothing is counted.
     */
    private final class Exchange {

        private static final int PENDING = 0;
        private static final int ANSWERED = 1;
        private static final int REFUSED = 2;

        private final Call call;
        private final HttpServerRequest in;
        private final HttpServerResponse out;
        private final RequestOptions options;
        private final String path;
        /** "the training service": for messages. */
        private final String upstreamName;
        private final long timeoutMillis;
        private final long maxBodySize;
        /** Null for the gateway's own server: no breaker, every response header comes down. */
        private final UpstreamBreakers.Breaker breaker;
        /** The caller's body, as declared before its headers were made the upstream's. */
        private String contentLength;
        private boolean chunked;
        private int outcome = PENDING;
        private Deadlines.Deadline timer;
        private HttpClientRequest request;
        private long received;

        Exchange(Call call, RequestOptions options, String path, String upstreamName, long timeoutMillis, long maxBodySize,
                UpstreamBreakers.Breaker breaker) {
            this.call = call;
            this.in = call.request();
            this.out = call.response();
            this.options = options;
            this.path = path;
            this.upstreamName = upstreamName;
            this.timeoutMillis = timeoutMillis;
            this.maxBodySize = maxBodySize;
            this.breaker = breaker;
        }

        void start() {
            options.setMethod(in.method()).setURI(upstreamUri());
            contentLength = in.getHeader(HttpHeaders.CONTENT_LENGTH);
            chunked = in.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
            String host = in.getHeader(HttpHeaders.HOST);
            // The caller's headers become the upstream's, less those that must not cross (no copy: nothing
            // reads them afterwards).
            MultiMap headers = in.headers();
            ForwardedHeaders.keepForUpstream(headers);
            headers.set(X_REQUEST_ID, call.requestId())
                    .set(X_FORWARDED_FOR, call.clientIp())
                    .set(X_FORWARDED_PROTO, "http".equals(call.scheme()) ? HTTP : call.scheme());
            if (host != null) {
                headers.set(X_FORWARDED_HOST, host);
            }
            options.setHeaders(headers);

            timer = deadlines.schedule(timeoutMillis, this::timedOut);
            call.onCallerGone(this::callerClosed);
            client().request(options).onComplete(connected -> {
                if (connected.failed()) {
                    unreachable(connected.cause());
                } else {
                    send(connected.result());
                }
            });
        }

        /**
         * The path as matched, with the caller's query. Usually the path is the caller's own (nothing to
         * normalize) and the request target goes up as it came, without taking the query apart and joining
         * it again.
         */
        private String upstreamUri() {
            String uri = in.uri();
            if (uri.startsWith("/") && path.equals(in.path())) {
                return uri;
            }
            String query = in.query();
            return query == null ? path : path + "?" + query;
        }

        private void send(HttpClientRequest sent) {
            request = sent;
            sent.exceptionHandler(error -> LOG.debugf("Upstream request to the %s: %s", upstreamName, error.toString()));
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
            if (breaker != null) {
                if (status == 502 || status == 503 || status == 504) {
                    breaker.failed();
                } else {
                    breaker.succeeded();
                }
            }
            relay(call, response, breaker == null);
        }

        /** Unreachable, or the connection failed before the response head. */
        private void unreachable(Throwable cause) {
            timer.cancel();
            if (outcome != PENDING) {
                return;
            }
            outcome = REFUSED;
            failed();
            Object address = options.getServer() != null ? options.getServer() : options.getHost() + ":" + options.getPort();
            LOG.warnf("Upstream %s for %s %s failed (request %s): %s", address, in.method(), path, call.requestId(),
                    String.valueOf(cause));
            replies.reply(out, ErrorCode.BAD_GATEWAY, "The " + upstreamName + " cannot be reached");
        }

        private void timedOut() {
            if (outcome != PENDING) {
                return;
            }
            outcome = REFUSED;
            failed();
            replies.reply(out, ErrorCode.GATEWAY_TIMEOUT, "The " + upstreamName + " did not answer in time",
                    Map.of("timeout_ms", timeoutMillis));
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
            released();
            if (request != null) {
                request.reset();
            }
        }

        private void streamBody() {
            HttpClientRequest sent = request;
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
            long max = maxBodySize;
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
                        released();
                        replies.reply(out, ErrorCode.PAYLOAD_TOO_LARGE,
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

        private void failed() {
            if (breaker != null) {
                breaker.failed();
            }
        }

        private void released() {
            if (breaker != null) {
                breaker.released();
            }
        }
    }

    private static void relay(Call call, HttpClientResponse response, boolean allHeaders) {
        HttpServerResponse out = call.response();
        if (out.ended() || out.closed()) {
            response.request().reset();
            return;
        }
        out.setStatusCode(response.statusCode());
        String reason = response.statusMessage();
        if (reason != null && !reason.equals(HttpResponseStatus.valueOf(response.statusCode()).reasonPhrase())) {
            // Only an unusual reason phrase is copied: the usual one goes out as Netty's pre-encoded status line.
            out.setStatusMessage(reason);
        }
        if (allHeaders) {
            ForwardedHeaders.copyOwnResponseHeaders(response.headers(), out.headers());
        } else {
            ForwardedHeaders.copyResponseHeaders(response.headers(), out.headers());
        }
        String length = response.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            out.putHeader(HttpHeaders.CONTENT_LENGTH, length);
            if (small(length)) {
                relayWhole(response, out);
                return;
            }
        } else if (response.statusCode() != 204 && response.statusCode() != 304
                && call.request().method() != HttpMethod.HEAD) {
            out.setChunked(true);
        }
        relayBody(call, response, out);
    }

    private static boolean small(String contentLength) {
        try {
            long declared = Long.parseLong(contentLength.trim());
            return declared >= 0 && declared <= WHOLE_BODY_LIMIT;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * A small body (up to {@link #WHOLE_BODY_LIMIT}, as its length says) is read whole and answered in one
     * write, head and body together, as nginx buffers a response: half the work of relaying it piece by piece.
     * A caller gone meanwhile gets nothing; an upstream failing mid-body cuts the caller's connection.
     */
    private static void relayWhole(HttpClientResponse response, HttpServerResponse out) {
        response.body().onComplete(body -> {
            if (out.ended() || out.closed()) {
                return;
            }
            if (body.succeeded()) {
                out.end(body.result());
            } else {
                LOG.debugf("Relaying the upstream response failed: %s", body.cause().toString());
                out.reset();
            }
        });
    }

    /**
     * Streams the upstream's body to the caller with back-pressure (the upstream is paused while the
     * caller's write queue is full). Not {@code pipeTo}: when the caller goes away, Vert.x may mark its
     * response as written while a chunk of the upstream's is being delivered, and a pipe then asks the
     * finished response whether its queue is full, which throws out of the handler (an uncaught error, and
     * the upstream's stream was not cut). Here every chunk first checks that the caller can still take it;
     * when it cannot, the upstream's stream is cut, whichever side failed first.
     */
    private static void relayBody(Call call, HttpClientResponse response, HttpServerResponse out) {
        boolean[] cut = { false };
        Runnable cutUpstream = () -> {
            if (!cut[0]) {
                cut[0] = true;
                // The rest of the upstream's body has no reader.
                response.exceptionHandler(error -> LOG.debugf("Upstream response cut: %s", error.toString()));
                response.request().reset();
            }
        };
        call.onCallerGone(cutUpstream);
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

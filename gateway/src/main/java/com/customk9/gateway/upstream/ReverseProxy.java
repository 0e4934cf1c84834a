package com.customk9.gateway.upstream;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

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

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.core.http.impl.headers.HeadersAdaptor;
import io.vertx.core.http.impl.headers.HeadersMultiMap;
import io.vertx.core.impl.ContextInternal;

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
 * <p>
 * Upstream connections are Netty's, pooled per event loop ({@link UpstreamConnections}): the caller's
 * request and response stay Vert.x's, the upstream's side is written and read with Netty's HTTP codec.
 */
@Singleton
public class ReverseProxy {

    private static final Logger LOG = Logger.getLogger(ReverseProxy.class);
    private static final CharSequence X_FORWARDED_FOR = HttpHeaders.createOptimized("X-Forwarded-For");
    private static final CharSequence X_FORWARDED_PROTO = HttpHeaders.createOptimized("X-Forwarded-Proto");
    private static final CharSequence X_FORWARDED_HOST = HttpHeaders.createOptimized("X-Forwarded-Host");
    private static final CharSequence X_REQUEST_ID = HttpHeaders.createOptimized(RequestIds.HEADER);
    private static final CharSequence HTTP = HttpHeaders.createOptimized("http");
    /** Responses declaring at most this many bytes are relayed in one piece (see {@link Exchange#relayHead}). */
    static final long WHOLE_BODY_LIMIT = 16 * 1024;

    private final UpstreamConnections connections;
    /** Each route's upstream as a connection address, made once. */
    private final ConcurrentMap<URI, UpstreamConnections.Address> addresses = new ConcurrentHashMap<>();
    private final UpstreamBreakers breakers;
    private final ErrorReplies replies;
    private final Deadlines deadlines;
    private final UpstreamConnections.Address quarkusServer;
    private final long quarkusTimeoutMillis;

    public ReverseProxy(Vertx vertx, UpstreamBreakers breakers, ErrorReplies replies, Deadlines deadlines, GatewayConfig config,
            @ConfigProperty(name = "quarkus.http.domain-socket") String quarkusSocket) {
        this.quarkusServer = UpstreamConnections.Address.unixSocket(quarkusSocket);
        this.quarkusTimeoutMillis = config.ownEndpointsTimeout().toMillis();
        this.deadlines = deadlines;
        this.breakers = breakers;
        this.replies = replies;
        GatewayConfig.Upstreams upstreams = config.upstreams();
        int eventLoops = 0;
        for (EventExecutor ignored : vertx.nettyEventLoopGroup()) {
            eventLoops++;
        }
        // max-connections is per upstream: shared out between the event loops' pools.
        int perLoop = Math.max(1, (upstreams.maxConnections() + Math.max(1, eventLoops) - 1) / Math.max(1, eventLoops));
        this.connections = new UpstreamConnections(vertx, perLoop, upstreams.idleTimeout().toMillis(),
                (int) upstreams.connectTimeout().toMillis(), upstreams.trustCertificates().map(Path::of).orElse(null));
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
        UpstreamConnections.Address address = addresses.computeIfAbsent(route.upstream(), upstream -> {
            boolean https = "https".equals(upstream.getScheme());
            return UpstreamConnections.Address.tcp(upstream.getHost(),
                    upstream.getPort() != -1 ? upstream.getPort() : https ? 443 : 80, https);
        });
        new Exchange(call, address, path, route.name() + " service", route.timeout().toMillis(), route.maxBodySize(), breaker)
                .start();
    }

    /** Hands the call, unchanged, to the gateway's own Quarkus server. */
    public void relayToQuarkus(Call call) {
        new Exchange(call, quarkusServer, call.request().path(), "gateway", quarkusTimeoutMillis, Long.MAX_VALUE, null).start();
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
    private final class Exchange implements UpstreamConnections.Listener {

        private static final int PENDING = 0;
        private static final int ANSWERED = 1;
        private static final int REFUSED = 2;

        private final Call call;
        private final HttpServerRequest in;
        private final HttpServerResponse out;
        private final UpstreamConnections.Address address;
        private final String path;
        /** "the training service": for messages. */
        private final String upstreamName;
        private final long timeoutMillis;
        private final long maxBodySize;
        /** Null for the gateway's own server: no breaker, every response header comes down. */
        private final UpstreamBreakers.Breaker breaker;
        private io.netty.handler.codec.http.HttpHeaders upstreamHeaders;
        /** The caller's body, as declared before its headers were made the upstream's. */
        private String contentLength;
        private boolean chunked;
        private int outcome = PENDING;
        private Deadlines.Deadline timer;
        private Future<Channel> connecting;
        /** The upstream connection while this exchange holds it. */
        private Channel channel;
        private long received;
        /** The request's head went up. */
        private boolean headSent;
        /** The whole request went up: the connection can serve another once the response is read. */
        private boolean requestSent;
        /** An informational (1xx) response is being skipped: the final one follows. */
        private boolean informational;
        private boolean keepAlive;
        /** A small response's body, gathered to go down in one write; null when streamed. */
        private ByteBuf whole;
        /** A small response's head, held until its body is whole: nothing went down yet while it is set. */
        private HttpResponse heldHead;

        Exchange(Call call, UpstreamConnections.Address address, String path, String upstreamName, long timeoutMillis,
                long maxBodySize, UpstreamBreakers.Breaker breaker) {
            this.call = call;
            this.in = call.request();
            this.out = call.response();
            this.address = address;
            this.path = path;
            this.upstreamName = upstreamName;
            this.timeoutMillis = timeoutMillis;
            this.maxBodySize = maxBodySize;
            this.breaker = breaker;
        }

        void start() {
            ContextInternal context = (ContextInternal) ((HttpServerRequestInternal) in).context();
            EventLoop loop = context.nettyEventLoop();
            if (!loop.inEventLoop()) {
                // Admitted on another thread (rare): the exchange runs where the caller's connection lives.
                context.runOnContext(ignored -> start());
                return;
            }
            contentLength = in.getHeader(HttpHeaders.CONTENT_LENGTH);
            chunked = in.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
            String host = in.getHeader(HttpHeaders.HOST);
            // The caller's headers, less those that must not cross, in a map that does not validate them again
            // (Vert.x did as they came in; what the gateway adds is its own or taken from them).
            HeadersMultiMap headers = HeadersMultiMap.headers();
            ForwardedHeaders.copyForUpstream(in.headers(), headers);
            headers.set(X_REQUEST_ID, call.requestId())
                    .set(X_FORWARDED_FOR, call.clientIp())
                    .set(X_FORWARDED_PROTO, "http".equals(call.scheme()) ? HTTP : call.scheme());
            if (host != null) {
                headers.set(X_FORWARDED_HOST, host);
            }
            upstreamHeaders = headers;
            upstreamHeaders.set(HttpHeaderNames.HOST, address.authority());

            timer = deadlines.schedule(timeoutMillis, this::timedOut);
            call.onCallerGone(this::callerClosed);
            connecting = connections.acquire(loop, address);
            if (connecting.isDone()) {
                connected(connecting);
            } else {
                connecting.addListener(this::connected);
            }
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

        private void connected(Future<? super Channel> acquired) {
            if (!acquired.isSuccess()) {
                if (!acquired.isCancelled()) {
                    unreachable(acquired.cause());
                }
                return;
            }
            Channel connection = (Channel) acquired.getNow();
            if (outcome != PENDING) {
                // Given up meanwhile (timed out, caller gone): nothing was written, another exchange can use it.
                connections.release(connection, true);
                return;
            }
            channel = connection;
            UpstreamConnections.bind(connection, this);
            send(connection);
        }

        private void send(Channel connection) {
            // Over HTTP/2 a body need not declare its length (its frames end with the stream): whether there is
            // one is known at its first frame or at the end of the stream.
            boolean lengthUnknown = !chunked && contentLength == null && in.version() == io.vertx.core.http.HttpVersion.HTTP_2;
            if (!lengthUnknown && !chunked && (contentLength == null || "0".equals(contentLength.trim()))) {
                sendWithoutBody(connection);
                return;
            }
            if (!lengthUnknown) {
                if (chunked) {
                    upstreamHeaders.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
                } else {
                    upstreamHeaders.set(HttpHeaderNames.CONTENT_LENGTH, contentLength.trim());
                }
                sendHead(connection);
            }
            long max = maxBodySize;
            in.handler(chunk -> {
                if (outcome == REFUSED || channel != connection) {
                    // Refused, or the upstream already answered in full: the rest of the body has no reader.
                    return;
                }
                received += chunk.length();
                if (received > max) {
                    in.pause();
                    if (outcome == PENDING) {
                        outcome = REFUSED;
                        timer.cancel();
                        released();
                        // The rest of the body is not read: the connection cannot serve another request.
                        replies.replyAndClose(in, ErrorCode.PAYLOAD_TOO_LARGE,
                                "The request body is larger than the " + max + " bytes this endpoint accepts",
                                Map.of("max_bytes", max));
                    }
                    cutUpstream();
                    return;
                }
                if (!headSent) {
                    // A body of no declared length (HTTP/2): it goes up chunked.
                    upstreamHeaders.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
                    sendHead(connection);
                }
                connection.writeAndFlush(new DefaultHttpContent(chunk.getByteBuf()), connection.voidPromise());
                if (!connection.isWritable()) {
                    // Resumed by writable() once the upstream has taken what is queued.
                    in.pause();
                }
            });
            in.endHandler(ignored -> {
                if (received <= max && channel == connection) {
                    if (!headSent) {
                        // The stream ended without a body.
                        sendWithoutBody(connection);
                        return;
                    }
                    requestSent = true;
                    connection.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT, connection.voidPromise());
                }
            });
            in.exceptionHandler(error -> cutUpstream());
            if (call.expectsContinue()) {
                // Admitted and its upstream reached: the caller may now send the body it holds back.
                out.writeContinue();
            }
            in.resume();
        }

        private void sendWithoutBody(Channel connection) {
            if (in.method() == HttpMethod.POST || in.method() == HttpMethod.PUT || in.method() == HttpMethod.PATCH) {
                upstreamHeaders.set(HttpHeaderNames.CONTENT_LENGTH, HttpHeaderValues.ZERO);
            }
            headSent = true;
            requestSent = true;
            connection.writeAndFlush(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, upstreamMethod(), upstreamUri(),
                    Unpooled.EMPTY_BUFFER, upstreamHeaders, EmptyHttpHeaders.INSTANCE), connection.voidPromise());
        }

        private void sendHead(Channel connection) {
            headSent = true;
            connection.writeAndFlush(new DefaultHttpRequest(HttpVersion.HTTP_1_1, upstreamMethod(), upstreamUri(), upstreamHeaders),
                    connection.voidPromise());
        }

        private io.netty.handler.codec.http.HttpMethod upstreamMethod() {
            return io.netty.handler.codec.http.HttpMethod.valueOf(in.method().name());
        }

        @Override
        public void writable() {
            if (!requestSent) {
                in.resume();
            }
        }

        @Override
        public void message(Object message) {
            try {
                if (message instanceof HttpObject part && part.decoderResult().isFailure()) {
                    Channel connection = channel;
                    channel = null;
                    connections.release(connection, false);
                    closed(part.decoderResult().cause());
                    return;
                }
                if (message instanceof HttpResponse head) {
                    if (head.status().code() < 200) {
                        // 100 Continue and the like: the final response follows.
                        informational = true;
                        return;
                    }
                    answered(head);
                }
                if (message instanceof HttpContent content) {
                    if (informational) {
                        informational = !(content instanceof LastHttpContent);
                        return;
                    }
                    body(content);
                }
            } finally {
                ReferenceCountUtil.release(message);
            }
        }

        private void answered(HttpResponse response) {
            timer.cancel();
            if (outcome != PENDING) {
                // Too late (timed out, caller gone, body too large): nobody reads this response.
                cutUpstream();
                return;
            }
            outcome = ANSWERED;
            int status = response.status().code();
            if (breaker != null) {
                if (status == 502 || status == 503 || status == 504) {
                    breaker.failed();
                } else {
                    breaker.succeeded();
                }
            }
            keepAlive = HttpUtil.isKeepAlive(response);
            relayHead(response);
        }

        /**
         * A small body (up to {@link #WHOLE_BODY_LIMIT}, as its length says) is gathered and answered in one
         * write, head and body together, as nginx buffers a response: half the work of relaying it piece by
         * piece, and until then nothing has gone down, so an upstream failing on the way is still a 502. For
         * larger bodies, and those of no declared length, the status and headers go down at once and the body
         * is streamed.
         */
        private void relayHead(HttpResponse response) {
            if (out.ended() || out.closed()) {
                cutUpstream();
                return;
            }
            String length = response.headers().get(HttpHeaderNames.CONTENT_LENGTH);
            long declared = length == null ? -1 : declared(length);
            if (declared >= 0 && declared <= WHOLE_BODY_LIMIT) {
                whole = Unpooled.buffer((int) declared);
                heldHead = response;
                return;
            }
            writeHead(response);
        }

        /** The upstream response's status and headers, as they go down. */
        private void writeHead(HttpResponse response) {
            int status = response.status().code();
            out.setStatusCode(status);
            String reason = response.status().reasonPhrase();
            if (reason != null && !reason.equals(HttpResponseStatus.valueOf(status).reasonPhrase())) {
                // Only an unusual reason phrase is copied: the usual one goes out as Netty's pre-encoded status line.
                out.setStatusMessage(reason);
            }
            MultiMap headers = new HeadersAdaptor(response.headers());
            if (breaker == null) {
                ForwardedHeaders.copyOwnResponseHeaders(headers, out.headers());
            } else {
                ForwardedHeaders.copyResponseHeaders(headers, out.headers());
            }
            String length = response.headers().get(HttpHeaderNames.CONTENT_LENGTH);
            if (length != null) {
                out.putHeader(HttpHeaders.CONTENT_LENGTH, length);
            } else if (status != 204 && status != 304 && in.method() != HttpMethod.HEAD) {
                out.setChunked(true);
            }
        }

        private void body(HttpContent content) {
            if (outcome != ANSWERED || channel == null) {
                return;
            }
            ByteBuf data = content.content();
            boolean last = content instanceof LastHttpContent;
            if (out.ended() || out.closed()) {
                // The caller went away: the rest of the upstream's body has no reader.
                cutUpstream();
                return;
            }
            if (whole != null) {
                whole.writeBytes(data);
                if (last) {
                    responseRead();
                    writeHead(heldHead);
                    heldHead = null;
                    out.end(Buffer.buffer(whole));
                }
                return;
            }
            if (data.isReadable()) {
                out.write(Buffer.buffer(Unpooled.copiedBuffer(data)));
            }
            if (last) {
                responseRead();
                if (!out.ended() && !out.closed()) {
                    out.end();
                }
                return;
            }
            if (!out.ended() && !out.closed() && out.writeQueueFull()) {
                Channel connection = channel;
                connection.config().setAutoRead(false);
                out.drainHandler(ignored -> {
                    if (channel == connection) {
                        connection.config().setAutoRead(true);
                    }
                });
            }
        }

        /** The whole response was read: the connection goes back to the pool if it can serve another. */
        private void responseRead() {
            Channel connection = channel;
            channel = null;
            connections.release(connection, requestSent && keepAlive);
        }

        /** The upstream connection closed or failed while this exchange held it. */
        @Override
        public void closed(Throwable cause) {
            channel = null;
            if (outcome == PENDING) {
                unreachable(cause);
            } else if (outcome == ANSWERED) {
                LOG.debugf("Relaying the upstream response failed: %s", String.valueOf(cause));
                if (heldHead != null) {
                    // A small body cut short before anything went down: the caller can still be told.
                    heldHead = null;
                    whole = null;
                    failed();
                    replies.reply(out, ErrorCode.BAD_GATEWAY, "The " + upstreamName + " broke off its answer");
                    return;
                }
                if (!out.ended() && !out.closed()) {
                    // The caller must not take a body cut short for a complete one.
                    out.reset();
                }
            }
        }

        /** Unreachable, or the connection failed before the response head. */
        private void unreachable(Throwable cause) {
            timer.cancel();
            if (outcome != PENDING) {
                return;
            }
            outcome = REFUSED;
            failed();
            Object where = address.socketPath() != null ? address.socketPath() : address.host() + ":" + address.port();
            LOG.warnf("Upstream %s for %s %s failed (request %s): %s", where, in.method(), path, call.requestId(),
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
            cutUpstream();
        }

        private void callerClosed() {
            // Also called once a finished exchange's connection closes: by then the upstream connection may
            // serve another request and must not be touched (this exchange no longer holds it).
            if (out.ended()) {
                return;
            }
            timer.cancel();
            if (outcome == PENDING) {
                // Decided before the cut, which must not count against the breaker.
                outcome = REFUSED;
                released();
            }
            cutUpstream();
        }

        /** Gives up the upstream exchange: stops waiting for a connection, or closes the one held. */
        private void cutUpstream() {
            if (connecting != null && !connecting.isDone()) {
                connecting.cancel(false);
            }
            Channel connection = channel;
            if (connection != null) {
                channel = null;
                connections.release(connection, false);
            }
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

    private static long declared(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

package com.customk9.gateway.route;

import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.customk9.gateway.security.CorsPolicy;
import com.customk9.gateway.security.SecurityHeaders;
import com.customk9.gateway.upstream.ReverseProxy;
import com.customk9.platform.error.ErrorCode;
import com.customk9.platform.request.RequestIds;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.impl.HttpUtils;

/**
 * The gateway's front door, behind {@link GatewayServer}: gives every request its id and the security
 * headers; a request whose path belongs to a configured route is checked (CORS, body size) and admitted
 * ({@link Admission}: JWT, rate limit, roles), then proxied to the route's upstream. Everything else (the
 * routes the gateway serves itself, i.e. the Odoo webhook, once admitted; CORS preflights; health,
 * metrics, OpenAPI, and the platform's 404 envelope) goes on to the gateway's Quarkus server.
 */
@Singleton
public class GatewayRouter {

    private static final Logger LOG = Logger.getLogger(GatewayRouter.class);
    private static final CharSequence X_REQUEST_ID = HttpHeaders.createOptimized(RequestIds.HEADER);
    /** Bodies up to this many times the route's limit are read and dropped before the 413, as libs/platform does. */
    private static final long DRAIN_FACTOR = 16;

    private final RouteTable routes;
    private final Admission admission;
    private final ReverseProxy proxy;
    private final ErrorReplies replies;
    private final GatewayMetrics metrics;
    private final SecurityHeaders securityHeaders;
    private final CorsPolicy cors;
    private final ClientAddress clientAddress;

    public GatewayRouter(RouteTable routes, Admission admission, ReverseProxy proxy, ErrorReplies replies,
            GatewayMetrics metrics, SecurityHeaders securityHeaders, CorsPolicy cors, ClientAddress clientAddress) {
        this.routes = routes;
        this.metrics = metrics;
        this.admission = admission;
        this.proxy = proxy;
        this.replies = replies;
        this.securityHeaders = securityHeaders;
        this.cors = cors;
        this.clientAddress = clientAddress;
    }

    public void handle(HttpServerRequest request) {
        if (request.version() == HttpVersion.HTTP_2 || request.headers().contains(HttpHeaders.CONTENT_LENGTH)
                || request.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            // Nothing of the body is read until the request is admitted and its destination known (over
            // HTTP/2 a body need not declare its length).
            request.pause();
        }
        HttpServerResponse response = request.response();
        String requestId = RequestIds.acceptOrCreate(request.getHeader(X_REQUEST_ID));
        response.putHeader(X_REQUEST_ID, requestId);
        response.headersEndHandler(ignored -> securityHeaders.apply(response.headers()));
        String malformed = malformation(request);
        if (malformed != null) {
            replies.replyAndClose(request, ErrorCode.BAD_REQUEST, malformed, Map.of());
            return;
        }
        if (request.method() == HttpMethod.TRACE || request.method() == HttpMethod.CONNECT) {
            // TRACE would have a service echo the caller's credentials back (cross-site tracing); CONNECT asks
            // for a tunnel. The gateway serves neither, on any path.
            replies.replyAndClose(request, ErrorCode.METHOD_NOT_ALLOWED, request.method().name() + " is not served", Map.of());
            return;
        }
        Call call = new Call(request, requestId, clientAddress.of(request));
        String path;
        try {
            path = normalize(request.path());
        } catch (RuntimeException e) {
            LOG.debugf("Unusable path %s: %s", request.uri(), e.toString());
            replies.reply(response, ErrorCode.BAD_REQUEST, "The request path is not valid");
            return;
        }
        Route route = path.startsWith("/q/") || cors.isPreflight(request) ? null : routes.match(request.method().name(), path);
        if (route == null) {
            proxy.relayToQuarkus(call);
            return;
        }
        metrics.track(call, route);
        if (!route.local()) {
            CorsPolicy.Verdict verdict = cors.check(request, call.scheme(), response.headers());
            if (verdict != CorsPolicy.Verdict.ALLOWED) {
                replies.reply(response, ErrorCode.FORBIDDEN, verdict == CorsPolicy.Verdict.ORIGIN_REFUSED
                        ? "Requests from this origin are not allowed"
                        : "This method is not allowed from a browser");
                return;
            }
        }
        if (declaredLength(request) > route.maxBodySize()) {
            tooLarge(call, route.maxBodySize());
            return;
        }
        admission.admit(call, route).onComplete(admitted -> {
            if (admitted.failed()) {
                if (admitted.cause() instanceof Refusal refusal) {
                    replies.reply(response, refusal.code(), refusal.getMessage(), refusal.details());
                } else {
                    LOG.errorf(admitted.cause(), "Admission of %s %s failed (request %s)", request.method(), path, requestId);
                    replies.reply(response, ErrorCode.INTERNAL_ERROR, null);
                }
                return;
            }
            if (route.local()) {
                proxy.relayToQuarkus(call);
            } else {
                proxy.forward(call, route, path);
            }
        });
    }

    /**
     * A request that could not be decoded (a request line or headers over the server's limits, or not HTTP at
     * all): answered in the error envelope, with the request id and security headers every answer has, and the
     * connection closed, since what follows on it cannot be told apart. Vert.x's default answers a bare status.
     */
    public void invalid(HttpServerRequest request) {
        HttpServerResponse response = request.response();
        response.putHeader(X_REQUEST_ID, RequestIds.acceptOrCreate(null));
        securityHeaders.apply(response.headers());
        Throwable cause = request.decoderResult().cause();
        LOG.debugf("Undecodable request from %s: %s", request.remoteAddress(), cause);
        if (cause instanceof TooLongHttpLineException) {
            replies.replyAndClose(request, ErrorCode.URI_TOO_LONG, "The request line (method, path and query) is too long", Map.of());
        } else if (cause instanceof TooLongHttpHeaderException) {
            replies.replyAndClose(request, ErrorCode.REQUEST_HEADER_FIELDS_TOO_LARGE, "The request's headers are too large", Map.of());
        } else {
            replies.replyAndClose(request, ErrorCode.BAD_REQUEST, "The request is not valid HTTP", Map.of());
        }
    }

    /**
     * What RFC 9112 (3.2, 6.3) says a server must refuse with a 400, and Vert.x lets through: an HTTP/1.1
     * request without a Host header, a request with more than one, and a Transfer-Encoding whose last coding
     * is not chunked (the body's length cannot be known, so what follows on the connection cannot be told
     * apart from it). Null for a request without these faults. HTTP/2 requests name their authority and
     * frame their bodies otherwise, but see {@link #http2Malformation}.
     */
    static String malformation(HttpServerRequest request) {
        if (request.version() == HttpVersion.HTTP_2) {
            return http2Malformation(request);
        }
        MultiMap headers = request.headers();
        List<String> hosts = headers.getAll(HttpHeaders.HOST);
        if (hosts.size() > 1 || (hosts.isEmpty() && request.version() == HttpVersion.HTTP_1_1)) {
            return "The request must carry exactly one Host header";
        }
        String transferEncoding = headers.get(HttpHeaders.TRANSFER_ENCODING);
        if (transferEncoding != null) {
            String last = transferEncoding.substring(transferEncoding.lastIndexOf(',') + 1).trim();
            if (!last.equalsIgnoreCase("chunked") || headers.getAll(HttpHeaders.TRANSFER_ENCODING).size() > 1) {
                return "The request's Transfer-Encoding must be chunked, listed once";
            }
        }
        return null;
    }

    /**
     * HTTP/2 carries the path and header values as bytes, and they go up in an HTTP/1.1 request, where a CR or
     * LF would start a header, or a request, of its own on a connection other callers' requests share (RFC
     * 9113 8.2.1 and 8.3.1 make such a request malformed; Netty's HTTP/2 decoder checks names, not values).
     * HTTP/1.1 requests had their headers checked by Vert.x as they were decoded, and their path cannot hold
     * a space or a line break.
     */
    private static String http2Malformation(HttpServerRequest request) {
        String uri = request.uri();
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                return "The request path holds a character a URI cannot";
            }
        }
        for (Map.Entry<String, String> header : request.headers()) {
            if (header.getKey().startsWith(":")) {
                continue;
            }
            try {
                HttpUtils.validateHeaderName(header.getKey());
            } catch (IllegalArgumentException e) {
                return "A request header's name holds a character HTTP does not allow";
            }
            // Vert.x's value check lets a line break followed by a space through (HTTP/1.1's obsolete folding).
            String value = header.getValue();
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0) {
                return "A request header's value holds a line break or a NUL";
            }
        }
        return null;
    }

    /**
     * The path with dot segments resolved, percent-encoded unreserved characters decoded and empty segments
     * dropped ({@code /api/./a/../b} is {@code /api/b}), as routes are matched and the path goes up. Most paths
     * have nothing to normalize and are taken as they are.
     */
    static String normalize(String path) {
        if (path != null && path.indexOf('\\') >= 0) {
            // Not a URI character (RFC 3986), and some servers take it for a slash.
            throw new IllegalArgumentException("a backslash in the path");
        }
        if (path != null && path.startsWith("/") && path.indexOf('.') < 0 && path.indexOf('%') < 0 && !path.contains("//")) {
            return path;
        }
        return HttpUtils.normalizePath(path);
    }

    private static long declaredLength(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void tooLarge(Call call, long limit) {
        String message = "The request body is larger than the " + limit + " bytes this endpoint accepts";
        Map<String, Object> details = Map.of("max_bytes", limit);
        HttpServerRequest request = call.request();
        // A caller that expects 100 Continue has not sent its body: refused at once (it may still send it, so
        // the connection closes), as is one too large to read and drop.
        if (call.expectsContinue() || declaredLength(request) > limit * DRAIN_FACTOR) {
            replies.replyAndClose(request, ErrorCode.PAYLOAD_TOO_LARGE, message, details);
            return;
        }
        request.handler(ignored -> {
        });
        request.endHandler(ignored -> replies.reply(call.response(), ErrorCode.PAYLOAD_TOO_LARGE, message, details));
        request.exceptionHandler(ignored -> call.response().close());
        request.resume();
    }
}

package com.customk9.gateway.route;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.customk9.gateway.upstream.ReverseProxy;
import com.customk9.platform.error.ErrorCode;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's front door: every request whose path belongs to a configured route is admitted
 * ({@link Admission}: JWT, rate limit, roles) and then proxied to the route's upstream, or handed on
 * to the gateway's own endpoints (the Odoo webhook) for local routes. Paths matching no route go on
 * to Quarkus (health, metrics, OpenAPI, and the platform's 404 envelope).
 */
@ApplicationScoped
public class GatewayRouter {

    /** Bodies up to this many times the route's limit are read and dropped before the 413, as libs/platform does. */
    private static final long DRAIN_FACTOR = 16;

    private final RouteTable routes;
    private final Admission admission;
    private final ReverseProxy proxy;
    private final ErrorReplies replies;
    private final GatewayMetrics metrics;

    public GatewayRouter(RouteTable routes, Admission admission, ReverseProxy proxy, ErrorReplies replies,
            GatewayMetrics metrics) {
        this.routes = routes;
        this.metrics = metrics;
        this.admission = admission;
        this.proxy = proxy;
        this.replies = replies;
    }

    void register(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::handle);
    }

    void handle(RoutingContext context) {
        String path = context.normalizedPath();
        if (path.startsWith("/q/")) {
            context.next();
            return;
        }
        Route route = routes.match(context.request().method().name(), path);
        if (route == null) {
            context.next();
            return;
        }
        metrics.track(context, route);
        if (declaredLength(context) > route.maxBodySize()) {
            tooLarge(context, route.maxBodySize());
            return;
        }
        context.put(Route.class.getName(), route);
        admission.admit(context, route).onComplete(admitted -> {
            if (admitted.failed()) {
                if (admitted.cause() instanceof Refusal refusal) {
                    replies.reply(context, refusal.code(), refusal.getMessage(), refusal.details());
                } else {
                    context.fail(admitted.cause());
                }
                return;
            }
            if (admitted.result() != null) {
                context.put("customk9.caller", admitted.result());
            }
            if (route.local()) {
                context.next();
            } else {
                proxy.forward(context, route, path);
            }
        });
    }

    private static long declaredLength(RoutingContext context) {
        String header = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void tooLarge(RoutingContext context, long limit) {
        String message = "The request body is larger than the " + limit + " bytes this endpoint accepts";
        Map<String, Object> details = Map.of("max_bytes", limit);
        if (declaredLength(context) > limit * DRAIN_FACTOR) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            replies.reply(context, ErrorCode.PAYLOAD_TOO_LARGE, message, details);
            return;
        }
        context.request().handler(ignored -> {
        });
        context.request().endHandler(ignored -> replies.reply(context, ErrorCode.PAYLOAD_TOO_LARGE, message, details));
        context.request().exceptionHandler(ignored -> context.response().close());
        context.request().resume();
    }
}

package com.customk9.gateway.route;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.http.HttpMethod;

/**
 * {@code gateway_requests_seconds{route, method, status, outcome}}: every request the route table takes
 * (proxied, refused by the gateway, or the webhook), from routing to the end of the response;
 * {@code status="RESET"} when the connection closed first.
 * <p>
 * In place of Quarkus' generic HTTP server metrics ({@code quarkus.micrometer.binder.http-server.enabled=false}):
 * tagged by the raw path of each proxied request ({@code /api/dogs/17}), those grow a series per URL
 * until {@code max-uri-tags} stops recording new ones, and building their tags cost more per request
 * than the proxying logic itself. Here the tags are bounded (the route names) and each series' timer
 * is looked up once.
 */
@Singleton
public class GatewayMetrics {

    private static final String NAME = "gateway.requests";
    private static final String[] METHODS = { "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "OTHER" };

    private final MeterRegistry registry;
    private final ConcurrentMap<String, ConcurrentMap<Integer, Timer>> timers = new ConcurrentHashMap<>();

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Times the request from now to the end of its response. */
    public void track(Call call, Route route) {
        long started = System.nanoTime();
        int method = method(call.request().method());
        call.whenDone(status -> timer(route, method, status).record(System.nanoTime() - started, TimeUnit.NANOSECONDS));
    }

    private Timer timer(Route route, int method, int status) {
        ConcurrentMap<Integer, Timer> ofRoute = timers.get(route.name());
        if (ofRoute == null) {
            ofRoute = timers.computeIfAbsent(route.name(), ignored -> new ConcurrentHashMap<>());
        }
        Integer key = status * METHODS.length + method;
        Timer timer = ofRoute.get(key);
        return timer != null ? timer : ofRoute.computeIfAbsent(key, ignored -> Timer.builder(NAME)
                .description("Requests taken by the gateway's route table, by route")
                .tag("route", route.name())
                .tag("method", METHODS[method])
                .tag("status", status == 0 ? "RESET" : Integer.toString(status))
                .tag("outcome", outcome(status))
                .register(registry));
    }

    private static int method(HttpMethod method) {
        for (int i = 0; i < METHODS.length - 1; i++) {
            if (METHODS[i].equals(method.name())) {
                return i;
            }
        }
        return METHODS.length - 1;
    }

    private static String outcome(int status) {
        if (status == 0) {
            return "CLIENT_ERROR";
        }
        return switch (status / 100) {
            case 1 -> "INFORMATIONAL";
            case 2 -> "SUCCESS";
            case 3 -> "REDIRECTION";
            case 4 -> "CLIENT_ERROR";
            case 5 -> "SERVER_ERROR";
            default -> "UNKNOWN";
        };
    }
}

package com.customk9.platform.request;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.quarkus.vertx.http.runtime.filters.Filters;

/** Gives every HTTP request a request id before anything else runs, and echoes it in the response. */
@ApplicationScoped
public class RequestIdFilter {

    /** Runs before the application's routes and before the body is read. */
    static final int PRIORITY = 10_000;

    public void register(@Observes Filters filters) {
        filters.register(context -> {
            String id = RequestIds.acceptOrCreate(context.request().getHeader(RequestIds.HEADER));
            MDC.put(RequestIds.MDC_KEY, id);
            context.put(RequestIds.MDC_KEY, id);
            context.response().putHeader(RequestIds.HEADER, id);
            context.next();
        }, PRIORITY);
    }
}

package com.customk9.platform.request;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.customk9.platform.error.ErrorCode;
import com.customk9.platform.error.ErrorResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a request whose declared body is larger than {@code quarkus.http.limits.max-body-size}
 * with a 413 in the error envelope, before the application reads any of it. The body is read and
 * dropped up to a bound, so a client that sends everything before it reads the answer still gets
 * the answer instead of a broken pipe; beyond that bound the connection is closed after answering.
 */
@ApplicationScoped
public class BodySizeLimitFilter {

    /** Runs right after the request id is set. */
    static final int PRIORITY = RequestIdFilter.PRIORITY - 1;
    /** Bodies up to this many times the limit are drained before answering. */
    private static final long DRAIN_FACTOR = 16;

    private final Optional<MemorySize> maxBodySize;
    private final ObjectMapper mapper;

    private final jakarta.enterprise.inject.Instance<TooLargeBody> customBody;

    public BodySizeLimitFilter(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize,
            ObjectMapper mapper, jakarta.enterprise.inject.Instance<TooLargeBody> customBody) {
        this.maxBodySize = maxBodySize;
        this.mapper = mapper;
        this.customBody = customBody;
    }

    public void register(@Observes Filters filters) {
        if (maxBodySize.isEmpty()) {
            return;
        }
        long limit = maxBodySize.get().asLongValue();
        filters.register(context -> {
            long declared = declaredLength(context);
            if (declared <= limit) {
                context.next();
                return;
            }
            String body = envelope(limit);
            if (declared > limit * DRAIN_FACTOR) {
                context.response().putHeader(HttpHeaders.CONNECTION, "close");
                answer(context, body);
                return;
            }
            context.request().handler(ignored -> {
            });
            context.request().endHandler(ignored -> answer(context, body));
            context.request().exceptionHandler(ignored -> context.response().close());
        }, PRIORITY);
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

    private String envelope(long limit) {
        if (customBody.isResolvable()) {
            return customBody.get().json(limit);
        }
        try {
            return mapper.writeValueAsString(ErrorResponse.of(ErrorCode.PAYLOAD_TOO_LARGE,
                    "The request body is larger than the " + limit + " bytes this endpoint accepts",
                    java.util.Map.of("max_bytes", limit)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(RoutingContext context, String body) {
        if (!context.response().ended()) {
            context.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(body);
        }
    }
}

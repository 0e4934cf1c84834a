package com.customk9.gateway.route;

import java.util.Map;

import jakarta.inject.Singleton;

import com.customk9.platform.error.ErrorCode;
import com.customk9.platform.error.ErrorResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/** Answers a request with the seed-003 error envelope from the gateway's own server, where JAX-RS mappers do not run. */
@Singleton
public class ErrorReplies {

    private final ObjectMapper mapper;

    public ErrorReplies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void reply(HttpServerResponse response, ErrorCode code, String message) {
        reply(response, code, message, Map.of());
    }

    public void reply(HttpServerResponse response, ErrorCode code, String message, Map<String, ?> details) {
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            // Too late for an answer: the client sees a cut connection instead of a wrong body.
            response.reset();
            return;
        }
        String body;
        try {
            body = mapper.writeValueAsString(ErrorResponse.of(code, message == null ? code.defaultMessage() : message, details));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        response.setStatusCode(code.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (code == ErrorCode.UNAUTHORIZED) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        response.end(body);
    }
}

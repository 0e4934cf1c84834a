package com.customk9.gateway.route;

import java.util.Map;

import jakarta.inject.Singleton;

import com.customk9.platform.error.ErrorCode;
import com.customk9.platform.error.ErrorResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;

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

    /**
     * Answers, then closes the caller's connection, as the answer's {@code Connection: close} says: for a
     * request whose unread body, or whatever follows it on the connection, cannot be trusted or is not worth
     * reading. (Vert.x keeps an HTTP/1.1 connection open whatever the response's headers say.) Over HTTP/2
     * only the request's stream ends.
     */
    public void replyAndClose(HttpServerRequest request, ErrorCode code, String message, Map<String, ?> details) {
        HttpServerResponse response = request.response();
        if (request.version() == HttpVersion.HTTP_2) {
            reply(response, code, message, details);
            return;
        }
        if (!response.headWritten()) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        reply(response, code, message, details);
        request.connection().close();
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

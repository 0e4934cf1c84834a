package com.customk9.platform.error;

import java.util.Map;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.customk9.platform.request.RequestIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one place where exceptions become the error envelope. Every service gets these mappers by
 * depending on libs/platform. Nothing here echoes a stack trace, an exception message it did not
 * write itself, or a class name.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response apiException(ApiException error) {
        if (error.status() >= 500) {
            LOG.warnf(error, "%s: %s", error.code(), error.getMessage());
        }
        Response response = respond(error.status(),
                ErrorResponse.of(error.code().name(), error.getMessage(), error.details(), error.odooError()));
        if (error.headers().isEmpty()) {
            return response;
        }
        Response.ResponseBuilder withHeaders = Response.fromResponse(response);
        error.headers().forEach(withHeaders::header);
        return withHeaders.build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException error) {
        if (ValidationDetails.concernsReturnValue(error.getConstraintViolations())) {
            return unexpected(error);
        }
        return respond(400, ErrorResponse.of(ErrorCode.VALIDATION_ERROR, ErrorCode.VALIDATION_ERROR.defaultMessage(),
                ValidationDetails.of(error.getConstraintViolations())));
    }

    /** A validator misconfiguration (not a violation) is our bug, not the client's. */
    @ServerExceptionMapper
    public Response validationException(ValidationException error) {
        if (error instanceof ConstraintViolationException violations) {
            return constraintViolation(violations);
        }
        return unexpected(error);
    }

    /** Named one by one: Quarkus has its own mappers for the specific Jackson exceptions. */
    @ServerExceptionMapper({ JsonProcessingException.class, JsonMappingException.class, MismatchedInputException.class,
            InvalidFormatException.class, ValueInstantiationException.class })
    public Response unreadableJson(JsonProcessingException error) {
        return respond(400, JsonErrorDetails.toResponse(error));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException error) {
        if (error.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        int status = error.getResponse() == null ? 500 : error.getResponse().getStatus();
        if (status == 404 && isParameterConversion(error.getCause())) {
            // JAX-RS answers 404 when a path or query parameter cannot be converted; for the
            // client it is a bad request, not a missing resource.
            return respond(400, ErrorResponse.of(ErrorCode.BAD_REQUEST,
                    "A path or query parameter has a value of the wrong type", null));
        }
        if (status >= 500) {
            return unexpected(error);
        }
        ErrorCode code = ErrorCode.forStatus(status);
        Response response = respond(status, ErrorResponse.of(code.name(), code.defaultMessage(), null, null));
        if (error instanceof NotAllowedException && error.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            return Response.fromResponse(response).header(HttpHeaders.ALLOW, error.getResponse().getHeaderString(HttpHeaders.ALLOW))
                    .build();
        }
        if (status == 401 && error.getResponse().getHeaderString(HttpHeaders.WWW_AUTHENTICATE) != null) {
            return Response.fromResponse(response)
                    .header(HttpHeaders.WWW_AUTHENTICATE, error.getResponse().getHeaderString(HttpHeaders.WWW_AUTHENTICATE))
                    .build();
        }
        return response;
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException error) {
        return Response.fromResponse(respond(401, ErrorResponse.of(ErrorCode.UNAUTHORIZED)))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException error) {
        return respond(403, ErrorResponse.of(ErrorCode.FORBIDDEN));
    }

    @ServerExceptionMapper
    public Response circuitOpen(CircuitBreakerOpenException error) {
        return respond(503, ErrorResponse.of(ErrorCode.SERVICE_UNAVAILABLE,
                "A dependency is temporarily unavailable, try again shortly", null));
    }

    @ServerExceptionMapper
    public Response timeout(TimeoutException error) {
        return respond(504, ErrorResponse.of(ErrorCode.GATEWAY_TIMEOUT, "A dependency did not answer in time", null));
    }

    /** The last resort: logged in full with the request id, answered with nothing but that id. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable error) {
        String requestId = RequestIds.current();
        LOG.errorf(error, "Unexpected error (request %s)", requestId);
        return respond(500, ErrorResponse.of(ErrorCode.INTERNAL_ERROR, "An unexpected error occurred",
                requestId == null ? Map.of() : Map.of("request_id", requestId)));
    }

    private static boolean isParameterConversion(Throwable cause) {
        return cause instanceof IllegalArgumentException || cause instanceof java.time.format.DateTimeParseException;
    }

    static Response respond(int status, ErrorResponse body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}

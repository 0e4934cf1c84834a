package com.customk9.attendance.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.customk9.attendance.face.ImageRejectedException;
import com.customk9.platform.error.ApiException;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Every failure of this service in the seed-004 shape ({@link AttendanceError}) instead of the
 * platform's {@code {"error": {...}}} envelope: these mappers rank before the platform's for the same
 * exception types. Nothing reaches a client as a bare 500 page or a stack trace.
 */
public class AttendanceErrorMappers {

    private static final Logger LOG = Logger.getLogger(AttendanceErrorMappers.class);
    private static final int FIRST = Priorities.USER - 100;

    public static Response response(int status, String code, String message, Map<String, ?> details) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(AttendanceError.of(code, message, details)).build();
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response attendance(AttendanceException error) {
        return response(error.code().status(), error.machineCode(), error.getMessage(), error.details());
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response api(ApiException error) {
        Response response = response(error.code().status(), error.code().name(), error.getMessage(), error.details());
        error.headers().forEach((name, value) -> response.getHeaders().add(name, value));
        return response;
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response image(ImageRejectedException error) {
        return response(error.reason().status(), error.reason().code().toUpperCase(), error.getMessage(), Map.of());
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response invalid(ConstraintViolationException error) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (ConstraintViolation<?> violation : error.getConstraintViolations()) {
            String path = violation.getPropertyPath().toString();
            String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
            fields.computeIfAbsent(field, key -> new ArrayList<>()).add(violation.getMessage());
        }
        return response(400, "VALIDATION_ERROR", "The request has invalid fields: " + String.join(", ", fields.keySet()), fields);
    }

    /** Named one by one, as the platform's are: the most specific exception type wins before priority. */
    @ServerExceptionMapper(priority = FIRST, value = { JsonProcessingException.class,
            com.fasterxml.jackson.databind.JsonMappingException.class,
            com.fasterxml.jackson.databind.exc.MismatchedInputException.class,
            com.fasterxml.jackson.databind.exc.InvalidFormatException.class,
            com.fasterxml.jackson.databind.exc.ValueInstantiationException.class,
            com.fasterxml.jackson.core.JsonParseException.class })
    public Response json(JsonProcessingException error) {
        return response(400, "MALFORMED_JSON", "The request body is not valid JSON of the expected shape", Map.of());
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response web(WebApplicationException error) {
        int status = error.getResponse().getStatus();
        if (error.getCause() instanceof JsonProcessingException) {
            return json((JsonProcessingException) error.getCause());
        }
        if (status == 404 && error.getCause() != null) {
            // A path or query parameter that does not convert to its type (JAX-RS says 404; it is a bad request)
            return response(400, "INVALID_PARAMETER", "A parameter of the request does not have the expected type", Map.of());
        }
        String code = switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
        };
        String message = switch (status) {
            case 404 -> "No such endpoint or resource";
            case 405 -> "This method is not allowed here";
            case 406 -> "This endpoint answers application/json";
            case 415 -> "This content type is not accepted here";
            default -> status >= 500 ? "The server failed to answer" : "The request is not valid";
        };
        Response response = response(status, code, message, Map.of());
        if (status == 405 && error.getResponse().getHeaderString("Allow") != null) {
            response.getHeaders().add("Allow", error.getResponse().getHeaderString("Allow"));
        }
        return response;
    }

    @ServerExceptionMapper(priority = Priorities.USER + 900)
    public Response unexpected(Throwable error) {
        LOG.error("Unexpected failure", error);
        return response(500, "INTERNAL_ERROR", "The server failed to answer; the failure was logged", Map.of());
    }
}

package com.customk9.emulator.apiv2;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import com.customk9.emulator.fault.FaultInjector;
import com.customk9.emulator.fault.OdooSurface;
import com.customk9.emulator.fault.RequestStats;
import com.customk9.emulator.jsonrpc.OdooJson;
import com.customk9.emulator.jsonrpc.OdooRpcError;
import com.customk9.emulator.orm.OdooException;

/**
 * Runs one /api/v2 endpoint: counts it, applies an injected server error, and turns whatever goes
 * wrong into the seed-002 error envelope with its HTTP status, never a stack trace. Kept inside
 * the emulator's own resources so a host application's exception mappers never see these paths.
 */
@ApplicationScoped
public class ApiV2Endpoint {

    private static final Logger LOG = Logger.getLogger(ApiV2Endpoint.class);

    private final FaultInjector faults;
    private final RequestStats stats;

    public ApiV2Endpoint(FaultInjector faults, RequestStats stats) {
        this.faults = faults;
        this.stats = stats;
    }

    public Response run(String path, String model, String method, Supplier<Response> endpoint) {
        stats.countCall(OdooSurface.API_V2, model, method);
        faults.delay(path);
        try {
            if (faults.serverErrorNow(path, FaultInjector.ErrorStyle.ODOO)) {
                return ApiV2Responses.error(500, ApiV2Codes.INTERNAL_ERROR, "Internal Server Error");
            }
            return endpoint.get();
        } catch (RuntimeException e) {
            return ApiV2Responses.error(toApiError(e));
        }
    }

    /** A write through /api/v2: refused when a serialization failure is pending. */
    public void beforeWrite() {
        if (faults.takeSerializationFailure()) {
            throw new OdooException.SerializationFailure(FaultInjector.SERIALIZATION_FAILURE_MESSAGE);
        }
    }

    static ApiV2Error toApiError(RuntimeException e) {
        if (e instanceof ApiV2Error apiError) {
            return apiError;
        }
        if (e instanceof OdooException.UnknownModel unknown) {
            return ApiV2Error.modelNotFound(unknown.getMessage());
        }
        if (e instanceof OdooException.MissingError missing) {
            return ApiV2Error.recordNotFound(missing.getMessage());
        }
        if (e instanceof OdooException.AccessError || e instanceof OdooException.AccessDenied) {
            return ApiV2Error.forbidden(e.getMessage());
        }
        if (e instanceof OdooException.SerializationFailure) {
            return new ApiV2Error(409, ApiV2Codes.SERIALIZATION_FAILURE, e.getMessage());
        }
        if (e instanceof OdooException) {
            return ApiV2Error.validation(e.getMessage());
        }
        if (e instanceof OdooRpcError rpcError) {
            return ApiV2Error.validation(rpcError.pythonMessage());
        }
        if (e instanceof IllegalArgumentException && e.getMessage() != null) {
            return ApiV2Error.validation(e.getMessage());
        }
        if (e instanceof ClassCastException || e instanceof ArithmeticException) {
            return ApiV2Error.validation("A value has the wrong type");
        }
        LOG.errorf(e, "Unexpected failure under /api/v2");
        return new ApiV2Error(500, ApiV2Codes.INTERNAL_ERROR, "Internal Server Error");
    }

    /** The JSON object body of a POST or PUT; an empty body counts as an empty object when {@code emptyAllowed}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> objectBody(String body, boolean emptyAllowed) {
        if (body == null || body.isBlank()) {
            if (emptyAllowed) {
                return Map.of();
            }
            throw ApiV2Error.invalidJson("Request body must be a JSON object");
        }
        Optional<Object> parsed = OdooJson.parse(body);
        if (parsed.isEmpty()) {
            throw ApiV2Error.invalidJson("Invalid JSON in request body");
        }
        if (!(parsed.get() instanceof Map<?, ?> map)) {
            throw ApiV2Error.invalidJson("Request body must be a JSON object");
        }
        return (Map<String, Object>) map;
    }

    /** A non-negative integer query parameter. */
    public static int intParam(String name, String value, int defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < 0) {
                throw ApiV2Error.validation("Parameter '" + name + "' must not be negative");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ApiV2Error.validation("Parameter '" + name + "' must be an integer");
        }
    }

    /** {@code fields=name,email}: the names, or null for all fields. */
    public static List<String> fieldsParam(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        List<String> fields = java.util.Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .toList();
        return fields.isEmpty() ? null : fields;
    }

    public static long idParam(String value, String what) {
        try {
            long id = Long.parseLong(value);
            if (id <= 0) {
                throw ApiV2Error.validation(what + " must be a positive integer");
            }
            return id;
        } catch (NumberFormatException e) {
            throw ApiV2Error.validation(what + " must be an integer");
        }
    }
}

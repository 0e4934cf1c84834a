package com.customk9.emulator.apiv2;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.customk9.emulator.orm.OdooException;
import com.customk9.emulator.orm.Orm;

/**
 * Seed 002's generic record endpoints, session token or API key: {@code search/{model}},
 * {@code search/{model}/{id}}, {@code create/{model}}, {@code fields/{model}}. There is no generic
 * update or delete in base_api: those go through JSON-RPC.
 */
@Path("/api/v2")
public class ApiV2RecordsResource {

    private final ApiV2Endpoint endpoint;
    private final ApiV2Auth auth;
    private final Orm orm;

    public ApiV2RecordsResource(ApiV2Endpoint endpoint, ApiV2Auth auth, Orm orm) {
        this.endpoint = endpoint;
        this.auth = auth;
        this.orm = orm;
    }

    @GET
    @Path("search/{model}")
    public Response search(@HeaderParam(ApiV2Auth.API_KEY_HEADER) String apiKey,
            @HeaderParam(ApiV2Auth.SESSION_TOKEN_HEADER) String sessionToken, @PathParam("model") String model,
            @QueryParam("limit") String limitParam, @QueryParam("offset") String offsetParam,
            @QueryParam("fields") String fieldsParam, @QueryParam("order") String order, @Context UriInfo uri) {
        return endpoint.run("/api/v2/search/" + model, model, "search", () -> {
            ApiV2Auth.Caller caller = auth.authenticate(apiKey, sessionToken, ApiV2Auth.Accepts.EITHER);
            requireModel(model);
            int limit = ApiV2Endpoint.intParam("limit", limitParam, 10);
            int offset = ApiV2Endpoint.intParam("offset", offsetParam, 0);
            Map<String, Map<String, Object>> fields = orm.fieldsGet(caller.uid(), model, List.of("type"));
            List<Object> domain = QueryFilters.domain(uri.getQueryParameters(), fields, model);
            String sort = order == null || order.isBlank() ? null : order;
            List<Map<String, Object>> records = orm.searchRead(caller.uid(), model, domain,
                    ApiV2Endpoint.fieldsParam(fieldsParam), offset, limit == 0 ? null : limit, sort);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("records", records);
            data.put("count", records.size());
            data.put("total", orm.searchCount(caller.uid(), model, domain));
            data.put("model", model);
            data.put("limit", limit);
            data.put("offset", offset);
            return ApiV2Responses.ok(data, "Found " + records.size() + " records in " + model);
        });
    }

    @GET
    @Path("search/{model}/{id}")
    public Response get(@HeaderParam(ApiV2Auth.API_KEY_HEADER) String apiKey,
            @HeaderParam(ApiV2Auth.SESSION_TOKEN_HEADER) String sessionToken, @PathParam("model") String model,
            @PathParam("id") String idParam, @QueryParam("fields") String fieldsParam) {
        return endpoint.run("/api/v2/search/" + model, model, "read", () -> {
            ApiV2Auth.Caller caller = auth.authenticate(apiKey, sessionToken, ApiV2Auth.Accepts.EITHER);
            requireModel(model);
            long id = ApiV2Endpoint.idParam(idParam, "Record ID");
            Map<String, Map<String, Object>> available = orm.fieldsGet(caller.uid(), model, List.of("type"));
            List<String> fields = ApiV2Endpoint.fieldsParam(fieldsParam);
            if (fields != null) {
                for (String field : fields) {
                    if (!field.equals("id") && !available.containsKey(field)) {
                        throw ApiV2Error.validation("Invalid field '" + field + "' on model '" + model + "'");
                    }
                }
            }
            Map<String, Object> record = readOne(caller.uid(), model, id, fields);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("record", record);
            data.put("model", model);
            data.put("id", id);
            data.put("fields_returned", new ArrayList<>(record.keySet()));
            data.put("total_fields_available", available.size());
            return ApiV2Responses.ok(data, "Found record " + id + " in " + model);
        });
    }

    @POST
    @Path("create/{model}")
    public Response create(@HeaderParam(ApiV2Auth.API_KEY_HEADER) String apiKey,
            @HeaderParam(ApiV2Auth.SESSION_TOKEN_HEADER) String sessionToken, @PathParam("model") String model, String body) {
        return endpoint.run("/api/v2/create/" + model, model, "create", () -> {
            ApiV2Auth.Caller caller = auth.authenticate(apiKey, sessionToken, ApiV2Auth.Accepts.EITHER);
            requireModel(model);
            Map<String, Object> values = ApiV2Endpoint.objectBody(body, false);
            endpoint.beforeWrite();
            long id = orm.create(caller.uid(), model, values);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("id", id);
            data.put("model", model);
            return ApiV2Responses.created(data, "Record created successfully in " + model + " with ID " + id);
        });
    }

    @GET
    @Path("fields/{model}")
    public Response fields(@HeaderParam(ApiV2Auth.API_KEY_HEADER) String apiKey,
            @HeaderParam(ApiV2Auth.SESSION_TOKEN_HEADER) String sessionToken, @PathParam("model") String model) {
        return endpoint.run("/api/v2/fields/" + model, model, "fields", () -> {
            ApiV2Auth.Caller caller = auth.authenticate(apiKey, sessionToken, ApiV2Auth.Accepts.EITHER);
            requireModel(model);
            Map<String, Map<String, Object>> fields = orm.fieldsGet(caller.uid(), model, null);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("model", model);
            data.put("fields", fields);
            data.put("count", fields.size());
            return ApiV2Responses.ok(data, "Retrieved " + fields.size() + " fields for " + model);
        });
    }

    private void requireModel(String model) {
        if (!orm.modelExists(model)) {
            throw ApiV2Error.modelNotFound(model);
        }
    }

    private Map<String, Object> readOne(long uid, String model, long id, List<String> fields) {
        String notFound = "Record with ID " + id + " not found in " + model;
        try {
            List<Map<String, Object>> rows = orm.read(uid, model, List.of(id), fields);
            if (rows.isEmpty()) {
                throw ApiV2Error.recordNotFound(notFound);
            }
            return rows.get(0);
        } catch (OdooException.MissingError e) {
            throw ApiV2Error.recordNotFound(notFound);
        }
    }
}

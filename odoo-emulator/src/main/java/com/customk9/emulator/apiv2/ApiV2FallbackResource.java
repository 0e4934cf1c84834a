package com.customk9.emulator.apiv2;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import com.customk9.emulator.fault.OdooSurface;
import com.customk9.emulator.fault.RequestStats;

/**
 * Any other /api/v2 request, answered in base_api's own envelope so a host application's 404/405
 * mappers never see these paths: 405 (with {@code Allow}) for a known endpoint called with another
 * method, 404 otherwise.
 */
@Path("/api/v2")
public class ApiV2FallbackResource {

    private static final String ANY = "{path: .*}";
    private static final Map<Pattern, Set<String>> ENDPOINTS = new LinkedHashMap<>();

    static {
        endpoint("test", "GET");
        endpoint("auth/test", "GET");
        endpoint("auth/login", "POST");
        endpoint("auth/refresh", "POST");
        endpoint("auth/logout", "POST");
        endpoint("auth/me", "GET");
        endpoint("user/info", "GET");
        endpoint("users", "GET");
        endpoint("users/[^/]+", "GET", "PUT");
        endpoint("users/[^/]+/password", "PUT");
        endpoint("users/[^/]+/reset-password", "POST");
        endpoint("users/[^/]+/api-key", "POST");
        endpoint("search/[^/]+", "GET");
        endpoint("search/[^/]+/[^/]+", "GET");
        endpoint("create/[^/]+", "POST");
        endpoint("fields/[^/]+", "GET");
        endpoint("groups", "GET");
        endpoint("partners", "GET");
        endpoint("products", "GET");
    }

    private static void endpoint(String path, String... methods) {
        ENDPOINTS.put(Pattern.compile(path + "/?"), Set.of(methods));
    }

    private final RequestStats stats;

    public ApiV2FallbackResource(RequestStats stats) {
        this.stats = stats;
    }

    @GET
    @Path(ANY)
    public Response get(@PathParam("path") String path) {
        return refuse(path);
    }

    @POST
    @Path(ANY)
    public Response post(@PathParam("path") String path) {
        return refuse(path);
    }

    @PUT
    @Path(ANY)
    public Response put(@PathParam("path") String path) {
        return refuse(path);
    }

    @DELETE
    @Path(ANY)
    public Response delete(@PathParam("path") String path) {
        return refuse(path);
    }

    @PATCH
    @Path(ANY)
    public Response patch(@PathParam("path") String path) {
        return refuse(path);
    }

    private Response refuse(String path) {
        for (Map.Entry<Pattern, Set<String>> endpoint : ENDPOINTS.entrySet()) {
            if (endpoint.getKey().matcher(path).matches()) {
                stats.countCall(OdooSurface.API_V2, null, "method_not_allowed");
                return Response.fromResponse(ApiV2Responses.error(405, ApiV2Codes.METHOD_NOT_ALLOWED,
                                "Method not allowed for /api/v2/" + path + "; use " + String.join(", ", endpoint.getValue())))
                        .header("Allow", String.join(", ", endpoint.getValue().stream().sorted().toList()))
                        .build();
            }
        }
        stats.countCall(OdooSurface.API_V2, null, "not_found");
        return ApiV2Responses.error(404, ApiV2Codes.NOT_FOUND, "Endpoint /api/v2/" + path + " not found");
    }
}

package com.customk9.emulator.apiv2;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import com.customk9.emulator.orm.Orm;

/**
 * Seed 002's business shortcuts: {@code partners} and {@code products} (the "legacy" endpoints,
 * API key only) and {@code groups} (session token or API key).
 */
@Path("/api/v2")
public class ApiV2BusinessResource {

    private static final List<String> PARTNER_FIELDS = List.of("name", "email", "phone", "mobile", "street", "city", "zip",
            "country_id", "is_company", "customer_rank", "active");
    private static final List<String> PRODUCT_FIELDS = List.of("name", "default_code", "list_price", "standard_price",
            "sale_ok", "purchase_ok", "type", "categ_id", "active");
    private static final List<String> GROUP_FIELDS = List.of("name", "full_name", "category_id", "share");

    private final ApiV2Endpoint endpoint;
    private final ApiV2Auth auth;
    private final Orm orm;

    public ApiV2BusinessResource(ApiV2Endpoint endpoint, ApiV2Auth auth, Orm orm) {
        this.endpoint = endpoint;
        this.auth = auth;
        this.orm = orm;
    }

    @GET
    @Path("partners")
    public Response partners(@HeaderParam(ApiV2Auth.API_KEY_HEADER) String apiKey,
            @HeaderParam(ApiV2Auth.SESSION_TOKEN_HEADER) String sessionToken, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset, @QueryParam("customers_only") String customersOnly) {
        return endpoint.run("/api/v2/partners", "res.partner", "partners", () -> {
            ApiV2Auth.Caller caller = auth.authenticate(apiKey, sessionToken, ApiV2Auth.Accepts.API_KEY_ONLY);
            List<Object> domain = new ArrayList<>();
            if (flag("customers_only", customersOnly)) {
                domain.add(List.of("customer_rank", ">", 0));
            }
            return list(caller.uid(), "res.partner", PARTNER_FIELDS, domain, limit, offset, "partners");
        });
    }

    @GET
    @Path("products")
    public Response products(@HeaderParam(ApiV2Auth.API_KEY_HEADER) String apiKey,
            @HeaderParam(ApiV2Auth.SESSION_TOKEN_HEADER) String sessionToken, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset, @QueryParam("sale_ok") String saleOk) {
        return endpoint.run("/api/v2/products", "product.template", "products", () -> {
            ApiV2Auth.Caller caller = auth.authenticate(apiKey, sessionToken, ApiV2Auth.Accepts.API_KEY_ONLY);
            List<Object> domain = new ArrayList<>();
            if (saleOk != null && !saleOk.isBlank()) {
                domain.add(List.of("sale_ok", "=", flag("sale_ok", saleOk)));
            }
            return list(caller.uid(), "product.template", PRODUCT_FIELDS, domain, limit, offset, "products");
        });
    }

    @GET
    @Path("groups")
    public Response groups(@HeaderParam(ApiV2Auth.API_KEY_HEADER) String apiKey,
            @HeaderParam(ApiV2Auth.SESSION_TOKEN_HEADER) String sessionToken, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset) {
        return endpoint.run("/api/v2/groups", "res.groups", "groups", () -> {
            ApiV2Auth.Caller caller = auth.authenticate(apiKey, sessionToken, ApiV2Auth.Accepts.EITHER);
            return list(caller.uid(), "res.groups", GROUP_FIELDS, List.of(), limit, offset == null ? "0" : offset, "groups",
                    100);
        });
    }

    private Response list(long uid, String model, List<String> wanted, List<Object> domain, String limitParam,
            String offsetParam, String key) {
        return list(uid, model, wanted, domain, limitParam, offsetParam, key, 10);
    }

    private Response list(long uid, String model, List<String> wanted, List<Object> domain, String limitParam,
            String offsetParam, String key, int defaultLimit) {
        int limit = ApiV2Endpoint.intParam("limit", limitParam, defaultLimit);
        int offset = ApiV2Endpoint.intParam("offset", offsetParam, 0);
        Map<String, Map<String, Object>> known = orm.fieldsGet(uid, model, List.of("type"));
        List<String> fields = new ArrayList<>();
        for (String field : wanted) {
            if (known.containsKey(field)) {
                fields.add(field);
            }
        }
        domain = domain.stream().filter(leaf -> !(leaf instanceof List<?> l) || known.containsKey(String.valueOf(l.get(0))))
                .toList();
        List<Map<String, Object>> records = orm.searchRead(uid, model, domain, fields, offset, limit == 0 ? null : limit, null);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(key, records);
        data.put("count", records.size());
        data.put("total", orm.searchCount(uid, model, domain));
        data.put("limit", limit);
        data.put("offset", offset);
        return ApiV2Responses.ok(data, "Found " + records.size() + " " + key);
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ApiV2Error.validation("Parameter '" + name + "' must be true or false");
        };
    }
}

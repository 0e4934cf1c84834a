package com.customk9.odoo.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import com.customk9.odoo.client.OdooEngine.Cacheable;
import com.customk9.odoo.client.OdooEngine.Call;
import com.customk9.odoo.client.OdooEngine.Surface;
import com.customk9.odoo.client.auth.Identity;
import com.customk9.odoo.client.domain.Domain;
import com.customk9.odoo.client.record.FieldInfo;
import com.customk9.odoo.client.record.Many2one;
import com.customk9.odoo.client.record.OdooRecord;
import com.customk9.odoo.client.record.OdooValues;
import com.customk9.odoo.client.record.SearchQuery;
import com.customk9.odoo.client.resilience.CallKind;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;

/** {@link OdooOperations} as one identity, on the engine every identity shares. */
final class ScopedOperations implements OdooOperations {

    private final OdooEngine engine;
    private final Identity identity;

    ScopedOperations(OdooEngine engine, Identity identity) {
        this.engine = engine;
        this.identity = identity;
    }

    // ---- /api/v2 ----

    @Override
    public Uni<List<OdooRecord>> search(String model, SearchQuery query) {
        if (query.order().isPresent()) {
            throw new IllegalArgumentException("/api/v2/search has no order; use searchRead for a sorted result");
        }
        Map<String, String> params = new LinkedHashMap<>();
        query.limit().ifPresent(limit -> params.put("limit", String.valueOf(limit)));
        if (query.offset() > 0) {
            params.put("offset", String.valueOf(query.offset()));
        }
        if (!query.fields().isEmpty()) {
            params.put("fields", String.join(",", query.fields()));
        }
        if (!query.domain().isEmpty()) {
            params.put("domain", query.domain().toJson());
        }
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("domain", query.domain().toList());
        arguments.put("fields", sorted(query.fields()));
        arguments.put("limit", query.limit().orElse(null));
        arguments.put("offset", query.offset());
        return read(model, "api.search", Surface.API_V2,
                as -> engine.apiV2(as, HttpMethod.GET, "/search/" + model, params, null),
                new Cacheable(arguments, true, null),
                data -> OdooRecord.listOf(recordsOf(data)));
    }

    @Override
    public Uni<OdooRecord> get(String model, long id, String... fields) {
        Map<String, String> params = fields.length == 0 ? Map.of() : Map.of("fields", String.join(",", fields));
        Map<String, Object> arguments = Map.of("id", id, "fields", sorted(List.of(fields)));
        return read(model, "api.get", Surface.API_V2,
                as -> engine.apiV2(as, HttpMethod.GET, "/search/" + model + "/" + id, params, null),
                new Cacheable(arguments, false, data -> List.of(id)),
                data -> OdooRecord.of(data instanceof JsonObject object && object.containsKey("record")
                        ? object.getValue("record") : data));
    }

    @Override
    public Uni<Long> create(String model, Map<String, ?> values) {
        JsonObject body = new JsonObject(castMap(OdooValues.toOdoo(values)));
        return engine.<Long>execute(new Call(identity, Surface.API_V2, CallKind.WRITE, model, "api.create",
                as -> engine.apiV2(as, HttpMethod.POST, "/create/" + model, Map.of(), body), null),
                ScopedOperations::createdId)
                .call(id -> engine.cache().invalidate(model, id));
    }

    @Override
    public Uni<Map<String, FieldInfo>> fields(String model) {
        return read(model, "api.fields", Surface.API_V2,
                as -> engine.apiV2(as, HttpMethod.GET, "/fields/" + model, Map.of(), null),
                new Cacheable(Map.of(), false, data -> List.of()),
                data -> fieldInfos(data instanceof JsonObject object && object.getValue("fields") instanceof JsonObject fields
                        ? fields : data));
    }

    @Override
    public Uni<Void> changePassword(long userId, String oldPassword, String newPassword) {
        JsonObject body = new JsonObject().put("new_password", newPassword);
        if (oldPassword != null) {
            body.put("old_password", oldPassword);
        }
        return engine.execute(new Call(identity, Surface.API_V2, CallKind.WRITE, "res.users", "api.users.password",
                as -> engine.apiV2(as, HttpMethod.PUT, "/users/" + userId + "/password", Map.of(), body), null),
                data -> data)
                .call(() -> invalidateAll("res.users", List.of(userId)))
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> resetPassword(long userId, String newPassword) {
        JsonObject body = new JsonObject().put("new_password", newPassword);
        return engine.execute(new Call(identity, Surface.API_V2, CallKind.WRITE, "res.users", "api.users.reset-password",
                as -> engine.apiV2(as, HttpMethod.POST, "/users/" + userId + "/reset-password", Map.of(), body), null),
                data -> data)
                .call(() -> invalidateAll("res.users", List.of(userId)))
                .replaceWithVoid();
    }

    @Override
    public Uni<List<OdooRecord>> users(int limit, int offset) {
        Map<String, String> params = Map.of("limit", String.valueOf(limit), "offset", String.valueOf(offset));
        return engine.execute(new Call(identity, Surface.API_V2, CallKind.READ, "res.users", "api.users",
                as -> engine.apiV2(as, HttpMethod.GET, "/users", params, null), null),
                data -> OdooRecord.listOf(recordsOf(data, "users")));
    }

    @Override
    public Uni<OdooRecord> me() {
        return engine.execute(new Call(identity, Surface.API_V2, CallKind.READ, "res.users", "api.me",
                as -> engine.apiV2(as, HttpMethod.GET, "/auth/me", Map.of(), null), null),
                data -> OdooRecord.of(data instanceof JsonObject object && object.getValue("user") instanceof JsonObject user
                        ? user : data));
    }

    // ---- JSON-RPC ----

    @Override
    public Uni<List<OdooRecord>> searchRead(String model, SearchQuery query) {
        if (query.fields().isEmpty()) {
            throw new IllegalArgumentException("search_read needs explicit fields: reading all of them is slow");
        }
        Map<String, Object> kwargs = new LinkedHashMap<>();
        kwargs.put("fields", query.fields());
        query.order().ifPresent(order -> kwargs.put("order", order));
        query.limit().ifPresent(limit -> kwargs.put("limit", limit));
        if (query.offset() > 0) {
            kwargs.put("offset", query.offset());
        }
        List<Object> args = List.of(query.domain().toList());
        Map<String, Object> arguments = new LinkedHashMap<>(kwargs);
        arguments.put("fields", sorted(query.fields()));
        arguments.put("domain", query.domain().toList());
        return read(model, "search_read", Surface.JSON_RPC,
                as -> engine.executeKw(as, model, "search_read", args, kwargs),
                new Cacheable(arguments, true, null),
                OdooRecord::listOf);
    }

    @Override
    public Uni<Long> searchCount(String model, Domain domain) {
        List<Object> args = List.of(domain.toList());
        return read(model, "search_count", Surface.JSON_RPC,
                as -> engine.executeKw(as, model, "search_count", args, Map.of()),
                new Cacheable(Map.of("domain", domain.toList()), true, null),
                count -> ((Number) count).longValue());
    }

    @Override
    public Uni<List<OdooRecord>> read(String model, Collection<Long> ids, List<String> fields) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Object> idList = new ArrayList<>(ids);
        List<Object> args = List.of(idList, fields);
        Map<String, Object> arguments = Map.of("ids", idList, "fields", sorted(fields));
        return read(model, "read", Surface.JSON_RPC,
                as -> engine.executeKw(as, model, "read", args, Map.of()),
                new Cacheable(arguments, false, data -> List.copyOf(ids)),
                OdooRecord::listOf);
    }

    @Override
    public Uni<List<Many2one>> nameSearch(String model, String name, Domain domain, String operator, int limit) {
        Map<String, Object> kwargs = new LinkedHashMap<>();
        kwargs.put("name", name == null ? "" : name);
        kwargs.put("args", domain.toList());
        kwargs.put("operator", operator == null ? "ilike" : operator);
        kwargs.put("limit", limit);
        return read(model, "name_search", Surface.JSON_RPC,
                as -> engine.executeKw(as, model, "name_search", List.of(), kwargs),
                new Cacheable(kwargs, true, null),
                data -> {
                    List<Many2one> pairs = new ArrayList<>();
                    for (Object pair : (List<?>) OdooValues.plain(data)) {
                        Many2one.from(pair).ifPresent(pairs::add);
                    }
                    return List.copyOf(pairs);
                });
    }

    @Override
    public Uni<Map<String, FieldInfo>> fieldsGet(String model, List<String> attributes) {
        Map<String, Object> kwargs = attributes.isEmpty() ? Map.of() : Map.of("attributes", attributes);
        return read(model, "fields_get", Surface.JSON_RPC,
                as -> engine.executeKw(as, model, "fields_get", List.of(), kwargs),
                new Cacheable(Map.of("attributes", sorted(attributes)), false, data -> List.of()),
                ScopedOperations::fieldInfos);
    }

    @Override
    public Uni<Void> write(String model, Collection<Long> ids, Map<String, ?> values) {
        List<Object> args = List.of(new ArrayList<Object>(ids), OdooValues.toOdoo(values));
        return engine.execute(new Call(identity, Surface.JSON_RPC, CallKind.WRITE, model, "write",
                as -> engine.executeKw(as, model, "write", args, Map.of()), null), result -> result)
                .call(() -> invalidateAll(model, ids))
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> unlink(String model, Collection<Long> ids) {
        List<Object> args = List.of(new ArrayList<Object>(ids));
        return engine.execute(new Call(identity, Surface.JSON_RPC, CallKind.WRITE, model, "unlink",
                as -> engine.executeKw(as, model, "unlink", args, Map.of()), null), result -> result)
                .call(() -> invalidateAll(model, ids))
                .replaceWithVoid();
    }

    // ---- helpers ----

    private <T> Uni<T> read(String model, String method, Surface surface,
            Function<Identity, Uni<Object>> attempt, Cacheable cacheable,
            Function<Object, T> decode) {
        return engine.execute(new Call(identity, surface, CallKind.READ, model, method, attempt, cacheable), decode);
    }

    private Uni<Void> invalidateAll(String model, Collection<Long> ids) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Long id : ids) {
            chain = chain.chain(() -> engine.cache().invalidate(model, id));
        }
        return chain;
    }

    private static List<String> sorted(List<String> fields) {
        return List.copyOf(new TreeSet<>(fields));
    }

    /** /api/v2 lists come as {@code data.records} (or under a named member), or as {@code data} itself. */
    static Object recordsOf(Object data, String... names) {
        if (data instanceof JsonObject object) {
            for (String name : names) {
                if (object.containsKey(name)) {
                    return object.getValue(name);
                }
            }
            for (String name : List.of("records", "result", "items")) {
                if (object.containsKey(name)) {
                    return object.getValue(name);
                }
            }
        }
        return data;
    }

    static Long createdId(Object data) {
        Object plain = OdooValues.plain(data);
        if (plain instanceof Number id) {
            return id.longValue();
        }
        if (plain instanceof Map<?, ?> map) {
            if (map.get("id") instanceof Number id) {
                return id.longValue();
            }
            if (map.get("record") instanceof Map<?, ?> record && record.get("id") instanceof Number id) {
                return id.longValue();
            }
        }
        throw new IllegalArgumentException("no id in the create answer");
    }

    static Map<String, FieldInfo> fieldInfos(Object data) {
        Map<String, FieldInfo> infos = new LinkedHashMap<>();
        Object plain = OdooValues.plain(data);
        if (plain instanceof Map<?, ?> map) {
            map.forEach((name, attributes) -> {
                if (attributes instanceof Map<?, ?> attributeMap) {
                    infos.put(String.valueOf(name), new FieldInfo(String.valueOf(name), castMap(attributeMap)));
                }
            });
        }
        return java.util.Collections.unmodifiableMap(infos);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object map) {
        return (Map<String, Object>) map;
    }
}

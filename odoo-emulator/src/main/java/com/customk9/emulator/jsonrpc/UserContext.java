package com.customk9.emulator.jsonrpc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.emulator.orm.Orm;

/** Odoo's {@code res.users.context_get()}: the user's {@code lang}, {@code tz} and {@code uid}. */
@ApplicationScoped
public class UserContext {

    private final Orm orm;

    public UserContext(Orm orm) {
        this.orm = orm;
    }

    public Map<String, Object> of(long uid) {
        Map<String, Map<String, Object>> known = orm.fieldsGet(uid, "res.users", List.of("type"));
        List<String> fields = List.of("lang", "tz").stream().filter(known::containsKey).toList();
        List<Map<String, Object>> rows = orm.read(uid, "res.users", List.of(uid), fields);
        Map<String, Object> user = rows.isEmpty() ? Map.of() : rows.get(0);
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("lang", orFalse(user.get("lang"), "en_US"));
        context.put("tz", orFalse(user.get("tz"), false));
        context.put("uid", uid);
        return context;
    }

    private static Object orFalse(Object value, Object fallback) {
        return value == null || Boolean.FALSE.equals(value) ? fallback : value;
    }
}

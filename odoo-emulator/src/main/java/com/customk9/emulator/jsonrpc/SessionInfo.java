package com.customk9.emulator.jsonrpc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.emulator.orm.Orm;

/** What {@code /web/session/authenticate} and {@code /web/session/get_session_info} return (Odoo 17's {@code session_info}). */
@ApplicationScoped
public class SessionInfo {

    private static final List<String> USER_FIELDS = List.of("name", "login", "partner_id", "company_id");

    private final Orm orm;
    private final UserContext userContexts;

    public SessionInfo(Orm orm, UserContext userContexts) {
        this.orm = orm;
        this.userContexts = userContexts;
    }

    public Map<String, Object> of(long uid, String db) {
        Map<String, Object> user = readUser(uid);
        boolean admin = orm.users().isAdmin(uid);
        List<String> groups = orm.users().groupNames(uid);
        boolean internal = admin || groups.contains("Internal User");
        Object partner = user.getOrDefault("partner_id", false);
        Object company = user.getOrDefault("company_id", false);

        Map<String, Object> userContext = userContexts.of(uid);

        Map<String, Object> info = new LinkedHashMap<>();
        info.put("uid", uid);
        info.put("is_system", admin);
        info.put("is_admin", admin);
        info.put("is_public", false);
        info.put("is_internal_user", internal);
        info.put("user_context", userContext);
        info.put("db", db);
        info.put("server_version", OdooVersion.SERVER_VERSION);
        info.put("server_version_info", OdooVersion.SERVER_VERSION_INFO);
        info.put("support_url", "https://www.odoo.com/buy");
        info.put("name", user.getOrDefault("name", false));
        info.put("username", user.getOrDefault("login", false));
        info.put("partner_display_name", displayName(partner));
        info.put("partner_id", idOf(partner));
        info.put("web.base.url", "http://127.0.0.1:8069");
        info.put("active_ids_limit", 20000);
        info.put("profile_session", null);
        info.put("profile_collectors", null);
        info.put("profile_params", null);
        info.put("max_file_upload_size", 134217728);
        info.put("home_action_id", false);
        info.put("currencies", Map.of());
        info.put("bundle_params", Map.of("lang", userContext.get("lang")));
        info.put("test_mode", false);
        if (internal && idOf(company) != null) {
            Map<String, Object> current = new LinkedHashMap<>();
            current.put("id", idOf(company));
            current.put("name", displayName(company));
            current.put("sequence", 10);
            current.put("child_ids", List.of());
            current.put("parent_id", false);
            Map<String, Object> companies = new LinkedHashMap<>();
            companies.put("current_company", idOf(company));
            companies.put("allowed_companies", Map.of(String.valueOf(idOf(company)), current));
            companies.put("disallowed_ancestor_companies", Map.of());
            info.put("user_companies", companies);
            info.put("show_effect", true);
        }
        return info;
    }

    private Map<String, Object> readUser(long uid) {
        Map<String, Map<String, Object>> known = orm.fieldsGet(uid, "res.users", List.of("type"));
        List<String> fields = new ArrayList<>();
        for (String name : USER_FIELDS) {
            if (known.containsKey(name)) {
                fields.add(name);
            }
        }
        List<Map<String, Object>> rows = orm.read(uid, "res.users", List.of(uid), fields);
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    static Object idOf(Object many2one) {
        return many2one instanceof List<?> pair && !pair.isEmpty() ? pair.get(0) : null;
    }

    static Object displayName(Object many2one) {
        return many2one instanceof List<?> pair && pair.size() > 1 ? pair.get(1) : false;
    }
}

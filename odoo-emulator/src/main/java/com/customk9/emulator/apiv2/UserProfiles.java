package com.customk9.emulator.apiv2;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.emulator.orm.Orm;

/** res.users records as /api/v2 shows them: plain ids for partner and company, group names, admin flag. */
@ApplicationScoped
public class UserProfiles {

    private static final List<String> PROFILE_FIELDS = List.of("name", "login", "email", "partner_id", "company_id",
            "active", "tz", "lang", "login_date");
    private static final Set<String> MANY2ONE = Set.of("partner_id", "company_id");

    private final Orm orm;

    public UserProfiles(Orm orm) {
        this.orm = orm;
    }

    /** The full profile of {@code userId} as {@code readerUid} may read it; empty when no such user. */
    public Map<String, Object> profile(long readerUid, long userId) {
        List<Map<String, Object>> rows = orm.read(readerUid, "res.users", List.of(userId), availableFields(readerUid));
        if (rows.isEmpty()) {
            throw ApiV2Error.recordNotFound("User with ID " + userId + " not found");
        }
        return profileOf(rows.get(0), true);
    }

    public List<Map<String, Object>> list(long readerUid, int offset, int limit) {
        List<Map<String, Object>> rows = orm.searchRead(readerUid, "res.users", List.of(), availableFields(readerUid), offset,
                limit, null);
        List<Map<String, Object>> users = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            users.add(profileOf(row, true));
        }
        return users;
    }

    public long count(long readerUid) {
        return orm.searchCount(readerUid, "res.users", List.of());
    }

    /** The short form seed 002 shows in the login and refresh answers. */
    public Map<String, Object> summary(long uid, boolean withGroups) {
        Map<String, Object> full = profile(uid, uid);
        Map<String, Object> summary = new LinkedHashMap<>();
        for (String key : List.of("id", "name", "login", "email")) {
            summary.put(key, full.getOrDefault(key, false));
        }
        if (withGroups) {
            summary.put("groups", full.get("groups"));
        }
        summary.put("partner_id", full.getOrDefault("partner_id", false));
        return summary;
    }

    private Map<String, Object> profileOf(Map<String, Object> row, boolean withGroups) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("id", row.get("id"));
        for (String field : PROFILE_FIELDS) {
            if (row.containsKey(field)) {
                Object value = row.get(field);
                profile.put(field, MANY2ONE.contains(field) && value instanceof List<?> pair && !pair.isEmpty()
                        ? pair.get(0) : value);
            }
        }
        long id = ((Number) row.get("id")).longValue();
        if (withGroups) {
            profile.put("groups", orm.users().groupNames(id));
            profile.put("is_admin", orm.users().isAdmin(id));
        }
        return profile;
    }

    private List<String> availableFields(long readerUid) {
        Map<String, Map<String, Object>> known = orm.fieldsGet(readerUid, "res.users", List.of("type"));
        List<String> fields = new ArrayList<>();
        for (String field : PROFILE_FIELDS) {
            if (known.containsKey(field)) {
                fields.add(field);
            }
        }
        return fields;
    }
}

package com.customk9.emulator.orm;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The emulated Odoo ORM: what {@code execute_kw} and /api/v2 both call. Values in and out are
 * JSON-ready Java objects exactly as Odoo's JSON-RPC carries them: {@code Boolean.FALSE} for an empty
 * field, {@code [id, display_name]} lists for many2one, id lists for x2many, {@code YYYY-MM-DD} and
 * naive UTC {@code YYYY-MM-DD HH:MM:SS} strings for dates and datetimes. Domains are the parsed
 * JSON of Odoo's prefix notation ({@code List<Object>} of {@code "&"|"|"|"!"} and
 * {@code [field, operator, value]} triples). Every method acts as user {@code uid} and throws an
 * {@link OdooException} subclass, as Odoo would, on bad input or missing rights.
 */
public interface Orm {

    boolean modelExists(String model);

    /** Odoo's {@code search}: ids matching the domain, ordered ({@code "name asc, id desc"}; default the model's order). */
    List<Long> search(long uid, String model, List<Object> domain, int offset, Integer limit, String order);

    long searchCount(long uid, String model, List<Object> domain);

    /**
     * {@link #search} with Odoo's context: {@code active_test: false} includes archived records (by default a
     * model with an {@code active} field hides them unless the domain names {@code active}).
     */
    default List<Long> search(long uid, String model, List<Object> domain, int offset, Integer limit, String order,
            Map<String, Object> context) {
        return search(uid, model, domain, offset, limit, order);
    }

    /** {@link #searchCount} with Odoo's context ({@code active_test}). */
    default long searchCount(long uid, String model, List<Object> domain, Map<String, Object> context) {
        return searchCount(uid, model, domain);
    }

    /** Odoo's {@code read}: one map per id (always including "id"); all fields when {@code fields} is null or empty. */
    List<Map<String, Object>> read(long uid, String model, List<Long> ids, List<String> fields);

    List<Map<String, Object>> searchRead(long uid, String model, List<Object> domain, List<String> fields, int offset,
            Integer limit, String order);

    /** {@link #searchRead} with Odoo's context ({@code active_test}). */
    default List<Map<String, Object>> searchRead(long uid, String model, List<Object> domain, List<String> fields,
            int offset, Integer limit, String order, Map<String, Object> context) {
        return searchRead(uid, model, domain, fields, offset, limit, order);
    }

    /** Odoo's {@code create} for one record; x2many values accept the (0,0,vals)...(6,0,ids) commands. */
    long create(long uid, String model, Map<String, Object> values);

    boolean write(long uid, String model, List<Long> ids, Map<String, Object> values);

    boolean unlink(long uid, String model, List<Long> ids);

    /** Odoo's {@code fields_get}: field name to its description (type, string, required, readonly, relation, selection...). */
    Map<String, Map<String, Object>> fieldsGet(long uid, String model, List<String> attributes);

    /** Odoo's {@code name_search}: {@code [[id, display_name], ...]}. */
    List<List<Object>> nameSearch(long uid, String model, String name, List<Object> domain, String operator, Integer limit);

    /** {@link #nameSearch} with Odoo's context ({@code active_test}). */
    default List<List<Object>> nameSearch(long uid, String model, String name, List<Object> domain, String operator,
            Integer limit, Map<String, Object> context) {
        return nameSearch(uid, model, name, domain, operator, limit);
    }

    /** Users, credentials and API keys, stored as Odoo does (res.users, hashed passwords and keys). */
    Users users();

    /** Called after each committed create, write and unlink (for webhooks). */
    void addListener(RecordListener listener);

    /** Back to the seeded demo data (tests and the emulator's admin endpoint). */
    void resetToSeed();

    interface Users {

        /**
         * The user id for a login and password, or empty; inactive users never authenticate. As Odoo 17's
         * {@code _check_credentials} does for RPC (JSON-RPC {@code common.login/authenticate}, API clients), a
         * valid API key of that user is accepted in place of the password. Logins match exactly, as Odoo's do.
         */
        Optional<Long> authenticate(String login, String password);

        /**
         * Interactive login ({@code /web/session/authenticate}, {@code /api/v2/auth/login}): the password only,
         * API keys are refused, as Odoo refuses them for interactive sessions.
         */
        default Optional<Long> authenticatePassword(String login, String password) {
            return authenticate(login, password);
        }

        /** The user id an API key belongs to, or empty (keys are stored hashed). */
        Optional<Long> userForApiKey(String apiKey);

        /** A new API key for the user, returned in clear once. */
        String createApiKey(long uid, String name);

        void setPassword(long uid, String newPassword);

        boolean isAdmin(long uid);

        /** The names of the user's groups, e.g. "Administrator", "Internal User", "Portal". */
        List<String> groupNames(long uid);
    }

    interface RecordListener {

        enum Action { CREATE, WRITE, UNLINK }

        /** {@code values}: the record's values after the change (before it, for unlink), as {@link #read} returns them. */
        void changed(Action action, String model, long id, Map<String, Object> values);
    }
}

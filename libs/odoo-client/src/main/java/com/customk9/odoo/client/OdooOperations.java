package com.customk9.odoo.client;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.customk9.odoo.client.domain.Domain;
import com.customk9.odoo.client.record.FieldInfo;
import com.customk9.odoo.client.record.Many2one;
import com.customk9.odoo.client.record.OdooRecord;
import com.customk9.odoo.client.record.SearchQuery;

import io.smallrye.mutiny.Uni;

/**
 * What a service can ask Odoo, as one identity (the integration user, or a signed-in user through
 * {@link OdooClient#as}). Verbs /api/v2 has go through /api/v2; the rest (writes, deletes, ordered
 * searches, counts, name search) through standard JSON-RPC. Reads are cached in Redis; every failure
 * is one of the client's typed errors (package {@code error}).
 */
public interface OdooOperations {

    // ---- /api/v2 ----

    /**
     * {@code GET /api/v2/search/{model}}: records matching the domain, a page at a time. /api/v2 has
     * no order parameter: for a sorted result use {@link #searchRead}.
     */
    Uni<List<OdooRecord>> search(String model, SearchQuery query);

    /** {@code GET /api/v2/search/{model}/{id}}: one record, or {@code OdooNotFoundException}. */
    Uni<OdooRecord> get(String model, long id, String... fields);

    /** {@code POST /api/v2/create/{model}}: the new record's id. Never retried except on a serialization failure. */
    Uni<Long> create(String model, Map<String, ?> values);

    /** {@code GET /api/v2/fields/{model}}: the model's fields. */
    Uni<Map<String, FieldInfo>> fields(String model);

    /**
     * {@code PUT /api/v2/users/{id}/password}: changes a password; a user changing their own gives
     * the old one (Odoo checks it), an administrator or user manager does not need to.
     */
    Uni<Void> changePassword(long userId, String oldPassword, String newPassword);

    /** {@code POST /api/v2/users/{id}/reset-password}: sets a new password (user managers only). */
    Uni<Void> resetPassword(long userId, String newPassword);

    /** {@code GET /api/v2/users}: a page of users. */
    Uni<List<OdooRecord>> users(int limit, int offset);

    /** {@code GET /api/v2/auth/me}: the acting user. */
    Uni<OdooRecord> me();

    // ---- JSON-RPC execute_kw ----

    /** {@code search_read} with explicit fields, order and paging. */
    Uni<List<OdooRecord>> searchRead(String model, SearchQuery query);

    /** {@code search_count}. */
    Uni<Long> searchCount(String model, Domain domain);

    /** {@code read}: the records in the order of {@code ids}; a missing one is {@code OdooNotFoundException}. */
    Uni<List<OdooRecord>> read(String model, Collection<Long> ids, List<String> fields);

    /** {@code name_search}: {@code [id, display_name]} pairs matching {@code name}. */
    Uni<List<Many2one>> nameSearch(String model, String name, Domain domain, String operator, int limit);

    /** {@code fields_get} with the given attributes (all when empty). */
    Uni<Map<String, FieldInfo>> fieldsGet(String model, List<String> attributes);

    /** {@code write}. Never retried except on a serialization failure. */
    Uni<Void> write(String model, Collection<Long> ids, Map<String, ?> values);

    /** {@code unlink}. Never retried except on a serialization failure. */
    Uni<Void> unlink(String model, Collection<Long> ids);
}

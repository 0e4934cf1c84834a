package com.customk9.odoo.client;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.odoo.client.auth.Identity;
import com.customk9.odoo.client.auth.OdooUserSession;
import com.customk9.odoo.client.domain.Domain;
import com.customk9.odoo.client.record.FieldInfo;
import com.customk9.odoo.client.record.Many2one;
import com.customk9.odoo.client.record.OdooRecord;
import com.customk9.odoo.client.record.SearchQuery;

import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.mutiny.Uni;

/**
 * The one way a service talks to Odoo. Its own methods run as the technical integration user
 * ({@code odoo.integration.*}); {@link #as(OdooUserSession)} gives the same operations on behalf of a
 * signed-in user. Also: user sign-in/refresh/sign-out through /api/v2, cache invalidation for webhook
 * consumers, and the circuit breaker's state for health checks.
 * <pre>{@code
 * odoo.searchRead("customk9.dog", SearchQuery.where(Domain.where("owner_id", "=", partnerId))
 *         .fields("name", "breed", "owner_id").orderBy("name").limit(20));
 * }</pre>
 */
@ApplicationScoped
public class OdooClient implements OdooOperations {

    private final OdooEngine engine;
    private final OdooOperations integration;

    public OdooClient(OdooEngine engine) {
        this.engine = engine;
        this.integration = new ScopedOperations(engine, Identity.INTEGRATION);
    }

    /** The same operations, run as the user of {@code session} (their Odoo access rules apply). */
    public OdooOperations as(OdooUserSession session) {
        return new ScopedOperations(engine, new Identity.User(session));
    }

    /**
     * Signs a user in ({@code POST /api/v2/auth/login}). The session keeps the credentials so that an
     * expired session is renewed without bothering the user; a wrong password is {@code OdooAuthenticationException}.
     */
    public Uni<OdooUserSession> login(String login, String password) {
        return engine.signIn(login, password);
    }

    /** Extends the session now ({@code POST /api/v2/auth/refresh}); the client also does it by itself on expiry. */
    public Uni<OdooUserSession> refresh(OdooUserSession session) {
        return engine.refresh(session).replaceWith(session);
    }

    /** Ends the user's Odoo sessions ({@code POST /api/v2/auth/logout}, and the web session if any). */
    public Uni<Void> logout(OdooUserSession session) {
        return engine.signOut(session);
    }

    /** Drops the cached reads of one record and the cached queries of its model (a webhook said it changed). */
    public Uni<Void> invalidate(String model, long id) {
        return engine.cache().invalidate(model, id);
    }

    /** Drops what a webhook subject names: {@code "customk9.dog:42"}, or a whole model {@code "customk9.dog"}. */
    public Uni<Void> invalidate(String subject) {
        return engine.cache().invalidate(subject);
    }

    /** Drops everything cached for a model. */
    public Uni<Void> invalidateModel(String model) {
        return engine.cache().invalidateModel(model);
    }

    /** State of this Odoo instance's circuit breaker. */
    public CircuitBreakerState breakerState() {
        return engine.resilience().breakerState();
    }

    /** Closes the circuit breaker and forgets its history. */
    public void resetBreaker() {
        engine.resilience().resetBreaker();
    }

    // ---- as the integration user ----

    @Override
    public Uni<List<OdooRecord>> search(String model, SearchQuery query) {
        return integration.search(model, query);
    }

    @Override
    public Uni<OdooRecord> get(String model, long id, String... fields) {
        return integration.get(model, id, fields);
    }

    @Override
    public Uni<Long> create(String model, Map<String, ?> values) {
        return integration.create(model, values);
    }

    @Override
    public Uni<Map<String, FieldInfo>> fields(String model) {
        return integration.fields(model);
    }

    @Override
    public Uni<Void> changePassword(long userId, String oldPassword, String newPassword) {
        return integration.changePassword(userId, oldPassword, newPassword);
    }

    @Override
    public Uni<Void> resetPassword(long userId, String newPassword) {
        return integration.resetPassword(userId, newPassword);
    }

    @Override
    public Uni<List<OdooRecord>> users(int limit, int offset) {
        return integration.users(limit, offset);
    }

    @Override
    public Uni<OdooRecord> me() {
        return integration.me();
    }

    @Override
    public Uni<List<OdooRecord>> searchRead(String model, SearchQuery query) {
        return integration.searchRead(model, query);
    }

    @Override
    public Uni<Long> searchCount(String model, Domain domain) {
        return integration.searchCount(model, domain);
    }

    @Override
    public Uni<List<OdooRecord>> read(String model, Collection<Long> ids, List<String> fields) {
        return integration.read(model, ids, fields);
    }

    @Override
    public Uni<List<Many2one>> nameSearch(String model, String name, Domain domain, String operator, int limit) {
        return integration.nameSearch(model, name, domain, operator, limit);
    }

    @Override
    public Uni<Map<String, FieldInfo>> fieldsGet(String model, List<String> attributes) {
        return integration.fieldsGet(model, attributes);
    }

    @Override
    public Uni<Void> write(String model, Collection<Long> ids, Map<String, ?> values) {
        return integration.write(model, ids, values);
    }

    @Override
    public Uni<Void> unlink(String model, Collection<Long> ids) {
        return integration.unlink(model, ids);
    }
}

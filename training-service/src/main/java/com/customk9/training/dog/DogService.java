package com.customk9.training.dog;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.odoo.client.OdooClient;
import com.customk9.odoo.client.domain.Domain;
import com.customk9.odoo.client.record.SearchQuery;
import com.customk9.platform.error.ApiException;
import com.customk9.training.caller.Caller;
import com.customk9.training.event.TrainingEvents;

import io.smallrye.mutiny.Uni;

/**
 * Dogs in Odoo (customk9.dog), read and written as the integration user but always inside the
 * caller's scope: a client's own dogs (owner = their partner); a trainer's also the dogs they train.
 * A dog outside the scope does not exist for the caller (404), whatever its id.
 */
@ApplicationScoped
public class DogService {

    public static final String MODEL = "customk9.dog";

    private final OdooClient odoo;
    private final TrainingEvents events;

    public DogService(OdooClient odoo, TrainingEvents events) {
        this.odoo = odoo;
        this.events = events;
    }

    /** Which dogs the caller may see. */
    public static Domain scope(Caller caller) {
        return scope(caller, "");
    }

    /**
     * Which records of a model hanging off a dog (plans, notes...) the caller may see: those whose
     * {@code dogField} is a dog of {@link #scope(Caller)}, archived dogs included (Odoo follows a
     * many2one path without its active test).
     */
    public static Domain scopeThrough(Caller caller, String dogField) {
        return scope(caller, dogField + ".");
    }

    private static Domain scope(Caller caller, String path) {
        Domain own = Domain.where(path + "owner_id", "=", caller.partnerId());
        return caller.isStaff() ? Domain.anyOf(own, Domain.where(path + "trainer_id", "=", caller.userId())) : own;
    }

    public Uni<List<Dog>> list(Caller caller, boolean includeArchived, int limit, int offset) {
        Domain domain = scope(caller);
        domain = includeArchived ? domain.and("active", "in", List.of(true, false)) : domain;
        return odoo.searchRead(MODEL, SearchQuery.where(domain).fields(Dog.FIELDS).orderBy("name, id")
                .limit(limit).offset(offset))
                .map(records -> records.stream().map(Dog::of).toList());
    }

    public Uni<Long> count(Caller caller, boolean includeArchived) {
        Domain domain = scope(caller);
        return odoo.searchCount(MODEL, includeArchived ? domain.and("active", "in", List.of(true, false)) : domain);
    }

    /** The dog if the caller may see it (archived ones included); 404 otherwise. */
    public Uni<Dog> get(Caller caller, long id) {
        return odoo.searchRead(MODEL, SearchQuery.where(Domain.where("id", "=", id).and(scope(caller))
                .and("active", "in", List.of(true, false))).fields(Dog.FIELDS).limit(1))
                .map(records -> {
                    if (records.isEmpty()) {
                        throw ApiException.notFound("dog", id);
                    }
                    return Dog.of(records.get(0));
                });
    }

    /** A new dog owned by the caller. */
    public Uni<Dog> create(Caller caller, DogRequest request) {
        DogRequest.requireName(request);
        Map<String, Object> values = new java.util.LinkedHashMap<>(request.odooValues());
        values.put("owner_id", caller.partnerId());
        return odoo.create(MODEL, values)
                .chain(id -> get(caller, id))
                .call(dog -> events.dogCreated(dog));
    }

    public Uni<Dog> update(Caller caller, long id, DogRequest request) {
        Map<String, Object> values = request.odooValues();
        return get(caller, id).chain(existing -> values.isEmpty() ? Uni.createFrom().item(existing)
                : odoo.write(MODEL, List.of(id), values)
                        .chain(() -> get(caller, id))
                        .call(dog -> events.dogUpdated(dog, values.keySet())));
    }

    /** Archives (Odoo's {@code active = false}): the dog's history stays. */
    public Uni<Void> archive(Caller caller, long id) {
        return get(caller, id).chain(existing -> !existing.active() ? Uni.createFrom().voidItem()
                : odoo.write(MODEL, List.of(id), Map.of("active", false))
                        .call(() -> events.dogArchived(existing)));
    }
}

package com.customk9.odoo.client.batch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.customk9.odoo.client.OdooOperations;
import com.customk9.odoo.client.domain.Domain;
import com.customk9.odoo.client.record.OdooRecord;
import com.customk9.odoo.client.record.SearchQuery;

import io.smallrye.mutiny.Uni;

/**
 * Resolves the relational fields of a page of records without N+1: the distinct ids every relation
 * points to are read with one {@code search_read} per related model (relations to the same model
 * share it, their fields merged), in parallel. A related record deleted meanwhile is simply absent.
 * <pre>{@code
 * RelatedRecords.resolve(odoo, dogs, Relation.of("owner_id", "res.partner", "name", "email"))
 *         .map(related -> related.of(dog, "owner_id"));
 * }</pre>
 */
public final class RelatedRecords {

    private final Map<String, String> modelOfField;
    private final Map<String, Map<Long, OdooRecord>> byModel;

    private RelatedRecords(Map<String, String> modelOfField, Map<String, Map<Long, OdooRecord>> byModel) {
        this.modelOfField = modelOfField;
        this.byModel = byModel;
    }

    public static Uni<RelatedRecords> resolve(OdooOperations odoo, Collection<OdooRecord> records, Relation... relations) {
        Map<String, String> modelOfField = new HashMap<>();
        Map<String, Set<String>> fieldsByModel = new LinkedHashMap<>();
        Map<String, Set<Long>> idsByModel = new LinkedHashMap<>();
        for (Relation relation : relations) {
            modelOfField.put(relation.field(), relation.model());
            fieldsByModel.computeIfAbsent(relation.model(), model -> new LinkedHashSet<>()).addAll(relation.fields());
            Set<Long> ids = idsByModel.computeIfAbsent(relation.model(), model -> new LinkedHashSet<>());
            for (OdooRecord record : records) {
                ids.addAll(idsOf(record, relation.field()));
            }
        }
        List<Uni<Map.Entry<String, Map<Long, OdooRecord>>>> reads = new ArrayList<>();
        idsByModel.forEach((model, ids) -> {
            if (ids.isEmpty()) {
                return;
            }
            List<String> fields = new ArrayList<>(fieldsByModel.get(model));
            SearchQuery query = SearchQuery.where(Domain.where("id", "in", List.copyOf(ids))).fields(fields);
            reads.add(odoo.searchRead(model, query).map(found -> {
                Map<Long, OdooRecord> byId = new HashMap<>();
                found.forEach(record -> byId.put(record.id(), record));
                return Map.entry(model, byId);
            }));
        });
        if (reads.isEmpty()) {
            return Uni.createFrom().item(new RelatedRecords(modelOfField, Map.of()));
        }
        return Uni.join().all(reads).andFailFast().map(entries -> {
            Map<String, Map<Long, OdooRecord>> byModel = new HashMap<>();
            entries.forEach(entry -> byModel.put(entry.getKey(), entry.getValue()));
            return new RelatedRecords(modelOfField, byModel);
        });
    }

    /** The record a many2one field of {@code record} points to, if set and still there. */
    public Optional<OdooRecord> of(OdooRecord record, String field) {
        return record.many2oneId(field).flatMap(id -> byId(field, id));
    }

    /** The records an x2many field of {@code record} lists, in its order, skipping deleted ones. */
    public List<OdooRecord> allOf(OdooRecord record, String field) {
        List<OdooRecord> related = new ArrayList<>();
        for (Long id : record.ids(field)) {
            byId(field, id).ifPresent(related::add);
        }
        return related;
    }

    private Optional<OdooRecord> byId(String field, long id) {
        String model = modelOfField.get(field);
        if (model == null) {
            throw new IllegalArgumentException(field + " was not resolved");
        }
        return Optional.ofNullable(byModel.getOrDefault(model, Map.of()).get(id));
    }

    private static List<Long> idsOf(OdooRecord record, String field) {
        Optional<Long> many2one = record.many2oneId(field);
        return many2one.map(List::of).orElseGet(() -> record.ids(field));
    }
}

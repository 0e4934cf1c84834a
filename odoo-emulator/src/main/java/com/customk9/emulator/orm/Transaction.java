package com.customk9.emulator.orm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * One unit of work over the committed {@link RecordTables}: reads see the transaction's own writes; nothing
 * reaches the tables (or PostgreSQL) before {@link #commitTo}. Records handed out are read-only; {@link #put}
 * takes a fresh map.
 */
final class Transaction {

    /** A create, write or unlink to report to listeners once committed. */
    record Change(Orm.RecordListener.Action action, String model, long id, Map<String, Object> valuesBefore) {
    }

    private final RecordTables base;
    private final Map<String, NavigableMap<Long, Map<String, Object>>> written = new HashMap<>();
    private final Map<String, Set<Long>> deleted = new HashMap<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private final List<Change> changes = new ArrayList<>();
    private final Map<String, Collection<Map<String, Object>>> allCache = new HashMap<>();

    Transaction(RecordTables base) {
        this.base = base;
    }

    Map<String, Object> get(String model, long id) {
        if (deleted.getOrDefault(model, Set.of()).contains(id)) {
            return null;
        }
        NavigableMap<Long, Map<String, Object>> own = written.get(model);
        if (own != null && own.containsKey(id)) {
            return own.get(id);
        }
        return base.get(model, id);
    }

    /** Every record of the model, in id order. */
    Collection<Map<String, Object>> all(String model) {
        Collection<Map<String, Object>> cached = allCache.get(model);
        if (cached != null) {
            return cached;
        }
        NavigableMap<Long, Map<String, Object>> committed = base.table(model);
        NavigableMap<Long, Map<String, Object>> own = written.get(model);
        Set<Long> gone = deleted.getOrDefault(model, Set.of());
        Collection<Map<String, Object>> result;
        if (own == null && gone.isEmpty()) {
            result = committed.values();
        } else {
            TreeMap<Long, Map<String, Object>> merged = new TreeMap<>(committed);
            if (own != null) {
                merged.putAll(own);
            }
            gone.forEach(merged::remove);
            result = merged.values();
        }
        allCache.put(model, result);
        return result;
    }

    void put(String model, long id, Map<String, Object> record) {
        written.computeIfAbsent(model, m -> new TreeMap<>()).put(id, record);
        Set<Long> gone = deleted.get(model);
        if (gone != null) {
            gone.remove(id);
        }
        allCache.remove(model);
    }

    /** A private copy of the record to change, stored back with {@link #put}. */
    Map<String, Object> copyOf(String model, long id) {
        Map<String, Object> record = get(model, id);
        return record == null ? null : new LinkedHashMap<>(record);
    }

    void delete(String model, long id) {
        NavigableMap<Long, Map<String, Object>> own = written.get(model);
        if (own != null) {
            own.remove(id);
        }
        deleted.computeIfAbsent(model, m -> new HashSet<>()).add(id);
        allCache.remove(model);
    }

    long nextId(String model) {
        return nextSequence("id:" + model);
    }

    long nextSequence(String name) {
        long next = sequences.getOrDefault(name, base.sequence(name)) + 1;
        sequences.put(name, next);
        return next;
    }

    void record(Change change) {
        changes.add(change);
    }

    List<Change> changes() {
        return changes;
    }

    boolean hasWrites() {
        return !written.isEmpty() || !deleted.isEmpty() || !sequences.isEmpty();
    }

    Map<String, NavigableMap<Long, Map<String, Object>>> written() {
        return written;
    }

    Map<String, Set<Long>> deleted() {
        return deleted;
    }

    Map<String, Long> sequences() {
        return sequences;
    }

    /** Applies the transaction to the committed tables (after PostgreSQL committed it). */
    void commitTo(RecordTables tables) {
        deleted.forEach((model, ids) -> ids.forEach(id -> tables.remove(model, id)));
        written.forEach((model, records) -> records.forEach((id, record) -> tables.put(model, id, record)));
        sequences.forEach(tables::setSequence);
    }
}

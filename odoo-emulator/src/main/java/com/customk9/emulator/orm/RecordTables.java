package com.customk9.emulator.orm;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The committed records, in memory: per model, id to stored values. Only {@link Transaction#commitTo} changes
 * it, under the ORM's write lock; the maps it holds are never mutated once stored (transactions copy on write).
 */
final class RecordTables {

    private final Map<String, NavigableMap<Long, Map<String, Object>>> tables = new HashMap<>();
    private final Map<String, Long> sequences = new HashMap<>();

    Map<String, Object> get(String model, long id) {
        NavigableMap<Long, Map<String, Object>> table = tables.get(model);
        return table == null ? null : table.get(id);
    }

    NavigableMap<Long, Map<String, Object>> table(String model) {
        NavigableMap<Long, Map<String, Object>> table = tables.get(model);
        return table == null ? Collections.emptyNavigableMap() : Collections.unmodifiableNavigableMap(table);
    }

    Collection<String> models() {
        return Collections.unmodifiableSet(tables.keySet());
    }

    long sequence(String name) {
        return sequences.getOrDefault(name, 0L);
    }

    void put(String model, long id, Map<String, Object> record) {
        tables.computeIfAbsent(model, m -> new TreeMap<>()).put(id, record);
    }

    void remove(String model, long id) {
        NavigableMap<Long, Map<String, Object>> table = tables.get(model);
        if (table != null) {
            table.remove(id);
        }
    }

    void setSequence(String name, long value) {
        sequences.put(name, value);
    }

    void clear() {
        tables.clear();
        sequences.clear();
    }

    boolean isEmpty() {
        return tables.values().stream().allMatch(Map::isEmpty);
    }
}

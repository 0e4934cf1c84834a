package com.customk9.emulator.model;

import java.util.Map;

/** Computes for Odoo's {@code related=} fields: follow a many2one, read a field of the record it points at. */
public final class Related {

    private Related() {
    }

    /** {@code related="<link>.<field>"} on {@code model}, where {@code link} is a many2one to {@code target}. */
    public static Compute through(String model, String link, String target, String field) {
        return (records, record) -> {
            Object id = records.value(model, record, link);
            if (!(id instanceof Long targetId)) {
                return null;
            }
            Map<String, Object> targetRecord = records.record(target, targetId);
            return targetRecord == null ? null : records.value(target, targetRecord, field);
        };
    }

    /** Two hops: {@code related="<link>.<link2>.<field>"}. */
    public static Compute through(String model, String link, String middle, String link2, String target, String field) {
        Compute first = through(model, link, middle, link2);
        return (records, record) -> {
            Object id = first.value(records, record);
            if (!(id instanceof Long targetId)) {
                return null;
            }
            Map<String, Object> targetRecord = records.record(target, targetId);
            return targetRecord == null ? null : records.value(target, targetRecord, field);
        };
    }

    public static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : 0.0;
    }

    public static boolean truthy(Object value) {
        return Boolean.TRUE.equals(value);
    }
}

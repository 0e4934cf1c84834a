package com.customk9.odoo.client.record;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One record as Odoo returns it: a map of field name to wire value, with readers that undo Odoo's
 * conventions ({@code false} for empty, many2one pairs, date strings). Immutable.
 */
public final class OdooRecord {

    private final Map<String, Object> fields;

    private OdooRecord(Map<String, Object> fields) {
        this.fields = Collections.unmodifiableMap(fields);
    }

    @SuppressWarnings("unchecked")
    public static OdooRecord of(Object json) {
        Object plain = OdooValues.plain(json);
        if (!(plain instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("An Odoo record is a JSON object");
        }
        return new OdooRecord((Map<String, Object>) map);
    }

    public static List<OdooRecord> listOf(Object jsonArray) {
        Object plain = OdooValues.plain(jsonArray);
        if (!(plain instanceof List<?> list)) {
            throw new IllegalArgumentException("Odoo records come as a JSON array");
        }
        List<OdooRecord> records = new ArrayList<>(list.size());
        list.forEach(item -> records.add(of(item)));
        return List.copyOf(records);
    }

    /** The record id; every record Odoo returns has one. */
    public long id() {
        return longValue("id").orElseThrow(() -> new IllegalStateException("record without id"));
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    /** The raw wire value (maps and lists, {@code false} for empty), or null when not read. */
    public Object raw(String field) {
        return fields.get(field);
    }

    /** The fields as read, unmodifiable. */
    public Map<String, Object> asMap() {
        return fields;
    }

    /** Text, with Odoo's {@code false} (empty char/text/selection) as empty. */
    public Optional<String> string(String field) {
        Object value = fields.get(field);
        return value instanceof String text ? Optional.of(text) : Optional.empty();
    }

    /** Text, or {@code ""} when Odoo sent {@code false}. */
    public String text(String field) {
        return string(field).orElse("");
    }

    public Optional<Long> longValue(String field) {
        Object value = fields.get(field);
        return value instanceof Number number && !(value instanceof Double || value instanceof Float)
                ? Optional.of(number.longValue())
                : Optional.empty();
    }

    /** A float or monetary; note that Odoo sends 0.0, not false, for an empty number. */
    public Optional<BigDecimal> decimal(String field) {
        Object value = fields.get(field);
        return value instanceof Number number ? Optional.of(new BigDecimal(number.toString())) : Optional.empty();
    }

    /** A boolean field: only a JSON {@code true} is true. */
    public boolean bool(String field) {
        return Boolean.TRUE.equals(fields.get(field));
    }

    public Optional<LocalDate> date(String field) {
        return string(field).map(OdooValues::parseDate);
    }

    /** A datetime, naive UTC as Odoo stores it. */
    public Optional<LocalDateTime> dateTime(String field) {
        return string(field).map(OdooValues::parseDateTime);
    }

    /** A many2one: {@code [id, display_name]} or empty for {@code false}. */
    public Optional<Many2one> many2one(String field) {
        return Many2one.from(fields.get(field));
    }

    /** The id of a many2one, or empty. */
    public Optional<Long> many2oneId(String field) {
        return many2one(field).map(Many2one::id);
    }

    /** A one2many or many2many: the list of ids (empty for {@code false} or not read). */
    public List<Long> ids(String field) {
        Object value = fields.get(field);
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>(list.size());
        for (Object item : list) {
            if (item instanceof Number number) {
                ids.add(number.longValue());
            }
        }
        return List.copyOf(ids);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OdooRecord record && fields.equals(record.fields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fields);
    }

    @Override
    public String toString() {
        return "OdooRecord" + fields;
    }
}

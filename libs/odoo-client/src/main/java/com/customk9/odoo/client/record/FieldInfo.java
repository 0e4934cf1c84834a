package com.customk9.odoo.client.record;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One field of a model as {@code fields_get} or {@code /api/v2/fields} describe it. */
public record FieldInfo(String name, Map<String, Object> attributes) {

    public String type() {
        return attributes.get("type") instanceof String type ? type : "";
    }

    /** The label ({@code string} in Odoo). */
    public String label() {
        return attributes.get("string") instanceof String label ? label : name;
    }

    public boolean required() {
        return Boolean.TRUE.equals(attributes.get("required"));
    }

    public boolean readonly() {
        return Boolean.TRUE.equals(attributes.get("readonly"));
    }

    /** The related model of a relational field. */
    public Optional<String> relation() {
        return attributes.get("relation") instanceof String relation && !relation.isEmpty()
                ? Optional.of(relation)
                : Optional.empty();
    }

    /** The allowed values of a selection: each a {@code [value, label]} pair. */
    @SuppressWarnings("unchecked")
    public List<List<Object>> selection() {
        return attributes.get("selection") instanceof List<?> selection ? (List<List<Object>>) selection : List.of();
    }
}

package com.customk9.odoo.client.batch;

import java.util.List;

/** A relational field of the listed records, the model it points to, and the fields to read there. */
public record Relation(String field, String model, List<String> fields) {

    public Relation {
        fields = List.copyOf(fields);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("name the fields to read on " + model);
        }
    }

    public static Relation of(String field, String model, String... fields) {
        return new Relation(field, model, List.of(fields));
    }
}

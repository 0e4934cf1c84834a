package com.customk9.training.project;

import java.util.Map;

/** The orders a project listing may ask for: a field, descending with a leading {@code -}; ties by id. */
record ProjectSort(String order) {

    static final String PATTERN = "-?(name|date_start|date_end)";

    private static final Map<String, String> FIELDS = Map.of("name", "name", "date_start", "date_start", "date_end", "date");

    /** {@code value} must match {@link #PATTERN} (checked at the edge). */
    static ProjectSort parse(String value) {
        boolean descending = value.startsWith("-");
        String field = FIELDS.get(descending ? value.substring(1) : value);
        String direction = descending ? " desc" : " asc";
        return new ProjectSort(field + direction + ", id" + direction);
    }
}

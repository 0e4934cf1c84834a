package com.customk9.odoo.client.record;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import com.customk9.odoo.client.domain.Domain;

/**
 * What to search: a domain, the fields to read (explicit: reading every field of an Odoo model is
 * slow and leaks), an order ({@code "name asc, id desc"}), a page. Immutable; each method returns a copy.
 */
public final class SearchQuery {

    private static final Pattern ORDER = Pattern.compile(
            "\\s*[A-Za-z_][A-Za-z0-9_.]*(\\s+(?i:asc|desc))?(\\s+(?i:nulls\\s+(first|last)))?\\s*"
                    + "(,\\s*[A-Za-z_][A-Za-z0-9_.]*(\\s+(?i:asc|desc))?(\\s+(?i:nulls\\s+(first|last)))?\\s*)*");

    private final Domain domain;
    private final List<String> fields;
    private final String order;
    private final Integer limit;
    private final int offset;

    private SearchQuery(Domain domain, List<String> fields, String order, Integer limit, int offset) {
        this.domain = Objects.requireNonNull(domain, "domain");
        this.fields = List.copyOf(fields);
        this.order = order;
        this.limit = limit;
        this.offset = offset;
    }

    public static SearchQuery where(Domain domain) {
        return new SearchQuery(domain, List.of(), null, null, 0);
    }

    public static SearchQuery all() {
        return where(Domain.all());
    }

    public SearchQuery fields(String... fields) {
        return fields(Arrays.asList(fields));
    }

    public SearchQuery fields(List<String> fields) {
        return new SearchQuery(domain, fields, order, limit, offset);
    }

    /** Odoo's order clause, e.g. {@code "date_start desc, id"}. */
    public SearchQuery orderBy(String order) {
        if (order != null && !ORDER.matcher(order).matches()) {
            throw new IllegalArgumentException("Not an Odoo order clause: " + order);
        }
        return new SearchQuery(domain, fields, order, limit, offset);
    }

    public SearchQuery limit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        return new SearchQuery(domain, fields, order, limit, offset);
    }

    public SearchQuery offset(int offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset cannot be negative");
        }
        return new SearchQuery(domain, fields, order, limit, offset);
    }

    public Domain domain() {
        return domain;
    }

    public List<String> fields() {
        return fields;
    }

    public Optional<String> order() {
        return Optional.ofNullable(order);
    }

    public Optional<Integer> limit() {
        return Optional.ofNullable(limit);
    }

    public int offset() {
        return offset;
    }
}

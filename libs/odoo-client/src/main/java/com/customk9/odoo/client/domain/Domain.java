package com.customk9.odoo.client.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import com.customk9.odoo.client.record.OdooValues;

import io.vertx.core.json.JsonArray;

/**
 * An Odoo search domain, built in Java and written in Odoo's prefix notation:
 * {@code Domain.where("owner_id", "=", 7).and("active", "=", true)} is
 * {@code ["&", ["owner_id", "=", 7], ["active", "=", true]]}. Combinators are left-associative:
 * {@code a.and(b).or(c)} is {@code (a AND b) OR c}. Immutable; the empty domain matches everything.
 */
public final class Domain {

    private static final Pattern FIELD_PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Domain ALL = new Domain(List.of());
    /** Odoo's FALSE_DOMAIN written with a real field so every server evaluates it the same. */
    private static final Domain NONE = new Domain(List.of(List.of("id", "in", List.of())));

    /** Operators ("&", "|", "!") and leaves ([field, operator, value]) in prefix order. */
    private final List<Object> terms;

    private Domain(List<Object> terms) {
        this.terms = Collections.unmodifiableList(terms);
    }

    /** The empty domain: every record. */
    public static Domain all() {
        return ALL;
    }

    /** No record at all. */
    public static Domain none() {
        return NONE;
    }

    public static Domain where(String field, String operator, Object value) {
        return where(field, Operator.of(operator), value);
    }

    public static Domain where(String field, Operator operator, Object value) {
        return new Domain(List.of(leaf(field, operator, value)));
    }

    /** All of the domains (AND); empty ones are ignored. */
    public static Domain allOf(Domain... domains) {
        return combine("&", List.of(domains));
    }

    /** Any of the domains (OR); an empty list matches nothing, an empty domain among them everything. */
    public static Domain anyOf(Domain... domains) {
        if (domains.length == 0) {
            return NONE;
        }
        return combine("|", List.of(domains));
    }

    public static Domain not(Domain domain) {
        if (domain.isEmpty()) {
            return NONE;
        }
        List<Object> terms = new ArrayList<>(domain.terms.size() + 1);
        terms.add("!");
        terms.addAll(domain.terms);
        return new Domain(terms);
    }

    public Domain and(String field, String operator, Object value) {
        return and(where(field, operator, value));
    }

    public Domain and(String field, Operator operator, Object value) {
        return and(where(field, operator, value));
    }

    public Domain and(Domain other) {
        return combine("&", List.of(this, other));
    }

    public Domain or(String field, String operator, Object value) {
        return or(where(field, operator, value));
    }

    public Domain or(String field, Operator operator, Object value) {
        return or(where(field, operator, value));
    }

    public Domain or(Domain other) {
        return combine("|", List.of(this, other));
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }

    /** The domain as JSON-ready lists, strings, numbers and booleans. */
    public List<Object> toList() {
        return terms;
    }

    public JsonArray toJsonArray() {
        return new JsonArray(new ArrayList<>(terms));
    }

    /** The domain as Odoo's JSON, e.g. for the {@code domain} query parameter of {@code /api/v2/search}. */
    public String toJson() {
        return toJsonArray().encode();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Domain domain && terms.equals(domain.terms);
    }

    @Override
    public int hashCode() {
        return terms.hashCode();
    }

    @Override
    public String toString() {
        return toJson();
    }

    private static Domain combine(String operator, List<Domain> domains) {
        List<Domain> parts = new ArrayList<>();
        for (Domain domain : domains) {
            if (domain == null) {
                throw new IllegalArgumentException("A domain cannot be null; use Domain.all()");
            }
            if (domain.isEmpty()) {
                if (operator.equals("|")) {
                    return ALL; // anything OR everything is everything
                }
                continue;
            }
            parts.add(domain);
        }
        if (parts.isEmpty()) {
            return ALL;
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        List<Object> terms = new ArrayList<>();
        for (int i = 1; i < parts.size(); i++) {
            terms.add(operator);
        }
        parts.forEach(part -> terms.addAll(part.terms));
        return new Domain(terms);
    }

    private static List<Object> leaf(String field, Operator operator, Object value) {
        if (field == null || !FIELD_PATH.matcher(field).matches()) {
            throw new IllegalArgumentException("Not a field name or dotted path: " + field);
        }
        if (operator == null) {
            throw new IllegalArgumentException("A domain leaf needs an operator");
        }
        Object odooValue = OdooValues.toOdoo(value);
        if (operator.takesList() && !(odooValue instanceof List)) {
            throw new IllegalArgumentException("'" + operator.symbol() + "' takes a collection of values");
        }
        if (!operator.takesList() && odooValue instanceof List && !isHierarchy(operator)) {
            throw new IllegalArgumentException("'" + operator.symbol() + "' takes a single value, not a collection");
        }
        List<Object> leaf = new ArrayList<>(3);
        leaf.add(field);
        leaf.add(operator.symbol());
        leaf.add(odooValue);
        return Collections.unmodifiableList(leaf);
    }

    private static boolean isHierarchy(Operator operator) {
        return operator == Operator.CHILD_OF || operator == Operator.PARENT_OF;
    }
}

package com.customk9.emulator.orm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.customk9.emulator.model.FieldDef;
import com.customk9.emulator.model.FieldType;
import com.customk9.emulator.model.ModelDef;

/**
 * An {@code order} specification ({@code "date_begin desc, id"}): comma-separated field names, each optionally
 * followed by {@code asc}/{@code desc} and {@code nulls first}/{@code nulls last}. Unset values sort as
 * PostgreSQL sorts NULL (last ascending, first descending); many2one fields sort as the linked model orders
 * its records (its {@code _order}); ties are always broken by id, ascending, so paging is stable.
 */
final class OrderSpec {

    private static final Pattern TERM = Pattern.compile(
            "^\\s*([a-z0-9_]+)(\\s+(asc|desc))?(\\s+nulls\\s+(first|last))?\\s*$", Pattern.CASE_INSENSITIVE);

    record Term(FieldDef field, boolean descending, boolean nullsFirst) {
    }

    private final List<Term> terms;

    private OrderSpec(List<Term> terms) {
        this.terms = terms;
    }

    List<Term> terms() {
        return terms;
    }

    static OrderSpec parse(ModelDef model, String order) {
        String spec = order == null || order.isBlank() ? model.order() : order;
        List<Term> terms = new ArrayList<>();
        boolean hasId = false;
        for (String part : spec.split(",")) {
            Matcher matcher = TERM.matcher(part);
            if (!matcher.matches()) {
                throw new OdooException.ValueError("Invalid \"order\" specified (" + spec + "). A valid \"order\" "
                        + "specification is a comma-separated list of valid field names (optionally followed by "
                        + "asc/desc for the direction)");
            }
            String name = matcher.group(1);
            FieldDef field = model.field(name);
            if (field == null) {
                throw new OdooException.ValueError("Invalid field " + PythonRepr.of(name) + " on model "
                        + PythonRepr.of(model.name()));
            }
            if (field.type().isX2Many()) {
                continue;
            }
            boolean descending = "desc".equalsIgnoreCase(matcher.group(3));
            boolean nullsFirst = matcher.group(5) == null ? descending
                    : "first".equals(matcher.group(5).toLowerCase(Locale.ROOT));
            terms.add(new Term(field, descending, nullsFirst));
            hasId |= name.equals("id");
        }
        if (!hasId) {
            terms.add(new Term(model.field("id"), false, false));
        }
        return new OrderSpec(List.copyOf(terms));
    }

    Comparator<Map<String, Object>> comparator(ModelDef model, RecordValues values) {
        return comparator(model, values, 0);
    }

    private Comparator<Map<String, Object>> comparator(ModelDef model, RecordValues values, int depth) {
        Comparator<Map<String, Object>> result = null;
        for (Term term : terms) {
            Comparator<Map<String, Object>> next;
            if (term.field().type() == FieldType.MANY2ONE && depth < 3) {
                next = linkedRecordOrder(model, values, term, depth);
            } else {
                next = (a, b) -> compare(term, sortKey(model, values, term.field(), a),
                        sortKey(model, values, term.field(), b));
            }
            result = result == null ? next : result.thenComparing(next);
        }
        return result;
    }

    /** Odoo orders by a many2one as the linked model orders its records ({@code _order}), reversed for desc. */
    private static Comparator<Map<String, Object>> linkedRecordOrder(ModelDef model, RecordValues values, Term term,
            int depth) {
        ModelDef comodel = values.registry().find(term.field().relation()).orElseThrow();
        Comparator<Map<String, Object>> linkedOrder = parse(comodel, null).comparator(comodel, values, depth + 1);
        return (a, b) -> {
            Map<String, Object> linkedA = linked(model, values, term.field(), a);
            Map<String, Object> linkedB = linked(model, values, term.field(), b);
            if (linkedA == null || linkedB == null) {
                return compare(term, linkedA, linkedB);
            }
            int result = linkedOrder.compare(linkedA, linkedB);
            return term.descending() ? -result : result;
        };
    }

    private static Map<String, Object> linked(ModelDef model, RecordValues values, FieldDef field,
            Map<String, Object> record) {
        Object id = values.value(model, record, field);
        return id instanceof Long linkedId ? values.record(field.relation(), linkedId) : null;
    }

    private static Object sortKey(ModelDef model, RecordValues values, FieldDef field, Map<String, Object> record) {
        Object value = values.value(model, record, field);
        if (field.type() == FieldType.MANY2ONE && value instanceof Long id) {
            return values.displayName(field.relation(), id);
        }
        if (field.type() == FieldType.BOOLEAN) {
            return Boolean.TRUE.equals(value);
        }
        return value;
    }

    private static int compare(Term term, Object a, Object b) {
        if (a == null || b == null) {
            if (a == b) {
                return 0;
            }
            return (a == null) == term.nullsFirst() ? -1 : 1;
        }
        int result;
        if (a instanceof Number x && b instanceof Number y) {
            result = Double.compare(x.doubleValue(), y.doubleValue());
        } else if (a instanceof Boolean x && b instanceof Boolean y) {
            result = Boolean.compare(x, y);
        } else {
            FieldType type = term.field().type();
            boolean text = type == FieldType.CHAR || type == FieldType.TEXT || type == FieldType.HTML
                    || type == FieldType.MANY2ONE;
            result = text ? DomainMatcher.TEXT_ORDER.compare(a.toString(), b.toString())
                    : a.toString().compareTo(b.toString());
        }
        return term.descending() ? -result : result;
    }
}

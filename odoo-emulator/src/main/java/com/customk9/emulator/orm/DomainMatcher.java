package com.customk9.emulator.orm;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.customk9.emulator.model.FieldDef;
import com.customk9.emulator.model.FieldType;
import com.customk9.emulator.model.ModelDef;
import com.customk9.emulator.orm.Domain.And;
import com.customk9.emulator.orm.Domain.Constant;
import com.customk9.emulator.orm.Domain.Leaf;
import com.customk9.emulator.orm.Domain.Node;
import com.customk9.emulator.orm.Domain.Not;
import com.customk9.emulator.orm.Domain.Or;

/**
 * Evaluates domains over the records of a transaction with the semantics of Odoo 17's SQL translation:
 * {@code = False} matches unset values, {@code !=}, {@code not in} and {@code not like} also match unset values,
 * dates compare as dates (a bare date against a datetime means midnight, or 23:59:59 for {@code >} and
 * {@code <=}), many2one and x2many fields accept ids or names (resolved by name search), dotted paths mean "some
 * related record matches", {@code child_of}/{@code parent_of} follow the model's parent field. One matcher serves
 * one search: it caches what sub-searches found.
 */
final class DomainMatcher {

    static final Collator TEXT_ORDER = textOrder();

    private final RecordValues values;
    private final Map<Leaf, Set<Long>> subResults = new IdentityHashMap<>();

    DomainMatcher(RecordValues values) {
        this.values = values;
    }

    private static Collator textOrder() {
        Collator collator = Collator.getInstance(Locale.US);
        collator.setStrength(Collator.TERTIARY);
        return collator;
    }

    /** The records of {@code model} matching {@code domain}, in id order; active filtering as Odoo's active_test. */
    List<Map<String, Object>> filter(ModelDef model, Node domain, boolean activeTest) {
        validate(model, domain);
        Node effective = withActiveTest(model, domain, activeTest);
        List<Map<String, Object>> matching = new ArrayList<>();
        for (Map<String, Object> record : values.records(model.name())) {
            if (matches(model, record, effective)) {
                matching.add(record);
            }
        }
        return matching;
    }

    Set<Long> searchIds(ModelDef model, Node domain, boolean activeTest) {
        Set<Long> ids = new LinkedHashSet<>();
        for (Map<String, Object> record : filter(model, domain, activeTest)) {
            ids.add((Long) record.get("id"));
        }
        return ids;
    }

    static Node withActiveTest(ModelDef model, Node domain, boolean activeTest) {
        if (activeTest && model.hasActive() && !Domain.mentionsActive(domain)) {
            return Domain.and(new Leaf("active", List.of("active"), "=", Boolean.TRUE), domain);
        }
        return domain;
    }

    /** Checks every leaf names existing fields (through relations for dotted paths), as Odoo does before SQL. */
    void validate(ModelDef model, Node node) {
        if (node instanceof And and) {
            validate(model, and.left());
            validate(model, and.right());
        } else if (node instanceof Or or) {
            validate(model, or.left());
            validate(model, or.right());
        } else if (node instanceof Not not) {
            validate(model, not.child());
        } else if (node instanceof Leaf leaf) {
            ModelDef current = model;
            for (int i = 0; i < leaf.path().size(); i++) {
                FieldDef field = current.field(leaf.path().get(i));
                if (field == null) {
                    throw new OdooException.ValueError("Invalid field " + current.name() + "." + leaf.path().get(i)
                            + " in leaf " + leaf.repr());
                }
                boolean last = i == leaf.path().size() - 1;
                if (!last && !field.type().isRelational()) {
                    throw new OdooException.ValueError("Invalid field " + current.name() + "." + field.name()
                            + " in leaf " + leaf.repr() + ": " + field.name() + " is not a relational field");
                }
                if (last && (leaf.operator().equals("any") || leaf.operator().equals("not any"))) {
                    if (!field.type().isRelational()) {
                        throw new OdooException.ValueError("Invalid leaf " + leaf.repr()
                                + ": 'any' needs a relational field");
                    }
                    validate(comodel(field), Domain.parse((List<?>) leaf.value()));
                }
                if (field.type().isRelational()) {
                    current = comodel(field);
                }
            }
        }
    }

    boolean matches(ModelDef model, Map<String, Object> record, Node node) {
        if (node instanceof And and) {
            return matches(model, record, and.left()) && matches(model, record, and.right());
        }
        if (node instanceof Or or) {
            return matches(model, record, or.left()) || matches(model, record, or.right());
        }
        if (node instanceof Not not) {
            return !matches(model, record, not.child());
        }
        if (node instanceof Constant constant) {
            return constant.value();
        }
        return leaf(model, record, (Leaf) node);
    }

    private boolean leaf(ModelDef model, Map<String, Object> record, Leaf leaf) {
        FieldDef field = model.field(leaf.path().get(0));
        String operator = leaf.operator();
        Object value = leaf.value();
        if (leaf.path().size() > 1) {
            Set<Long> matching = subResults.computeIfAbsent(leaf, l -> {
                Leaf rest = new Leaf(String.join(".", l.path().subList(1, l.path().size())),
                        l.path().subList(1, l.path().size()), operator, value);
                return searchIds(comodel(field), rest, field.type().isX2Many());
            });
            return intersects(values.relatedIds(model, record, field), matching);
        }
        if (operator.equals("any") || operator.equals("not any")) {
            Set<Long> matching = subResults.computeIfAbsent(leaf, l ->
                    searchIds(comodel(field), Domain.parse((List<?>) value), field.type().isX2Many()));
            boolean any = intersects(values.relatedIds(model, record, field), matching);
            return operator.equals("any") == any;
        }
        if (operator.equals("child_of") || operator.equals("parent_of")) {
            ModelDef hierarchyModel = field.type().isRelational() ? comodel(field) : model;
            Set<Long> family = subResults.computeIfAbsent(leaf, l ->
                    hierarchy(hierarchyModel, value, operator.equals("child_of")));
            List<Long> ids = field.type().isRelational() ? values.relatedIds(model, record, field)
                    : List.of((Long) record.get("id"));
            return intersects(ids, family);
        }
        if (field.type().isX2Many()) {
            return x2many(model, record, field, leaf);
        }
        if (field.type() == FieldType.MANY2ONE && namesInValue(value)) {
            String positive = positive(operator);
            Set<Long> named = subResults.computeIfAbsent(leaf, l -> byName(comodel(field), nameOperator(positive,
                    value), value, false));
            Object id = values.value(model, record, field);
            boolean found = id instanceof Long l && named.contains(l);
            return Domain.NEGATIVE_OPERATORS.contains(operator) ? !found : found;
        }
        FieldType type = field.type() == FieldType.MANY2ONE ? FieldType.INTEGER : field.type();
        return scalar(type, values.value(model, record, field), operator, value);
    }

    private boolean x2many(ModelDef model, Map<String, Object> record, FieldDef field, Leaf leaf) {
        String operator = leaf.operator();
        Object value = leaf.value();
        List<Long> related = values.relatedIds(model, record, field);
        boolean negative = Domain.NEGATIVE_OPERATORS.contains(operator);
        if (value == null || Boolean.FALSE.equals(value)) {
            return negative == !related.isEmpty();
        }
        Set<Long> wanted = subResults.computeIfAbsent(leaf, l -> {
            if (namesInValue(value)) {
                return byName(comodel(field), nameOperator(positive(operator), value), value, true);
            }
            Set<Long> ids = new HashSet<>();
            for (Object item : asList(value)) {
                if (item instanceof Number n) {
                    ids.add(n.longValue());
                }
            }
            return ids;
        });
        boolean found = intersects(related, wanted);
        return negative != found;
    }

    /** SQL semantics of one column against one value. */
    boolean scalar(FieldType type, Object stored, String operator, Object value) {
        switch (operator) {
            case "=?":
                return value == null || Boolean.FALSE.equals(value) || scalar(type, stored, "=", value);
            case "in":
                return in(type, stored, value);
            case "not in":
                return !in(type, stored, value);
            case "=":
                if (value == null || Boolean.FALSE.equals(value) && type != FieldType.BOOLEAN) {
                    return isUnset(type, stored);
                }
                return stored != null && equalsTyped(type, stored, value);
            case "!=":
                if (value == null || Boolean.FALSE.equals(value) && type != FieldType.BOOLEAN) {
                    return !isUnset(type, stored);
                }
                return stored == null || !equalsTyped(type, stored, value);
            case "<", "<=", ">", ">=":
                if (stored == null || value == null || Boolean.FALSE.equals(value) && type != FieldType.BOOLEAN) {
                    return false;
                }
                Integer comparison = compareTyped(type, stored, value, operator);
                if (comparison == null) {
                    return false;
                }
                return switch (operator) {
                    case "<" -> comparison < 0;
                    case "<=" -> comparison <= 0;
                    case ">" -> comparison > 0;
                    default -> comparison >= 0;
                };
            case "like", "ilike", "=like", "=ilike":
                return stored != null && like(text(stored), pattern(operator, value), operator.contains("ilike"));
            case "not like", "not ilike":
                return stored == null || !like(text(stored), pattern(operator, value), operator.contains("ilike"));
            default:
                throw new OdooException.ValueError("Invalid operator " + PythonRepr.of(operator));
        }
    }

    private static boolean isUnset(FieldType type, Object stored) {
        return stored == null || type == FieldType.BOOLEAN && Boolean.FALSE.equals(stored);
    }

    private boolean in(FieldType type, Object stored, Object value) {
        boolean acceptsUnset = false;
        for (Object item : asList(value)) {
            if (item == null || Boolean.FALSE.equals(item) && type != FieldType.BOOLEAN) {
                acceptsUnset = true;
            } else if (type == FieldType.BOOLEAN && Boolean.FALSE.equals(item)) {
                if (isUnset(type, stored)) {
                    return true;
                }
            } else if (stored != null && equalsTyped(type, stored, item)) {
                return true;
            }
        }
        return acceptsUnset && stored == null;
    }

    private static List<?> asList(Object value) {
        if (value instanceof Collection<?> collection) {
            return new ArrayList<>(collection);
        }
        List<Object> single = new ArrayList<>();
        single.add(value);
        return single;
    }

    private boolean equalsTyped(FieldType type, Object stored, Object value) {
        switch (type) {
            case INTEGER, FLOAT, MONETARY, MANY2ONE: {
                Double number = toNumber(value);
                return number != null && ((Number) stored).doubleValue() == number;
            }
            case BOOLEAN:
                return Boolean.TRUE.equals(stored) == !ValueConverter.isFalsy(value);
            case DATE:
                return value instanceof String s && stored.equals(s.length() > 10 ? s.substring(0, 10) : s);
            case DATETIME:
                return value instanceof String s && stored.equals(datetimeBound(s, "="));
            default:
                return stored.toString().equals(value instanceof String s ? s : PythonRepr.of(value));
        }
    }

    private Integer compareTyped(FieldType type, Object stored, Object value, String operator) {
        switch (type) {
            case INTEGER, FLOAT, MONETARY, MANY2ONE: {
                Double number = toNumber(value);
                return number == null ? null : Double.compare(((Number) stored).doubleValue(), number);
            }
            case BOOLEAN:
                return Boolean.compare(Boolean.TRUE.equals(stored), !ValueConverter.isFalsy(value));
            case DATE:
                return value instanceof String s ? stored.toString().compareTo(s.length() > 10 ? s.substring(0, 10) : s)
                        : null;
            case DATETIME:
                return value instanceof String s ? stored.toString().compareTo(datetimeBound(s, operator)) : null;
            case SELECTION:
                return value instanceof String s ? stored.toString().compareTo(s) : null;
            default:
                return value instanceof String s ? TEXT_ORDER.compare(stored.toString(), s) : null;
        }
    }

    /** Odoo 17: a date given for a datetime means the end of that day for {@code >} and {@code <=}. */
    private static String datetimeBound(String value, String operator) {
        if (value.length() == 10) {
            return value + (operator.equals(">") || operator.equals("<=") ? " 23:59:59" : " 00:00:00");
        }
        return value.length() > 19 ? value.substring(0, 19) : value;
    }

    private static Double toNumber(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String text(Object stored) {
        if (stored instanceof Double d) {
            return PythonRepr.of(d);
        }
        if (stored instanceof Boolean b) {
            return b ? "true" : "false";
        }
        return stored.toString();
    }

    private static String pattern(String operator, Object value) {
        String raw = value == null || Boolean.FALSE.equals(value) ? "" : value instanceof String s ? s
                : PythonRepr.of(value);
        return operator.startsWith("=") ? raw : "%" + raw + "%";
    }

    /** SQL LIKE: {@code %} any run, {@code _} one character, backslash escapes. */
    static boolean like(String text, String pattern, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        return Pattern.compile(regex.toString(), flags).matcher(text).matches();
    }

    private static boolean namesInValue(Object value) {
        if (value instanceof String) {
            return true;
        }
        return value instanceof Collection<?> items && !items.isEmpty()
                && items.stream().allMatch(item -> item instanceof String);
    }

    private static String positive(String operator) {
        return switch (operator) {
            case "!=" -> "=";
            case "not like" -> "like";
            case "not ilike" -> "ilike";
            case "not in" -> "in";
            default -> operator;
        };
    }

    /** Odoo's adjustments before a name search: {@code <} and friends become {@code in}, lists use {@code in}. */
    private static String nameOperator(String operator, Object value) {
        if (operator.equals("<") || operator.equals(">") || operator.equals("<=") || operator.equals(">=")) {
            return "in";
        }
        if (value instanceof String && operator.equals("in")) {
            return "=";
        }
        if (value instanceof Collection<?> && operator.equals("=")) {
            return "in";
        }
        return operator;
    }

    private Set<Long> byName(ModelDef model, String operator, Object name, boolean activeTest) {
        if (name instanceof Collection<?> names && !operator.equals("in")) {
            Set<Long> ids = new HashSet<>();
            for (Object each : names) {
                ids.addAll(byName(model, operator, each, activeTest));
            }
            return ids;
        }
        return searchIds(model, Domain.parse(NameSearch.domain(model, operator, name)), activeTest);
    }

    private Set<Long> hierarchy(ModelDef model, Object value, boolean descendants) {
        Set<Long> roots = new LinkedHashSet<>();
        for (Object item : asList(value)) {
            if (item instanceof Number n) {
                roots.add(n.longValue());
            } else if (item instanceof String name) {
                roots.addAll(searchIds(model, Domain.parse(NameSearch.domain(model, "ilike", name)), false));
            }
        }
        String parentField = model.parentName();
        if (roots.isEmpty() || parentField == null) {
            return roots;
        }
        Set<Long> family = new LinkedHashSet<>(roots);
        if (descendants) {
            Map<Long, List<Long>> children = new HashMap<>();
            for (Map<String, Object> record : values.records(model.name())) {
                if (record.get(parentField) instanceof Long parent) {
                    children.computeIfAbsent(parent, p -> new ArrayList<>()).add((Long) record.get("id"));
                }
            }
            List<Long> pending = new ArrayList<>(roots);
            while (!pending.isEmpty()) {
                Long next = pending.remove(pending.size() - 1);
                for (Long child : children.getOrDefault(next, List.of())) {
                    if (family.add(child)) {
                        pending.add(child);
                    }
                }
            }
        } else {
            for (Long root : roots) {
                Map<String, Object> record = values.record(model.name(), root);
                while (record != null && record.get(parentField) instanceof Long parent && family.add(parent)) {
                    record = values.record(model.name(), parent);
                }
            }
        }
        return family;
    }

    private ModelDef comodel(FieldDef field) {
        return values.registry().find(field.relation()).orElseThrow();
    }

    private static boolean intersects(Collection<Long> ids, Set<Long> wanted) {
        for (Long id : ids) {
            if (wanted.contains(id)) {
                return true;
            }
        }
        return false;
    }
}

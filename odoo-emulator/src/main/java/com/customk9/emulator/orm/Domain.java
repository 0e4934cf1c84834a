package com.customk9.emulator.orm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A parsed Odoo domain: prefix notation with {@code &}, {@code |}, {@code !} and the implicit {@code &} between
 * consecutive terms, normalised as Odoo 17's {@code expression.normalize_domain} does. Syntax only: field names
 * are checked against a model by {@link DomainMatcher}.
 */
final class Domain {

    static final Set<String> OPERATORS = Set.of("=", "!=", "<=", "<", ">", ">=", "=?", "=like", "=ilike", "like",
            "not like", "ilike", "not ilike", "in", "not in", "child_of", "parent_of", "any", "not any");

    /** Odoo's NEGATIVE_TERM_OPERATORS. */
    static final Set<String> NEGATIVE_OPERATORS = Set.of("!=", "not like", "not ilike", "not in", "not any");

    sealed interface Node permits And, Or, Not, Leaf, Constant {
    }

    record And(Node left, Node right) implements Node {
    }

    record Or(Node left, Node right) implements Node {
    }

    record Not(Node child) implements Node {
    }

    /** A term {@code (path, operator, value)}; {@code path} is the dotted field name split on dots. */
    record Leaf(String field, List<String> path, String operator, Object value) implements Node {
        String repr() {
            return PythonRepr.leaf(field, operator, value);
        }
    }

    /** Odoo's TRUE_LEAF {@code (1, '=', 1)} and FALSE_LEAF {@code (0, '=', 1)}. */
    record Constant(boolean value) implements Node {
    }

    static final Node TRUE = new Constant(true);

    private Domain() {
    }

    /** Parses a domain as JSON carries it; {@code null} or empty matches everything. */
    static Node parse(List<?> domain) {
        if (domain == null || domain.isEmpty()) {
            return TRUE;
        }
        List<Object> normalized = normalize(domain);
        int[] position = {0};
        Node node = readNode(normalized, position, domain);
        return node;
    }

    private static List<Object> normalize(List<?> domain) {
        List<Object> result = new ArrayList<>();
        int expected = 1;
        for (Object token : domain) {
            if (expected == 0) {
                result.add(0, "&");
                expected = 1;
            }
            if (token instanceof List<?> || token instanceof Object[]) {
                expected -= 1;
                result.add(toLeaf(token));
            } else if ("!".equals(token)) {
                result.add(token);
            } else if ("&".equals(token) || "|".equals(token)) {
                expected += 1;
                result.add(token);
            } else {
                throw new OdooException.ValueError("Invalid leaf " + PythonRepr.of(token));
            }
        }
        if (expected != 0) {
            throw new OdooException.ValueError("Domain " + PythonRepr.of(domain) + " is syntactically not correct.");
        }
        return result;
    }

    private static Node readNode(List<Object> tokens, int[] position, List<?> original) {
        if (position[0] >= tokens.size()) {
            throw new OdooException.ValueError("Domain " + PythonRepr.of(original) + " is syntactically not correct.");
        }
        Object token = tokens.get(position[0]++);
        if ("!".equals(token)) {
            return new Not(readNode(tokens, position, original));
        }
        if ("&".equals(token)) {
            Node left = readNode(tokens, position, original);
            return new And(left, readNode(tokens, position, original));
        }
        if ("|".equals(token)) {
            Node left = readNode(tokens, position, original);
            return new Or(left, readNode(tokens, position, original));
        }
        return (Node) token;
    }

    private static Node toLeaf(Object token) {
        List<?> term = token instanceof Object[] array ? Arrays.asList(array) : (List<?>) token;
        if (term.size() != 3) {
            throw new OdooException.ValueError("Invalid leaf " + PythonRepr.of(term));
        }
        Object left = term.get(0);
        Object operator = term.get(1);
        Object right = term.get(2);
        if (isNumber(left, 1) && "=".equals(operator) && isNumber(right, 1)) {
            return new Constant(true);
        }
        if (isNumber(left, 0) && "=".equals(operator) && isNumber(right, 1)) {
            return new Constant(false);
        }
        if (!(left instanceof String field) || field.isEmpty() || !(operator instanceof String op)) {
            throw new OdooException.ValueError("Invalid leaf " + PythonRepr.leaf(left, operator, right));
        }
        String normalized = op.toLowerCase(Locale.ROOT);
        if ("<>".equals(normalized)) {
            normalized = "!=";
        }
        if (!OPERATORS.contains(normalized)) {
            throw new OdooException.ValueError("Invalid leaf " + PythonRepr.leaf(left, operator, right));
        }
        if (("any".equals(normalized) || "not any".equals(normalized)) && !(right instanceof List<?>)) {
            throw new OdooException.ValueError("Invalid leaf " + PythonRepr.leaf(left, operator, right)
                    + ": the value of 'any' must be a domain");
        }
        List<String> path = List.of(field.split("\\.", -1));
        if (path.stream().anyMatch(String::isEmpty)) {
            throw new OdooException.ValueError("Invalid leaf " + PythonRepr.leaf(left, operator, right));
        }
        return new Leaf(field, Collections.unmodifiableList(path), normalized, right);
    }

    private static boolean isNumber(Object value, long expected) {
        return (value instanceof Integer || value instanceof Long) && ((Number) value).longValue() == expected;
    }

    /** Whether a leaf names {@code active} itself (Odoo's test for switching off the implicit active filter). */
    static boolean mentionsActive(Node node) {
        if (node instanceof Leaf leaf) {
            return leaf.field().equals("active");
        }
        if (node instanceof And and) {
            return mentionsActive(and.left()) || mentionsActive(and.right());
        }
        if (node instanceof Or or) {
            return mentionsActive(or.left()) || mentionsActive(or.right());
        }
        if (node instanceof Not not) {
            return mentionsActive(not.child());
        }
        return false;
    }

    static Node and(Node left, Node right) {
        return new And(left, right);
    }
}

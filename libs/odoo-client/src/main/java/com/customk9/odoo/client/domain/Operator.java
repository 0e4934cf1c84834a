package com.customk9.odoo.client.domain;

import java.util.Arrays;

/** The comparison operators of an Odoo domain leaf. */
public enum Operator {
    EQ("="),
    NE("!="),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">="),
    /** Equal, or true when the value is false/None (an optional filter). */
    EQ_OR_UNSET("=?"),
    LIKE("like"),
    NOT_LIKE("not like"),
    ILIKE("ilike"),
    NOT_ILIKE("not ilike"),
    /** A SQL LIKE pattern used as given (no implicit %...%). */
    EQ_LIKE("=like"),
    EQ_ILIKE("=ilike"),
    IN("in"),
    NOT_IN("not in"),
    CHILD_OF("child_of"),
    PARENT_OF("parent_of");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean takesList() {
        return this == IN || this == NOT_IN;
    }

    public static Operator of(String symbol) {
        String normalized = symbol == null ? "" : symbol.trim().toLowerCase(java.util.Locale.ROOT);
        // Odoo accepts "<>" as a synonym of "!=" and "==" of "=".
        if (normalized.equals("<>")) {
            return NE;
        }
        if (normalized.equals("==")) {
            return EQ;
        }
        return Arrays.stream(values())
                .filter(operator -> operator.symbol.equals(normalized))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown domain operator: " + symbol));
    }
}

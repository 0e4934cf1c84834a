package com.customk9.emulator.model;

/** Odoo's field types, named as {@code fields_get} reports them. */
public enum FieldType {
    CHAR, TEXT, HTML, INTEGER, FLOAT, MONETARY, BOOLEAN, DATE, DATETIME, SELECTION, MANY2ONE, ONE2MANY, MANY2MANY,
    BINARY;

    public String odooName() {
        return name().toLowerCase();
    }

    public boolean isX2Many() {
        return this == ONE2MANY || this == MANY2MANY;
    }

    public boolean isRelational() {
        return this == MANY2ONE || isX2Many();
    }

    public boolean isNumeric() {
        return this == INTEGER || this == FLOAT || this == MONETARY;
    }

    /** Types whose empty value is stored as NULL and read as {@code false}. */
    public boolean isStringLike() {
        return this == CHAR || this == TEXT || this == HTML || this == SELECTION || this == BINARY;
    }
}

package com.customk9.emulator.orm;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** The Python type name of a JSON value, as Odoo's error messages print it. */
public final class PythonTypes {

    private PythonTypes() {
    }

    public static String nameOf(Object value) {
        if (value == null) {
            return "NoneType";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            return "int";
        }
        if (value instanceof Number) {
            return "float";
        }
        if (value instanceof String) {
            return "str";
        }
        if (value instanceof List<?>) {
            return "list";
        }
        if (value instanceof Map<?, ?>) {
            return "dict";
        }
        return "object";
    }
}

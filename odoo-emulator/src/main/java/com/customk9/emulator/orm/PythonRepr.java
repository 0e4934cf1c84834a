package com.customk9.emulator.orm;

import java.util.Collection;
import java.util.Map;

/** Python's {@code repr()} of JSON-like values, for error messages worded as Odoo's are. */
final class PythonRepr {

    private PythonRepr() {
    }

    static String of(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof String s) {
            if (s.contains("'") && !s.contains("\"")) {
                return "\"" + s + "\"";
            }
            return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return d == Math.rint(d) && !Double.isInfinite(d) ? String.valueOf((long) d) + ".0" : String.valueOf(d);
        }
        if (value instanceof Collection<?> items) {
            StringBuilder out = new StringBuilder("[");
            boolean first = true;
            for (Object item : items) {
                out.append(first ? "" : ", ").append(of(item));
                first = false;
            }
            return out.append(']').toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(first ? "" : ", ").append(of(entry.getKey())).append(": ").append(of(entry.getValue()));
                first = false;
            }
            return out.append('}').toString();
        }
        return String.valueOf(value);
    }

    /** A domain leaf as Python prints the tuple: {@code ('name', 'ilike', 'x')}. */
    static String leaf(Object field, Object operator, Object value) {
        return "(" + of(field) + ", " + of(operator) + ", " + of(value) + ")";
    }
}

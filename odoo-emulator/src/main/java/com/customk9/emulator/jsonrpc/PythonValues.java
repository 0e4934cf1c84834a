package com.customk9.emulator.jsonrpc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.customk9.emulator.orm.PythonTypes;

/**
 * Reads JSON values the way Odoo's Python code would receive them, raising the TypeError or
 * ValueError Python would raise for a value of the wrong kind.
 */
public final class PythonValues {

    private PythonValues() {
    }

    public static String typeName(Object value) {
        return PythonTypes.nameOf(value == OdooJson.NULL ? null : value);
    }

    /** Python's {@code int(value)} for what JSON can carry. */
    public static long toInt(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            if (big.bitLength() > 63) {
                throw OdooRpcError.valueError("integer out of range");
            }
            return big.longValue();
        }
        if (value instanceof Number number) {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d) || Math.abs(d) > Long.MAX_VALUE) {
                throw OdooRpcError.valueError("cannot convert float " + d + " to integer");
            }
            return (long) d;
        }
        if (value instanceof String s) {
            try {
                return new BigDecimal(s.trim()).toBigIntegerExact().longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw OdooRpcError.valueError("invalid literal for int() with base 10: '" + s + "'");
            }
        }
        throw OdooRpcError.typeError("int() argument must be a string, a bytes-like object or a real number, not '"
                + typeName(value) + "'");
    }

    /** An optional integer argument ({@code limit=None}, {@code offset=0}): None and False mean "not given". */
    public static Integer optionalInt(Object value, String argument) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return null;
        }
        if (value instanceof Number || value instanceof Boolean) {
            long n = toInt(value);
            if (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE) {
                throw OdooRpcError.valueError("invalid " + argument + ": " + value);
            }
            return (int) n;
        }
        throw OdooRpcError.typeError("'" + argument + "' must be an integer, not '" + typeName(value) + "'");
    }

    /** Record ids as {@code browse()} accepts them: one id or a list of ids. */
    public static List<Long> ids(Object value) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            List<Long> ids = new ArrayList<>(list.size());
            for (Object item : list) {
                ids.add(id(item));
            }
            return ids;
        }
        return List.of(id(value));
    }

    private static long id(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            return toInt(value);
        }
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return toInt(value);
        }
        throw OdooRpcError.typeError("Record ids must be integers, not '" + typeName(value) + "' (" + value + ")");
    }

    /** A domain argument: a list of leaves and operators, None or False for "everything". */
    @SuppressWarnings("unchecked")
    public static List<Object> domain(Object value) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw OdooRpcError.valueError("Invalid domain " + OdooJson.write(value) + ": a domain is a list");
    }

    /** A field-name list; None, False and an empty list mean all fields, a single string one field. */
    public static List<String> fields(Object value) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return null;
        }
        if (value instanceof String s) {
            return List.of(s);
        }
        if (value instanceof List<?> list) {
            List<String> names = new ArrayList<>(list.size());
            for (Object item : list) {
                if (!(item instanceof String s)) {
                    throw OdooRpcError.typeError("field names must be strings, not '" + typeName(item) + "'");
                }
                names.add(s);
            }
            return names.isEmpty() ? null : names;
        }
        throw OdooRpcError.typeError("'" + typeName(value) + "' object is not iterable");
    }

    public static String optionalString(Object value, String argument) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        throw OdooRpcError.typeError("'" + argument + "' must be a string, not '" + typeName(value) + "'");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> dict(Object value, String argument) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw OdooRpcError.typeError("'" + argument + "' must be a dict, not '" + typeName(value) + "'");
    }

    /** Python truthiness. */
    public static boolean truthy(Object value) {
        if (value == null || value == OdooJson.NULL || Boolean.FALSE.equals(value)) {
            return false;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        if (value instanceof List<?> l) {
            return !l.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }
}

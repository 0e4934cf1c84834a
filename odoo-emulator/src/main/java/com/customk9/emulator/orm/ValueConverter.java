package com.customk9.emulator.orm;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.customk9.emulator.model.DateFormats;
import com.customk9.emulator.model.FieldDef;
import com.customk9.emulator.model.FieldType;
import com.customk9.emulator.model.ModelDef;

/**
 * Values between the wire and the store, field type by field type, as Odoo 17's {@code convert_to_cache} /
 * {@code convert_to_read} do. Stored form: {@code String} (char, text, html, selection, binary, date, datetime;
 * empty stored as {@code null}), {@code Long} (integer, many2one id), {@code Double} (float, monetary),
 * {@code Boolean}, {@code List<Long>} (many2many).
 */
final class ValueConverter {

    private ValueConverter() {
    }

    /** Python truthiness: what Odoo's {@code if not value} sees. */
    static boolean isFalsy(Object value) {
        return value == null || Boolean.FALSE.equals(value) || "".equals(value)
                || value instanceof Collection<?> c && c.isEmpty() || value instanceof Map<?, ?> m && m.isEmpty()
                || value instanceof Number n && n.doubleValue() == 0;
    }

    /** A written value in stored form; x2many fields go through {@link X2ManyCommands} instead. */
    static Object toStored(ModelDef model, FieldDef field, Object value) {
        FieldType type = field.type();
        switch (type) {
            case CHAR, TEXT, HTML:
                if (value == null || Boolean.FALSE.equals(value) || "".equals(value)) {
                    return null;
                }
                return value instanceof String s ? s : PythonRepr.of(value);
            case SELECTION:
                if (value instanceof String s && field.allowsSelectionValue(s)) {
                    return s;
                }
                if (isFalsy(value)) {
                    return null;
                }
                throw wrongValue(model, field, value);
            case BINARY:
                if (isFalsy(value)) {
                    return null;
                }
                if (value instanceof String s) {
                    return s;
                }
                throw wrongValue(model, field, value);
            case INTEGER:
                return toInteger(value);
            case FLOAT, MONETARY:
                return toFloat(value);
            case BOOLEAN:
                return !isFalsy(value);
            case DATE:
                return toDate(value);
            case DATETIME:
                return toDatetime(value);
            case MANY2ONE:
                return toId(model, field, value);
            default:
                throw new IllegalArgumentException("x2many values are commands: " + field);
        }
    }

    static Long toInteger(Object value) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return 0L;
        }
        if (Boolean.TRUE.equals(value)) {
            return 1L;
        }
        long result;
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            result = ((Number) value).longValue();
        } else if (value instanceof BigInteger big) {
            result = big.bitLength() > 63 ? Long.MAX_VALUE : big.longValue();
        } else if (value instanceof Number number) {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new OdooException.ValueError("cannot convert float " + d + " to integer");
            }
            result = (long) d;
        } else if (value instanceof String s) {
            if (s.isEmpty()) {
                return 0L;
            }
            try {
                result = new BigInteger(s.trim().replace("_", "")).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw new OdooException.ValueError("invalid literal for int() with base 10: " + PythonRepr.of(s));
            }
        } else {
            throw new OdooException.ValueError("int() argument must be a string, a bytes-like object or a real "
                    + "number, not '" + PythonTypes.nameOf(value) + "'");
        }
        if (result > Integer.MAX_VALUE || result < Integer.MIN_VALUE) {
            throw new OdooException.ValueError("integer out of range");
        }
        return result;
    }

    static Double toFloat(Object value) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return 0.0;
        }
        if (Boolean.TRUE.equals(value)) {
            return 1.0;
        }
        if (value instanceof BigDecimal big) {
            return big.doubleValue();
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof String s) {
            if (s.isEmpty()) {
                return 0.0;
            }
            try {
                String trimmed = s.trim();
                if (!trimmed.matches("[+-]?(\\d[\\d_]*\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                    throw new NumberFormatException(s);
                }
                return Double.parseDouble(trimmed.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new OdooException.ValueError("could not convert string to float: " + PythonRepr.of(s));
            }
        }
        throw new OdooException.ValueError("float() argument must be a string or a real number, not '"
                + PythonTypes.nameOf(value) + "'");
    }

    static String toDate(Object value) {
        if (isFalsy(value)) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw new OdooException.ValueError("strptime() argument 1 must be str, not " + PythonTypes.nameOf(value));
        }
        String day = s.length() > 10 ? s.substring(0, 10) : s;
        try {
            return DateFormats.date(DateFormats.parseDate(day));
        } catch (DateTimeParseException e) {
            throw new OdooException.ValueError("time data " + PythonRepr.of(day) + " does not match format '%Y-%m-%d'");
        }
    }

    static String toDatetime(Object value) {
        if (isFalsy(value)) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw new OdooException.ValueError("strptime() argument 1 must be str, not " + PythonTypes.nameOf(value));
        }
        try {
            if (s.length() == 10) {
                LocalDate day = DateFormats.parseDate(s);
                return DateFormats.datetime(day.atStartOfDay());
            }
            String moment = s.length() > 19 ? s.substring(0, 19) : s;
            return DateFormats.datetime(DateFormats.parseDatetime(moment));
        } catch (DateTimeParseException e) {
            String shown = s.length() > 19 ? s.substring(0, 19) : s;
            throw new OdooException.ValueError("time data " + PythonRepr.of(shown)
                    + " does not match format '%Y-%m-%d %H:%M:%S'");
        }
    }

    static Long toId(ModelDef model, FieldDef field, Object value) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            long id = ((Number) value).longValue();
            return id == 0 ? null : id;
        }
        throw wrongValue(model, field, value);
    }

    static OdooException.ValueError wrongValue(ModelDef model, FieldDef field, Object value) {
        return new OdooException.ValueError("Wrong value for " + model.name() + "." + field.name() + ": "
                + PythonRepr.of(value));
    }

    /** A stored value as {@code read()} returns it ({@code many2one} pairs are made by the caller). */
    static Object toRead(FieldDef field, Object stored) {
        return switch (field.type()) {
            case INTEGER -> stored instanceof Number n ? n.longValue() : 0L;
            case FLOAT, MONETARY -> stored instanceof Number n ? n.doubleValue() : 0.0;
            case BOOLEAN -> Boolean.TRUE.equals(stored);
            case ONE2MANY, MANY2MANY -> stored instanceof List<?> ids ? new ArrayList<>(ids) : new ArrayList<>();
            default -> stored == null ? Boolean.FALSE : stored;
        };
    }

    /** Normalises a value loaded from JSON storage (numbers may come back as Integer) to stored form. */
    static Object fromJson(FieldDef field, Object json) {
        if (json == null) {
            return null;
        }
        return switch (field.type()) {
            case INTEGER, MANY2ONE -> ((Number) json).longValue();
            case FLOAT, MONETARY -> ((Number) json).doubleValue();
            case MANY2MANY -> {
                List<Long> ids = new ArrayList<>();
                for (Object id : (List<?>) json) {
                    ids.add(((Number) id).longValue());
                }
                yield ids;
            }
            default -> json;
        };
    }
}

package com.customk9.odoo.client.record;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * How Odoo writes values on the wire: {@code false} for empty, dates {@code YYYY-MM-DD}, datetimes
 * naive UTC {@code YYYY-MM-DD HH:MM:SS}, many2one as {@code [id, display_name]}.
 */
public final class OdooValues {

    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    public static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private OdooValues() {
    }

    /** Odoo sends {@code false} (and sometimes null) for an empty non-boolean field. */
    public static boolean isEmpty(Object value) {
        return value == null || Boolean.FALSE.equals(value);
    }

    public static LocalDate parseDate(String value) {
        // Odoo may send a datetime where a date is read (e.g. a computed field); the date part wins.
        String datePart = value.length() > 10 ? value.substring(0, 10) : value;
        return LocalDate.parse(datePart, DATE);
    }

    public static LocalDateTime parseDateTime(String value) {
        try {
            return LocalDateTime.parse(value.length() > 19 ? value.substring(0, 19) : value, DATETIME);
        } catch (DateTimeParseException notSpaceSeparated) {
            return LocalDateTime.parse(value);
        }
    }

    /**
     * A Java value as Odoo expects it in a domain or in values to write: null becomes false, dates
     * and datetimes their Odoo strings (instants in UTC), collections lists, many2one pairs their id.
     */
    public static Object toOdoo(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof String || value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Double || value instanceof Float || value instanceof Short
                || value instanceof java.math.BigDecimal) {
            return value instanceof java.math.BigDecimal decimal ? decimal.doubleValue() : value;
        }
        if (value instanceof LocalDate date) {
            return DATE.format(date);
        }
        if (value instanceof LocalDateTime dateTime) {
            return DATETIME.format(dateTime);
        }
        if (value instanceof Instant instant) {
            return DATETIME.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
        if (value instanceof OffsetDateTime offset) {
            return toOdoo(offset.toInstant());
        }
        if (value instanceof ZonedDateTime zoned) {
            return toOdoo(zoned.toInstant());
        }
        if (value instanceof Many2one pair) {
            return pair.id();
        }
        if (value instanceof Collection<?> collection) {
            List<Object> list = new ArrayList<>(collection.size());
            collection.forEach(item -> list.add(toOdoo(item)));
            return list;
        }
        if (value instanceof Object[] array) {
            return toOdoo(List.of(array));
        }
        if (value instanceof JsonArray array) {
            return toOdoo(array.getList());
        }
        if (value instanceof JsonObject object) {
            return toOdoo(object.getMap());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), toOdoo(item)));
            return copy;
        }
        throw new IllegalArgumentException("Odoo cannot take a value of " + value.getClass().getSimpleName());
    }

    /** A decoded JSON value with Vert.x wrappers replaced by plain maps and lists, all the way down. */
    public static Object plain(Object value) {
        if (value instanceof JsonObject object) {
            return plain(object.getMap());
        }
        if (value instanceof JsonArray array) {
            return plain(array.getList());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), plain(item)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(plain(item)));
            return copy;
        }
        return value;
    }
}

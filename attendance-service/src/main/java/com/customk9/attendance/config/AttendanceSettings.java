package com.customk9.attendance.config;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.customk9.attendance.api.AttendanceException;
import com.customk9.attendance.log.SystemLogs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The settings an operator changes at run time ({@code POST /api/v1/config}), stored as JSON values in
 * {@code config_entry}; a key never set has its default from the service's configuration. Each key has
 * a type and a range, checked before anything is stored.
 */
@ApplicationScoped
public class AttendanceSettings {

    public static final String DUPLICATE_WINDOW = "duplicate_window_minutes";
    public static final String AUTO_MARK = "auto_mark_enabled";
    public static final String HOURS_START = "working_hours_start";
    public static final String HOURS_END = "working_hours_end";
    public static final String THRESHOLD = "recognition_threshold";
    public static final List<String> KEYS = List.of(DUPLICATE_WINDOW, AUTO_MARK, HOURS_START, HOURS_END, THRESHOLD);

    private final Pool pool;
    private final SystemLogs logs;
    private final ObjectMapper mapper;
    private final Settings defaults;

    public AttendanceSettings(Pool pool, SystemLogs logs, ObjectMapper mapper,
            @ConfigProperty(name = "customk9.attendance.duplicate-window-minutes", defaultValue = "5") int window,
            @ConfigProperty(name = "customk9.attendance.auto-mark-enabled", defaultValue = "true") boolean autoMark,
            @ConfigProperty(name = "customk9.attendance.working-hours.start", defaultValue = "09:00") LocalTime start,
            @ConfigProperty(name = "customk9.attendance.working-hours.end", defaultValue = "18:00") LocalTime end,
            @ConfigProperty(name = "customk9.attendance.face.recognition-threshold", defaultValue = "0.40") double threshold) {
        this.pool = pool;
        this.logs = logs;
        this.mapper = mapper;
        this.defaults = new Settings(window, autoMark, start, end, threshold);
    }

    public Uni<Settings> current() {
        return pool.query("select config_key, config_value from config_entry").execute().map(rows -> {
            Map<String, JsonNode> stored = new LinkedHashMap<>();
            for (Row row : rows) {
                stored.put(row.getString("config_key"), parse(row.getString("config_value")));
            }
            return new Settings(
                    stored.containsKey(DUPLICATE_WINDOW) ? stored.get(DUPLICATE_WINDOW).asInt() : defaults.duplicateWindowMinutes(),
                    stored.containsKey(AUTO_MARK) ? stored.get(AUTO_MARK).asBoolean() : defaults.autoMarkEnabled(),
                    stored.containsKey(HOURS_START) ? LocalTime.parse(stored.get(HOURS_START).asText()) : defaults.workingHoursStart(),
                    stored.containsKey(HOURS_END) ? LocalTime.parse(stored.get(HOURS_END).asText()) : defaults.workingHoursEnd(),
                    stored.containsKey(THRESHOLD) ? stored.get(THRESHOLD).asDouble() : defaults.recognitionThreshold());
        });
    }

    public static Map<String, Object> json(Settings settings) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(DUPLICATE_WINDOW, settings.duplicateWindowMinutes());
        config.put(AUTO_MARK, settings.autoMarkEnabled());
        config.put(HOURS_START, hhmm(settings.workingHoursStart()));
        config.put(HOURS_END, hhmm(settings.workingHoursEnd()));
        config.put(THRESHOLD, settings.recognitionThreshold());
        return config;
    }

    /** Checks the value's type and range, stores it, logs the change; answers the settings after it. */
    public Uni<Settings> set(String key, JsonNode value, String description) {
        JsonNode checked = check(key, value);
        return current().chain(before -> {
            Settings after = applied(before, key, checked);
            if (after.workingHoursEnd().isBefore(after.workingHoursStart())) {
                throw AttendanceException.invalid("value", "working_hours_end must not be before working_hours_start");
            }
            return pool.withTransaction(connection -> connection.preparedQuery("""
                    insert into config_entry (config_key, config_value, description) values ($1, $2, $3)
                    on conflict (config_key) do update set config_value = excluded.config_value,
                        description = coalesce(excluded.description, config_entry.description), updated_at = now()
                    """).execute(Tuple.of(key, checked.toString(), description))
                    .call(() -> logs.write(connection, "info", "system", "Configuration changed",
                            Map.of("key", key, "value", checked.toString()))))
                    .replaceWith(after);
        });
    }

    private static JsonNode check(String key, JsonNode value) {
        if (key == null || !KEYS.contains(key)) {
            throw AttendanceException.invalid("key", "must be one of " + String.join(", ", KEYS));
        }
        if (value == null || value.isNull()) {
            throw AttendanceException.invalid("value", "is required");
        }
        switch (key) {
            case DUPLICATE_WINDOW -> {
                if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 0 || value.asInt() > 1440) {
                    throw AttendanceException.invalid("value", "must be a whole number of minutes from 0 to 1440");
                }
            }
            case AUTO_MARK -> {
                if (!value.isBoolean()) {
                    throw AttendanceException.invalid("value", "must be true or false");
                }
            }
            case HOURS_START, HOURS_END -> {
                if (!value.isTextual() || !value.asText().matches("\\d{2}:\\d{2}")) {
                    throw AttendanceException.invalid("value", "must be a time of day as HH:MM");
                }
                try {
                    LocalTime.parse(value.asText());
                } catch (DateTimeParseException e) {
                    throw AttendanceException.invalid("value", "must be a time of day as HH:MM");
                }
            }
            case THRESHOLD -> {
                if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 1) {
                    throw AttendanceException.invalid("value", "must be a cosine similarity from 0 to 1");
                }
            }
            default -> throw new IllegalStateException(key);
        }
        return value;
    }

    private static Settings applied(Settings s, String key, JsonNode value) {
        return switch (key) {
            case DUPLICATE_WINDOW -> new Settings(value.asInt(), s.autoMarkEnabled(), s.workingHoursStart(), s.workingHoursEnd(),
                    s.recognitionThreshold());
            case AUTO_MARK -> new Settings(s.duplicateWindowMinutes(), value.asBoolean(), s.workingHoursStart(),
                    s.workingHoursEnd(), s.recognitionThreshold());
            case HOURS_START -> new Settings(s.duplicateWindowMinutes(), s.autoMarkEnabled(), LocalTime.parse(value.asText()),
                    s.workingHoursEnd(), s.recognitionThreshold());
            case HOURS_END -> new Settings(s.duplicateWindowMinutes(), s.autoMarkEnabled(), s.workingHoursStart(),
                    LocalTime.parse(value.asText()), s.recognitionThreshold());
            default -> new Settings(s.duplicateWindowMinutes(), s.autoMarkEnabled(), s.workingHoursStart(), s.workingHoursEnd(),
                    value.asDouble());
        };
    }

    private JsonNode parse(String json) {
        try {
            return mapper.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("config_entry holds invalid JSON", e);
        }
    }

    private static String hhmm(LocalTime time) {
        return String.format("%02d:%02d", time.getHour(), time.getMinute());
    }
}

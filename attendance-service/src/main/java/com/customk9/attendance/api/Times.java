package com.customk9.attendance.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The site's time zone and the seed's formats: {@code 2025-01-15 09:00:00} for check-in and check-out,
 * {@code 2025-01-15T10:00:00} for key timestamps, {@code 2025-01-15} for dates, {@code 07:30:00} for
 * times of day. Everything is stored as an instant and shown in the site's zone.
 */
@ApplicationScoped
public class Times {

    private static final DateTimeFormatter RECORD = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ZoneId zone;

    public Times(@ConfigProperty(name = "customk9.attendance.zone", defaultValue = "UTC") ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate today() {
        return LocalDate.now(zone);
    }

    public LocalDate dateOf(OffsetDateTime at) {
        return at.atZoneSameInstant(zone).toLocalDate();
    }

    public String record(OffsetDateTime at) {
        return at == null ? null : RECORD.format(at.atZoneSameInstant(zone));
    }

    public String iso(OffsetDateTime at) {
        return at == null ? null : ISO.format(at.atZoneSameInstant(zone));
    }

    public String iso(Instant at) {
        return at == null ? null : ISO.format(at.atZone(zone));
    }

    public String timeOfDay(LocalDateTime at) {
        return at == null ? null : TIME.format(at);
    }

    /** The start of a day in the site's zone. */
    public OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(zone).toOffsetDateTime();
    }

    /** A {@code YYYY-MM-DD} query or path value, or a 400 naming the parameter. */
    public static LocalDate parseDate(String parameter, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw AttendanceException.invalid(parameter, "must be a date as YYYY-MM-DD");
        }
    }
}

package com.customk9.emulator.model;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/** Odoo's server formats: {@code %Y-%m-%d} and naive UTC {@code %Y-%m-%d %H:%M:%S}. */
public final class DateFormats {

    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    public static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);

    private DateFormats() {
    }

    public static String date(LocalDate date) {
        return DATE.format(date);
    }

    public static String datetime(LocalDateTime dateTime) {
        return DATETIME.format(dateTime.withNano(0));
    }

    public static LocalDateTime parseDatetime(String value) {
        return LocalDateTime.parse(value, DATETIME);
    }

    public static LocalDate parseDate(String value) {
        return LocalDate.parse(value, DATE);
    }
}

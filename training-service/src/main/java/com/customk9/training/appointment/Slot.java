package com.customk9.training.appointment;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import com.customk9.platform.error.ApiException;

/** A span of time on a calendar, from {@code start} (included) to {@code stop} (excluded). */
record Slot(Instant start, Instant stop) {

    static final int MIN_MINUTES = 15;
    static final int MAX_MINUTES = 240;

    /**
     * The slot a request asks for: a start and either a duration in minutes or a stop. Without both,
     * {@code defaultLength} (a reschedule keeps the length) or a 400. Odoo keeps whole seconds.
     */
    static Slot of(OffsetDateTime start, Integer durationMinutes, OffsetDateTime stop, Duration defaultLength) {
        Instant from = start.toInstant().truncatedTo(ChronoUnit.SECONDS);
        if (durationMinutes != null && stop != null) {
            throw ApiException.invalid("stop", "give either duration or stop, not both");
        }
        if (durationMinutes != null) {
            return new Slot(from, from.plus(Duration.ofMinutes(durationMinutes)));
        }
        if (stop == null) {
            if (defaultLength == null) {
                throw ApiException.invalid("duration", "must be given (minutes) unless stop is");
            }
            return new Slot(from, from.plus(defaultLength));
        }
        Instant to = stop.toInstant().truncatedTo(ChronoUnit.SECONDS);
        if (!to.isAfter(from)) {
            throw ApiException.invalid("stop", "must be after start");
        }
        long seconds = Duration.between(from, to).toSeconds();
        if (seconds < MIN_MINUTES * 60L || seconds > MAX_MINUTES * 60L) {
            throw ApiException.invalid("stop", "must make the session " + MIN_MINUTES + " to " + MAX_MINUTES
                    + " minutes long");
        }
        return new Slot(from, to);
    }

    Duration length() {
        return Duration.between(start, stop);
    }

    boolean overlaps(Instant otherStart, Instant otherStop) {
        return start.isBefore(otherStop) && stop.isAfter(otherStart);
    }
}

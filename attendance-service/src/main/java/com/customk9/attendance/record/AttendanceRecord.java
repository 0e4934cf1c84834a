package com.customk9.attendance.record;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One presence: a check-in and, once the person leaves, a check-out. */
public record AttendanceRecord(long id, String personId, String personName, OffsetDateTime checkIn, OffsetDateTime checkOut,
        LocalDate date, Integer durationMinutes, String source, Double confidence, String markedBy, String notes) {

    public String status() {
        return checkOut == null ? "checked_in" : "checked_out";
    }
}
